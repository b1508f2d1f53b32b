// The timeline of a large incident without holding a row object per event: typed columns per row, the rows' order by when
// things happened, a token → rows postings index for search, and annotations (pins, classifications) applied in place.
// Advanced event by event (like the domain projections), it answers what filterTimeline(buildTimelineRows(log)) answers —
// the rows matching a filter, newest first — and builds only the rows of the page asked for. The core keeps one per
// incident to serve timeline.page / timeline.search; playback keeps one per log to show the timeline at t.
import type { IncidentEvent, NoteKind } from '../events';
import { refOf, resolveRef, type EventRef } from '../events/event-refs';
import { Column, Dictionary } from './columns';
import { timelineSources, toTimelineEntry, type TimelineSource } from './describe-event';
import { happenedTime } from './happened-at';
import { SplicedOrdinals, type OrdinalList } from './ordinal-list';
import { TokenPostings } from './token-postings';
import { LATE_TOLERANCE_MS, type TimelineFilter, type TimelineRow } from './timeline-view';

const kindCodes: readonly (NoteKind | undefined)[] = [undefined, 'note', 'observation', 'hypothesis', 'decision', 'action'];
const kindCode = (kind: NoteKind | undefined): number => (kind ? kindCodes.indexOf(kind) : 0);
const sourceCode = new Map<TimelineSource, number>(timelineSources.map((s, i) => [s, i]));
const METRIC_SAMPLE = 'metric.observed';
/** Rows kept built: the pinned strip (≤ 500) and a few pages. */
const MAX_BUILT_ROWS = 4096;

/** Pins and classifications as they stood at some moment (playback): replace the index's own, which are the log's latest. */
export interface TimelineAnnotations {
  pinned: ReadonlyMap<number, boolean>;
  kinds: ReadonlyMap<number, NoteKind>;
}

export interface TimelineSelectOptions {
  /** Only rows recorded up to this seq (playback at t); default: all. */
  upToSeq?: number;
  annotations?: TimelineAnnotations;
}

/** Words of a search, as filterTimeline splits them. */
export const searchWords = (text: string | undefined): string[] => (text ?? '').toLowerCase().split(/\s+/).filter(Boolean);

export class TimelineIndex {
  /**
   * Row ordinal (in log order) → its event; the row's text is built from it only when a page shows it. Empty when the index
   * reads events through `readEvent` (the core's log keeps them on disk; holding them here would keep a million objects alive).
   */
  private readonly events: IncidentEvent[] = [];

  /** `readEvent` (optional): the event with a seq, when the caller keeps the events (the index then holds none itself). */
  constructor(private readonly readEvent?: (seq: number) => IncidentEvent | undefined) {}

  private eventAtOrdinal(ordinal: number): IncidentEvent {
    if (!this.readEvent) return this.events[ordinal]!;
    const e = this.readEvent(this.seq.get(ordinal));
    if (!e) throw new Error(`the timeline index names event #${this.seq.get(ordinal)}, which its log does not hold`);
    return e;
  }
  /** Local seqs fit 32 bits (a log of 2^31 events is out of reach): half the bytes of a Float64 column. */
  private readonly seq = new Column(Int32Array);
  private readonly at = new Column(Float64Array);
  private readonly late = new Column(Uint8Array);
  private readonly source = new Column(Uint8Array);
  private readonly actor = new Column(Uint32Array);
  private readonly type = new Column(Uint16Array);
  /** The kind the note was written with (0 = none); classifications go in `kind`. */
  private readonly noteKind = new Column(Uint8Array);
  private readonly kind = new Column(Uint8Array);
  private readonly pinned = new Column(Uint8Array);
  /** The latest happened-at among the rows up to each ordinal (a running maximum): where a moment's rows begin. */
  private readonly latestUpTo = new Column(Float64Array);
  /** The earliest happened-at among the rows from each ordinal on (computed when a moment is first asked for). */
  private earliestFrom: Float64Array | undefined;
  /**
   * Rows built lately, by ordinal: every seek shows the pinned strip again, and rows near where it was. A row is reused
   * while its annotations (pinned, kind) are the same; rows are never changed once built. Bounded, dropped when full.
   */
  private readonly built = new Map<number, TimelineRow>();
  private readonly actors = new Dictionary();
  private readonly types = new Dictionary();
  /** Ordinals oldest first by when they happened (equal times in log order), as buildTimelineRows orders rows. */
  private readonly order = new Column(Int32Array);
  /** Which rows hold each word of the rows' search text (token-postings.ts). */
  private readonly postings = new TokenPostings();
  private readonly sourcesPresent = new Set<number>();
  /** Ordinals of the rows whose event carries a global id (written with team sync on), by that id. */
  private readonly ordinalsById = new Map<string, number>();
  /** 1 for the rows whose event carries a global id (a reference by seq to such a row's own id is resolved by id). */
  private readonly stamped = new Column(Uint8Array);
  /** Whether rows were added in ascending seq (a log's own order); the team's merge order of a synced incident may not be. */
  private seqsAscending = true;
  /** Ordinals of the rows pinned now (few): the pinned strip never scans every row. */
  private readonly pinnedNow = new Set<number>();
  private latestSeen = -Infinity;
  private folded = 0;
  /** Selections by filter (all rows, latest annotations), dropped on every add: paging and seeking reuse them. */
  private readonly cache = new Map<string, Int32Array>();
  /**
   * Scratch space reused by every scan (the rows found, and the rows a search matched): fresh megabytes per request add up to
   * the external memory that makes V8 run full collections of a heap holding a million events (a search or page then took
   * hundreds of milliseconds now and then).
   */
  private found = new Int32Array(0);
  private mask = new Uint8Array(0);

  /** Seq of the last event added (annotations included). */
  get lastSeq(): number {
    return this.folded;
  }

  /** Rows on the timeline (annotation events are not rows). */
  get rowCount(): number {
    return this.seq.length;
  }

  /** Adds the events after lastSeq (older ones are skipped, so passing the whole log again is fine). */
  addAll(events: readonly IncidentEvent[]): this {
    for (const e of events) if (e.seq > this.folded) this.add(e);
    return this;
  }

  add(e: IncidentEvent): void {
    this.folded = e.seq;
    this.cache.clear();
    if (e.type === 'timeline.entry_pinned' || e.type === 'timeline.entry_classified') {
      const target = this.ordinalOf(refOf(e.payload.targetId, e.payload.targetSeq));
      if (target < 0) return;
      if (e.type === 'timeline.entry_pinned') {
        this.pinned.set(target, e.payload.pinned ? 1 : 0);
        if (e.payload.pinned) this.pinnedNow.add(target);
        else this.pinnedNow.delete(target);
      } else this.kind.set(target, kindCode(e.payload.kind));
      return;
    }
    const entry = toTimelineEntry(e);
    const at = Date.parse(happenedTime(e));
    const ordinal = this.seq.length;
    if (!this.readEvent) this.events.push(e);
    if (e.id !== undefined) this.ordinalsById.set(e.id, ordinal);
    this.stamped.push(e.id !== undefined ? 1 : 0);
    if (ordinal > 0 && e.seq < this.seq.get(ordinal - 1)) this.seqsAscending = false;
    this.seq.push(e.seq);
    this.at.push(at);
    this.late.push(at < this.latestSeen - LATE_TOLERANCE_MS ? 1 : 0);
    this.latestSeen = Math.max(this.latestSeen, at);
    this.latestUpTo.push(this.latestSeen);
    this.earliestFrom = undefined;
    const source = sourceCode.get(entry.source) ?? 0;
    this.source.push(source);
    this.sourcesPresent.add(source);
    this.actor.push(this.actors.id(entry.actor));
    this.type.push(this.types.id(entry.type));
    const noteKind = e.type === 'note.added' && e.payload.kind !== 'note' ? kindCode(e.payload.kind) : 0;
    this.noteKind.push(noteKind);
    this.kind.push(noteKind);
    this.pinned.push(0);
    this.insertInOrder(ordinal, at, e.seq);
    this.postings.add(ordinal, haystackOf(entry));
  }

  /**
   * Ordinals of the rows matching `filter`, newest first (what the pane lists). A moment of playback (upToSeq) cuts the
   * cached selection of all rows by seq — one pass over packed ints — unless its filter reads annotations (kind, pinned),
   * which may differ then.
   */
  select(filter: TimelineFilter, options: TimelineSelectOptions = {}): Int32Array {
    const readsAnnotations = filter.kind !== undefined || filter.pinnedOnly === true;
    if (options.annotations && readsAnnotations) return this.scan(filter, options);
    const key = filterKey(filter);
    let all = this.cache.get(key);
    if (!all) {
      all = this.scan(filter, {});
      this.remember(key, all);
    }
    const upTo = options.upToSeq;
    if (upTo === undefined || upTo >= this.folded) return all;
    const seqs = this.seq.raw;
    const out = new Int32Array(all.length);
    let count = 0;
    for (let i = 0; i < all.length; i++) {
      const o = all[i]!;
      if (seqs[o]! <= upTo) out[count++] = o;
    }
    return out.subarray(0, count);
  }

  /**
   * Keeps a selection for reuse, dropping the least recently made ones past CACHED_ROWS in all or CACHED_SELECTIONS: at a million rows each
   * selection may be 4 MB, and eight of them were kept whatever their size.
   */
  private remember(key: string, selection: Int32Array): void {
    this.cache.set(key, selection);
    let rows = 0;
    for (const s of this.cache.values()) rows += s.length;
    for (const [oldest, s] of this.cache) {
      if ((rows <= CACHED_ROWS && this.cache.size <= CACHED_SELECTIONS) || oldest === key) break;
      this.cache.delete(oldest);
      rows -= s.length;
    }
  }

  /**
   * The rows matching `filter` at a moment of playback (upToSeq), newest first, without copying the selection of all rows:
   * rows newer than anything recorded by then are skipped by a binary search, rows older than anything recorded later are
   * a zero-copy tail, and only the rows in between (recorded out of order: late notes, alerts that started earlier) are
   * filtered by seq. The same rows as select(filter, options); filters that read annotations still scan.
   */
  selectAt(filter: TimelineFilter, options: TimelineSelectOptions = {}): OrdinalList {
    const upTo = options.upToSeq;
    const readsAnnotations = filter.kind !== undefined || filter.pinnedOnly === true;
    if (upTo === undefined || upTo >= this.folded || (options.annotations && readsAnnotations)) return this.select(filter, options);
    const all = this.select(filter, {});
    const cut = this.rowsUpToSeq(upTo);
    if (cut === 0) return new Int32Array(0);
    if (cut === this.seq.length) return all;
    const newestThen = this.latestUpTo.get(cut - 1);
    const earliestLater = this.earliestFromOrdinal()[cut]!;
    const start = this.firstPositionAtOrBefore(all, newestThen, false);
    const end = Math.max(start, this.firstPositionAtOrBefore(all, earliestLater, true));
    const head = new Int32Array(end - start);
    let count = 0;
    for (let i = start; i < end; i++) if (all[i]! < cut) head[count++] = all[i]!;
    return new SplicedOrdinals(head.subarray(0, count), all.subarray(end));
  }

  /** Rows recorded up to `seq` (their ordinals are 0 … n-1: rows are numbered in log order). */
  private rowsUpToSeq(seq: number): number {
    const seqs = this.seq.raw;
    let lo = 0;
    let hi = this.seq.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (seqs[mid]! <= seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private earliestFromOrdinal(): Float64Array {
    if (!this.earliestFrom) {
      const n = this.seq.length;
      const at = this.at.raw;
      const earliest = new Float64Array(n + 1);
      earliest[n] = Infinity;
      for (let o = n - 1; o >= 0; o--) earliest[o] = Math.min(earliest[o + 1]!, at[o]!);
      this.earliestFrom = earliest;
    }
    return this.earliestFrom;
  }

  /** First position in a selection (newest first) whose row happened at or before `t` (strictly before when `strict`). */
  private firstPositionAtOrBefore(selection: Int32Array, t: number, strict: boolean): number {
    const at = this.at.raw;
    let lo = 0;
    let hi = selection.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const a = at[selection[mid]!]!;
      if (strict ? a >= t : a > t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private scan(filter: TimelineFilter, options: TimelineSelectOptions): Int32Array {
    const n = this.seq.length;
    const words = searchWords(filter.text);
    const text = words.length > 0 ? this.matchWords(words) : undefined;
    const textMatch = text?.mask;
    const sources = filter.sources && filter.sources.size > 0 ? new Set([...filter.sources].map((s) => sourceCode.get(s))) : undefined;
    const actor = filter.actor ? this.actors.find(filter.actor) : undefined;
    const type = filter.type ? this.types.find(filter.type) : undefined;
    const metricType = this.types.find(METRIC_SAMPLE);
    const hideMetrics = metricType !== undefined && !filter.showMetricSamples && filter.type !== METRIC_SAMPLE;
    const kind = filter.kind ? kindCode(filter.kind) : 0;
    const upTo = options.upToSeq ?? Infinity;
    if (this.found.length < n) this.found = new Int32Array(Math.max(n, this.found.length * 2));
    const out = this.found;
    let count = 0;
    if ((filter.actor && actor === undefined) || (filter.type && type === undefined) || (text && text.rows.length === 0)) {
      if (text) for (const o of text.rows) text.mask[o] = 0;
      return new Int32Array(0);
    }
    const seqs = this.seq.raw;
    const src = this.source.raw;
    const act = this.actor.raw;
    const typ = this.type.raw;
    const order = this.order.raw;
    const byActor = actor !== undefined;
    const byType = type !== undefined;
    const annotated = kind !== 0 || filter.pinnedOnly === true;
    for (let i = this.order.length - 1; i >= 0; i--) {
      const o = order[i]!;
      if (seqs[o]! > upTo) continue;
      if (textMatch !== undefined && textMatch[o] !== 1) continue;
      if (sources !== undefined) {
        if (!sources.has(src[o]!)) continue;
      } else if (hideMetrics && typ[o] === metricType) continue;
      if (byActor && act[o] !== actor) continue;
      if (byType && typ[o] !== type) continue;
      if (annotated) {
        if (kind !== 0 && this.kindOf(o, options.annotations) !== kind) continue;
        if (filter.pinnedOnly && !this.pinnedOf(o, options.annotations)) continue;
      }
      out[count++] = o;
    }
    if (text) for (const o of text.rows) text.mask[o] = 0;
    return out.slice(0, count);
  }

  /** The row at `ordinal`, annotated as the index stands (or as `annotations` say). */
  row(ordinal: number, annotations?: TimelineAnnotations): TimelineRow {
    const code = this.kindOf(ordinal, annotations);
    const pinned = this.pinnedOf(ordinal, annotations);
    const kind = code !== 0 ? kindCodes[code]! : undefined;
    const known = this.built.get(ordinal);
    if (known && known.pinned === pinned && known.kind === kind) return known;
    const entry = known ?? toTimelineEntry(this.eventAtOrdinal(ordinal));
    const { kind: _kind, ...rest } = entry as TimelineRow;
    const row: TimelineRow = {
      ...rest,
      at: this.at.get(ordinal),
      late: this.late.get(ordinal) === 1,
      pinned,
      ...(kind !== undefined ? { kind } : {}),
      haystack: known?.haystack ?? haystackOf(entry),
    };
    if (this.built.size >= MAX_BUILT_ROWS) this.built.clear();
    this.built.set(ordinal, row);
    return row;
  }

  seqOf(ordinal: number): number {
    return this.seq.get(ordinal);
  }

  /** Position in `selection` (newest first) of the row with this seq, or -1. */
  positionOfSeq(selection: OrdinalList, seq: number): number {
    const o = this.ordinalOfSeq(seq);
    return o < 0 ? -1 : selection.indexOf(o);
  }

  /** Position in `selection` of the newest row that happened at or before `t` (as indexAtTime). */
  positionAtTime(selection: OrdinalList, t: number): number {
    let lo = 0;
    let hi = selection.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.at.get(selection.at(mid)!) > t) lo = mid + 1;
      else hi = mid;
    }
    return Math.min(lo, Math.max(0, selection.length - 1));
  }

  /** The pinned rows, oldest first (the strip above the list). */
  pinnedOrdinals(options: TimelineSelectOptions = {}): number[] {
    const upTo = options.upToSeq ?? Infinity;
    const found: number[] = [];
    if (options.annotations) {
      // One pass over the pins as they stood (every seek shows the strip): no intermediate arrays.
      for (const [seq, pinned] of options.annotations.pinned) {
        if (!pinned || seq > upTo) continue;
        const o = this.ordinalOfSeq(seq);
        if (o >= 0) found.push(o);
      }
    } else for (const o of this.pinnedNow) if (this.seq.get(o) <= upTo) found.push(o);
    const at = this.at.raw;
    const seqs = this.seq.raw;
    return found.sort((a, b) => at[a]! - at[b]! || seqs[a]! - seqs[b]!);
  }

  /** Actors and types on the timeline (sorted) and the sources present: what the filter menus offer. */
  facets(): { actors: string[]; types: string[]; sources: TimelineSource[] } {
    return { actors: [...this.actors.names].sort(), types: [...this.types.names].sort(), sources: timelineSources.filter((_, i) => this.sourcesPresent.has(i)) };
  }

  private kindOf(o: number, annotations: TimelineAnnotations | undefined): number {
    if (!annotations) return this.kind.get(o);
    const classified = annotations.kinds.get(this.seq.get(o));
    return classified ? kindCode(classified) : this.noteKind.get(o);
  }

  private pinnedOf(o: number, annotations: TimelineAnnotations | undefined): boolean {
    return annotations ? annotations.pinned.get(this.seq.get(o)) === true : this.pinned.get(o) === 1;
  }

  /** Rows whose search text holds every word, marked 1 in the reused mask (clear them with unmark once read). */
  private matchWords(words: string[]): { mask: Uint8Array; rows: Int32Array } {
    const n = this.seq.length;
    if (this.mask.length < n) this.mask = new Uint8Array(Math.max(n, this.mask.length * 2));
    const rows = this.postings.match(words, n, (ordinal) => haystackOf(toTimelineEntry(this.eventAtOrdinal(ordinal))));
    for (const o of rows) this.mask[o] = 1;
    return { mask: this.mask, rows };
  }

  /** The event of the row a reference names (event-refs.ts), if it is on the timeline. */
  eventOf(ref: EventRef): IncidentEvent | undefined {
    const o = this.ordinalOf(ref);
    return o < 0 ? undefined : this.eventAtOrdinal(o);
  }

  /** The row a pin or classification names (event-refs.ts), or -1. */
  private ordinalOf(ref: EventRef | undefined): number {
    if (!ref) return -1;
    const found = resolveRef(ref, {
      byId: (id) => this.ordinalsById.get(id),
      bySeq: (seq) => {
        const o = this.ordinalOfSeq(seq);
        return o < 0 ? undefined : { value: o, stamped: this.stamped.get(o) === 1 };
      },
    });
    return found ?? -1;
  }

  private ordinalOfSeq(seq: number): number {
    const seqs = this.seq.raw;
    // A synced incident is folded in the team's order (shared/sync/merge-order.ts), where received events' local seqs
    // are not ascending: then look the seq up one by one (a packed scan), as the binary search below would miss it.
    if (!this.seqsAscending) return seqs.subarray(0, this.seq.length).indexOf(seq);
    let lo = 0;
    let hi = this.seq.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (seqs[mid]! < seq) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.seq.length && seqs[lo] === seq ? lo : -1;
  }

  private insertInOrder(ordinal: number, at: number, seq: number): void {
    const order = this.order;
    const n = order.length;
    const last = n > 0 ? order.get(n - 1) : undefined;
    if (last === undefined || this.at.get(last) < at || (this.at.get(last) === at && this.seq.get(last) < seq)) {
      order.push(ordinal);
      return;
    }
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const m = order.get(mid);
      if (this.at.get(m) < at || (this.at.get(m) === at && this.seq.get(m) < seq)) lo = mid + 1;
      else hi = mid;
    }
    order.insert(lo, ordinal);
  }
}

/** Rows kept in cached selections in all (4 bytes each): two selections of every row of a million-event incident. */
const CACHED_ROWS = 2_000_000;
/** Selections kept at most, however small. */
const CACHED_SELECTIONS = 16;

/** The lower-cased text a row is searched by (as buildTimelineRows computes it). */
export const haystackOf = (entry: { text: string; detail?: string; actor: string; type: string }) => `${entry.text} ${entry.detail ?? ''} ${entry.actor} ${entry.type}`.toLowerCase();

function filterKey(f: TimelineFilter): string {
  return JSON.stringify([[...(f.sources ?? [])].sort(), f.actor, f.type, f.kind, f.pinnedOnly, f.text, f.showMetricSamples]);
}
