// The timeline from the whole log held in the renderer: below the window threshold, and in playback (the rows recorded by
// then, from the cockpit projection's moment, annotated as they were then).
import { useMemo } from 'react';
import type { IncidentEvent } from '../../../../shared/events';
import type { TimelineSource } from '../../../../shared/timeline/describe-event';
import { timelineRowsAt } from '../../../../shared/playback/timeline-at';
import { buildTimelineRows, filterTimeline, indexAtTime, type TimelineFilter } from '../../../../shared/timeline/timeline-view';
import type { PaneMoment } from '../../playback/pane-moment';
import { arrayWindow } from './row-window';
import type { TimelineViewModel } from './timeline-view-model';

export function useWholeTimeline(events: readonly IncidentEvent[], asOf: PaneMoment | undefined, filter: TimelineFilter): TimelineViewModel {
  const allRows = useMemo(() => (asOf ? timelineRowsAt(asOf.timelineBase, asOf.state.lastSeq, asOf.state.timeline) : buildTimelineRows(events)), [asOf, events]);
  const rows = useMemo(() => filterTimeline(allRows, filter).reverse(), [allRows, filter]);
  const pinned = useMemo(() => allRows.filter((r) => r.pinned), [allRows]);
  const index = asOf?.state.timeline;
  const actors = useMemo(() => (index ? [...index.actors] : [...new Set(allRows.map((r) => r.actor))].sort()), [index, allRows]);
  const types = useMemo(() => (index ? [...index.types] : [...new Set(allRows.map((r) => r.type))].sort()), [index, allRows]);
  const presentSources = useMemo(() => new Set<TimelineSource>(index ? index.sources : allRows.map((r) => r.source)), [index, allRows]);
  const rowWindow = useMemo(() => arrayWindow(rows), [rows]);
  return {
    rows: rowWindow,
    pinned,
    actors,
    types,
    presentSources,
    rowCount: allRows.length,
    indexAtTime: (t) => Promise.resolve(indexAtTime(rows, t)),
    newestAt: rows[0]?.at,
  };
}
