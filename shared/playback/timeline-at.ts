// The timeline's rows at a playback moment, without rebuilding them: rows are built once for the whole log with no
// annotations applied, and a moment keeps the rows recorded by then with the pins and classifications made by then
// (from the cockpit projection's timeline index). Equal to buildTimelineRows of the prefix: a row's place and its "late"
// flag depend only on what was recorded before it.
import type { IncidentEvent } from '../events';
import { buildTimelineRows, isAnnotation, type TimelineRow } from '../timeline/timeline-view';
import type { TimelineIndex } from './cockpit-slices';

/** Every row of the log, oldest first, as if nothing had been pinned or classified. */
export function unannotatedRows(events: readonly IncidentEvent[]): TimelineRow[] {
  return buildTimelineRows(events.filter((e) => !isAnnotation(e.type)));
}

/** The rows shown after the event with seq `lastSeq` (seqs grow along the log), annotated as they were then. */
export function timelineRowsAt(base: readonly TimelineRow[], lastSeq: number, index: Pick<TimelineIndex, 'pinned' | 'kinds'>): TimelineRow[] {
  const out: TimelineRow[] = [];
  const annotated = index.pinned.size > 0 || index.kinds.size > 0;
  for (const row of base) {
    if (row.seq > lastSeq) continue;
    if (!annotated) {
      out.push(row);
      continue;
    }
    const pinned = index.pinned.get(row.seq);
    const kind = index.kinds.get(row.seq);
    out.push(pinned === undefined && kind === undefined ? row : { ...row, ...(pinned !== undefined ? { pinned } : {}), ...(kind !== undefined ? { kind } : {}) });
  }
  return out;
}
