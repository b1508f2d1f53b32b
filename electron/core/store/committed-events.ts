// The committed events of one incident log, for reading: the newest held parsed in memory (the hot tail), the older ones read
// back from the file by their offsets (log-index.ts), a single event, a page or a chunk at a time. IncidentLog (incident-log.ts)
// extends it with appending, sealing and chain verification; split out because reading ranges needs none of that write state,
// only to be told what each fsynced batch added (addCommitted).
import type { IncidentEvent } from '../../../shared/events';
import { EventOffsets, LogLines } from './log-index';

export abstract class CommittedEvents {
  /** The newest committed events, parsed (at most 1.25 × hotLimit; trimmed to hotLimit); `hot[0]` is the event at index offsets.length - hot.length. */
  protected hot: IncidentEvent[];
  protected readonly lines: LogLines;
  protected readonly offsets: EventOffsets;

  protected constructor(
    readonly file: string,
    parsed: { events: IncidentEvent[]; offsets: EventOffsets; schemaFrom: number },
    private readonly hotLimit: number,
    protected size: number,
  ) {
    this.hot = parsed.events;
    this.offsets = parsed.offsets;
    this.lines = new LogLines(file, parsed.offsets, { from: parsed.schemaFrom, to: size });
  }

  /**
   * Every committed event, in order. While the log fits in its hot tail this is that array (free); beyond it, a full pass
   * parsing the older events from the file into a new array (hundreds of MB and seconds at a million events): prefer
   * projections, eventAt(), read() or readChunks().
   */
  get events(): readonly IncidentEvent[] {
    if (this.hot.length === this.offsets.length) return this.hot;
    const all: IncidentEvent[] = [];
    for (const chunk of this.readChunks()) for (const e of chunk) all.push(e);
    return all;
  }

  /** How many events are committed. */
  get eventCount(): number {
    return this.offsets.length;
  }

  /** The committed event with this seq, if any (from the hot tail, or read from the file). */
  eventAt(seq: number): IncidentEvent | undefined {
    const index = this.offsets.indexOf(seq);
    return index < 0 ? undefined : this.eventAtIndex(index);
  }

  /** The committed event at this position (0 = the first), if any. */
  eventAtIndex(index: number): IncidentEvent | undefined {
    if (index < 0 || index >= this.offsets.length) return undefined;
    const hotStart = this.offsets.length - this.hot.length;
    if (index >= hotStart) return this.hot[index - hotStart];
    for (const chunk of this.lines.events(index, index + 1, (i) => this.lineEnd(i))) return chunk[0];
    return undefined;
  }

  /** Position of the first committed event with seq ≥ `seq` (eventCount when none). */
  indexOfSeq(seq: number): number {
    return this.offsets.lowerBound(seq);
  }

  /** Seq of the oldest event held parsed in memory (older ones are read from the file); lastSeq + 1 when none is. */
  get inMemoryFromSeq(): number {
    return this.hot[0]?.seq ?? this.lastSeq + 1;
  }

  get firstEvent(): IncidentEvent | undefined {
    return this.eventAtIndex(0);
  }

  get lastEvent(): IncidentEvent | undefined {
    return this.hot.at(-1);
  }

  /** The byte after the line of the event with this seq; undefined when no event has it. */
  endOfSeq(seq: number): number | undefined {
    const index = this.offsets.indexOf(seq);
    return index < 0 ? undefined : this.lineEnd(index);
  }

  /** The byte after the line of the event at `index`. */
  private lineEnd(index: number): number {
    return index + 1 < this.offsets.length ? this.offsets.offsetAt(index + 1) : this.size;
  }

  /**
   * The committed events with fromSeq ≤ seq ≤ toSeq, in order, a chunk (an array of about a megabyte of lines) at a time: a full
   * pass holds one chunk, never the log. Events committed while iterating are included up to toSeq.
   */
  *readChunks(fromSeq = 1, toSeq = Infinity): Generator<IncidentEvent[]> {
    let index = this.offsets.lowerBound(fromSeq);
    while (index < this.offsets.length && this.offsets.seqAt(index) <= toSeq) {
      const hotStart = this.offsets.length - this.hot.length;
      if (index >= hotStart) {
        const end = Math.min(this.offsets.length, this.offsets.lowerBound(toSeq + 1));
        yield this.hot.slice(index - hotStart, end - hotStart);
        index = end;
        continue;
      }
      const end = Math.min(hotStart, this.offsets.lowerBound(toSeq + 1));
      for (const chunk of this.lines.events(index, end, (i) => this.lineEnd(i))) {
        yield chunk;
        index += chunk.length;
      }
    }
  }

  /** The events at positions [from, to) (clamped to the log), oldest first: a page, read from the file where it is not in the hot tail. */
  slice(from: number, to: number): IncidentEvent[] {
    const end = Math.min(to, this.offsets.length);
    if (from >= end) return [];
    const out: IncidentEvent[] = [];
    for (const chunk of this.readChunks(this.offsets.seqAt(Math.max(0, from)), this.offsets.seqAt(end - 1))) for (const e of chunk) out.push(e);
    return out;
  }

  /** The committed events with fromSeq ≤ seq ≤ toSeq, one at a time (see readChunks). */
  *read(fromSeq = 1, toSeq = Infinity): Generator<IncidentEvent> {
    for (const chunk of this.readChunks(fromSeq, toSeq)) yield* chunk;
  }

  /** Bytes of the log holding exactly the committed events. */
  get byteSize(): number {
    return this.size;
  }

  get lastSeq(): number {
    return this.offsets.length > 0 ? this.offsets.seqAt(this.offsets.length - 1) : 0;
  }

  /**
   * Takes in a batch now on disk: `lines` (the events serialised, without their newlines, `bytes` long with them) start at the
   * old end of the log. The hot tail keeps the newest events, trimmed back to hotLimit once it is a quarter over.
   */
  protected addCommitted(events: readonly IncidentEvent[], lines: readonly string[], bytes: number): void {
    for (let i = 0, at = this.size; i < events.length; i++) {
      this.offsets.push(events[i]!.seq, at);
      at += Buffer.byteLength(lines[i]!) + 1;
    }
    this.size += bytes;
    for (const e of events) this.hot.push(e);
    if (this.hot.length >= this.hotLimit + Math.ceil(this.hotLimit / 4)) this.hot = this.hot.slice(this.hot.length - this.hotLimit);
  }
}
