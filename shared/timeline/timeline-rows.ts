// The timeline index's rows as typed columns (columns.ts), one entry per row in log order (a row's ordinal): when it happened,
// its source, actor, type, kind and pin, plus the rows' order by when they happened, and the lookups over them (seq → row,
// event reference → row, rows recorded by a seq). Split from timeline-index.ts: the index builds rows, caches selections and
// serves pages; this is only what is stored per row and how it is found, shared with the filter scan (timeline-scan.ts).
import type { IncidentEvent, NoteKind } from '../events';
import { refOf, resolveRef, type EventRef } from '../events/event-refs';
import { Column, Dictionary } from './columns';
import { timelineSources, type TimelineEntry, type TimelineSource } from './describe-event';
import { happenedTime } from './happened-at';
import { LATE_TOLERANCE_MS } from './timeline-view';

export const kindCodes: readonly (NoteKind | undefined)[] = [undefined, 'note', 'observation', 'hypothesis', 'decision', 'action'];
export const kindCode = (kind: NoteKind | undefined): number => (kind ? kindCodes.indexOf(kind) : 0);
export const sourceCode = new Map<TimelineSource, number>(timelineSources.map((s, i) => [s, i]));

/** Pins and classifications as they stood at some moment (playback): replace the index's own, which are the log's latest. */
export interface TimelineAnnotations {
  pinned: ReadonlyMap<number, boolean>;
  kinds: ReadonlyMap<number, NoteKind>;
}

/** The rows' columns, appended to by push() and changed in place only by annotate(). */
export class TimelineRows {
  /** Local seqs fit 32 bits (a log of 2^31 events is out of reach): half the bytes of a Float64 column. */
  readonly seq = new Column(Int32Array);
  readonly at = new Column(Float64Array);
  readonly late = new Column(Uint8Array);
  readonly source = new Column(Uint8Array);
  readonly actor = new Column(Uint32Array);
  readonly type = new Column(Uint16Array);
  /** The kind the note was written with (0 = none); classifications go in `kind`. */
  readonly noteKind = new Column(Uint8Array);
  readonly kind = new Column(Uint8Array);
  readonly pinned = new Column(Uint8Array);
  /** The latest happened-at among the rows up to each ordinal (a running maximum): where a moment's rows begin. */
  readonly latestUpTo = new Column(Float64Array);
  /** The earliest happened-at among the rows from each ordinal on (computed when a moment is first asked for). */
  private earliestFrom: Float64Array | undefined;
  readonly actors = new Dictionary();
  readonly types = new Dictionary();
  /** Ordinals oldest first by when they happened (equal times in log order), as buildTimelineRows orders rows. */
  readonly order = new Column(Int32Array);
  readonly sourcesPresent = new Set<number>();
  /** Ordinals of the rows whose event carries a global id (written with team sync on), by that id. */
  readonly ordinalsById = new Map<string, number>();
  /** 1 for the rows whose event carries a global id (a reference by seq to such a row's own id is resolved by id). */
  readonly stamped = new Column(Uint8Array);
  /** Whether rows were added in ascending seq (a log's own order); the team's merge order of a synced incident may not be. */
  private seqsAscending = true;
  /** Ordinals of the rows pinned now (few): the pinned strip never scans every row. */
  readonly pinnedNow = new Set<number>();
  private latestSeen = -Infinity;

  /** Adds the row of a timeline event (not an annotation) and answers its ordinal. */
  push(e: IncidentEvent, entry: TimelineEntry): number {
    const at = Date.parse(happenedTime(e));
    const ordinal = this.seq.length;
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
    return ordinal;
  }

  /** Applies a pin or classification to the row it names; one naming no row on the timeline is ignored. */
  annotate(e: Extract<IncidentEvent, { type: 'timeline.entry_pinned' | 'timeline.entry_classified' }>): void {
    const target = this.ordinalOf(refOf(e.payload.targetId, e.payload.targetSeq));
    if (target < 0) return;
    if (e.type === 'timeline.entry_pinned') {
      this.pinned.set(target, e.payload.pinned ? 1 : 0);
      if (e.payload.pinned) this.pinnedNow.add(target);
      else this.pinnedNow.delete(target);
    } else this.kind.set(target, kindCode(e.payload.kind));
  }

  /** Rows recorded up to `seq` (their ordinals are 0 … n-1: rows are numbered in log order). */
  rowsUpToSeq(seq: number): number {
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

  /** The earliest happened-at among the rows from each ordinal on (and Infinity past the last row). */
  earliestFromOrdinal(): Float64Array {
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
  firstPositionAtOrBefore(selection: Int32Array, t: number, strict: boolean): number {
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

  /** The row's kind code (kindCodes) as the index stands, or as `annotations` say. */
  kindOf(o: number, annotations: TimelineAnnotations | undefined): number {
    if (!annotations) return this.kind.get(o);
    const classified = annotations.kinds.get(this.seq.get(o));
    return classified ? kindCode(classified) : this.noteKind.get(o);
  }

  /** Whether the row is pinned as the index stands, or as `annotations` say. */
  pinnedOf(o: number, annotations: TimelineAnnotations | undefined): boolean {
    return annotations ? annotations.pinned.get(this.seq.get(o)) === true : this.pinned.get(o) === 1;
  }

  /** The row a pin or classification names (event-refs.ts), or -1. */
  ordinalOf(ref: EventRef | undefined): number {
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

  /** The row of the event with this seq, or -1. */
  ordinalOfSeq(seq: number): number {
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
