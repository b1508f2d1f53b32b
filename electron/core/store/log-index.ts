// Where each committed event of an incident log is, without holding the event: its seq and the byte offset of its line, in
// growable typed arrays (8 bytes an event below 4 GB of log; a parsed event costs ≈ 350 bytes of heap, so a million of them were ≈ 350 MB).
// Events not in the log's hot tail are read back from the file and parsed when asked for (LogLines), a chunk at a time for
// the rare full passes (summary, chain verification, export). Hand-written: a sorted pair of number columns and a pread.
import { closeSync, openSync, readSync } from 'node:fs';
import { isAscii } from 'node:buffer';
import { IncidentEvent } from '../../../shared/events';

export class EventOffsets {
  private seqs = new Int32Array(1024);
  /** Byte offsets: 32 bits while the log is under 4 GB (every log in practice), 64-bit floats once an offset passes that. */
  private starts: Uint32Array | Float64Array = new Uint32Array(1024);
  length = 0;

  push(seq: number, offset: number): void {
    if (this.length === this.seqs.length) {
      const seqs = new Int32Array(this.length * 2);
      const starts = this.starts instanceof Uint32Array ? new Uint32Array(this.length * 2) : new Float64Array(this.length * 2);
      seqs.set(this.seqs);
      starts.set(this.starts);
      this.seqs = seqs;
      this.starts = starts;
    }
    if (offset > 0xffffffff && this.starts instanceof Uint32Array) this.starts = Float64Array.from(this.starts);
    this.seqs[this.length] = seq;
    this.starts[this.length++] = offset;
  }

  seqAt(index: number): number {
    return this.seqs[index]!;
  }

  offsetAt(index: number): number {
    return this.starts[index]!;
  }

  /** Index of the first event whose seq is ≥ `seq` (length when none). */
  lowerBound(seq: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.seqs[mid]! < seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the event with exactly this seq, or -1. */
  indexOf(seq: number): number {
    const i = this.lowerBound(seq);
    return i < this.length && this.seqs[i] === seq ? i : -1;
  }
}

/** Bytes read from the file at a time by a full pass (whole lines; a longer line is read whole). */
const CHUNK_BYTES = 1024 * 1024;
const NEWLINE = 0x0a;

/**
 * Reads committed lines back from the log file. Lines before `schemaFrom` were validated (full schema or the seal's cheap check
 * of bytes this app wrote in stored form) and are parsed as they are; lines a previous open validated with the full schema
 * (after the seal) are parsed through it again, so an event read back is exactly the event open produced.
 */
export class LogLines {
  private fd: number | undefined;

  constructor(
    private readonly file: string,
    private readonly offsets: EventOffsets,
    /** Byte range whose lines open ran through the full schema (its output may differ from the raw JSON). */
    private readonly schemaRange: { from: number; to: number },
  ) {}

  private parse(line: string, offset: number): IncidentEvent {
    const raw = JSON.parse(line) as IncidentEvent;
    return offset >= this.schemaRange.from && offset < this.schemaRange.to ? IncidentEvent.parse(raw) : raw;
  }

  private read(from: number, to: number): Buffer {
    this.fd ??= openSync(this.file, 'r');
    const buffer = Buffer.allocUnsafe(to - from);
    for (let done = 0; done < buffer.length; ) {
      const n = readSync(this.fd, buffer, done, buffer.length - done, from + done);
      if (n <= 0) throw new Error(`the log ${this.file} is shorter than the events it committed (read stopped at byte ${from + done})`);
      done += n;
    }
    return buffer;
  }

  /** Events at indexes [from, to) of the offsets; `end` is the byte after the line of index to - 1. */
  *events(from: number, to: number, end: (index: number) => number): Generator<IncidentEvent[]> {
    for (let i = from; i < to; ) {
      let j = i + 1;
      const start = this.offsets.offsetAt(i);
      while (j < to && this.offsets.offsetAt(j) - start < CHUNK_BYTES) j++;
      const bytes = this.read(start, end(j - 1));
      // An ASCII chunk is decoded once (latin1: one byte a character, so byte offsets are text offsets); otherwise line by line.
      const text = isAscii(bytes) ? bytes.toString('latin1') : undefined;
      const chunk: IncidentEvent[] = [];
      for (let k = i; k < j; k++) {
        const a = this.offsets.offsetAt(k) - start;
        const b = bytes.indexOf(NEWLINE, a);
        chunk.push(this.parse(text !== undefined ? text.slice(a, b) : bytes.toString('utf8', a, b), this.offsets.offsetAt(k)));
      }
      yield chunk;
      i = j;
    }
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
