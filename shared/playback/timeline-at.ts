// The timeline's rows at a playback moment, without rebuilding them: rows are built once for the whole log with no
// annotations applied, and a moment keeps the rows recorded by then with the pins and classifications made by then
// (from the cockpit projection's timeline index). Equal to buildTimelineRows of the prefix: a row's place and its "late"
// flag depend only on what was recorded before it.
import type { IncidentEvent } from '../events';
import { buildTimelineRows, isAnnotation, type TimelineRow } from '../timeline/timeline-view';
import type { TimelineIndex } from './cockpit-slices';

export interface TimelineBase {
  /** Every row of the log, oldest first, as if nothing had been pinned or classified. */
  rows: readonly TimelineRow[];
  /**
   * rows[i].seq, packed: a seek scans a million of these in a few ms, where reading the seq of a million row objects
   * scattered over the heap costs a cache miss each (tens of ms).
   */
  seqs: Float64Array;
  /** 1 at the seq of every row some pin or classification in the log points at: the only rows a moment may change. */
  annotatedSeqs: Uint8Array;
}

export function unannotatedRows(events: readonly IncidentEvent[]): TimelineBase {
  const rows = buildTimelineRows(events.filter((e) => !isAnnotation(e.type)));
  const seqs = Float64Array.from(rows, (r) => r.seq);
  const annotatedSeqs = new Uint8Array((events.at(-1)?.seq ?? 0) + 1);
  for (const e of events) {
    if ((e.type === 'timeline.entry_pinned' || e.type === 'timeline.entry_classified') && e.payload.targetSeq < annotatedSeqs.length) annotatedSeqs[e.payload.targetSeq] = 1;
  }
  return { rows, seqs, annotatedSeqs };
}

/** The rows shown after the event with seq `lastSeq` (seqs grow along the log), annotated as they were then. */
export function timelineRowsAt(base: TimelineBase, lastSeq: number, index: Pick<TimelineIndex, 'pinned' | 'kinds'>): TimelineRow[] {
  const { rows, seqs, annotatedSeqs } = base;
  const out: TimelineRow[] = [];
  const annotated = index.pinned.size > 0 || index.kinds.size > 0;
  for (let i = 0; i < seqs.length; i++) {
    const seq = seqs[i]!;
    if (seq > lastSeq) continue;
    if (!annotated || annotatedSeqs[seq] !== 1) {
      out.push(rows[i]!);
      continue;
    }
    const pinned = index.pinned.get(seq);
    const kind = index.kinds.get(seq);
    out.push({ ...rows[i]!, ...(pinned !== undefined ? { pinned } : {}), ...(kind !== undefined ? { kind } : {}) });
  }
  return out;
}
