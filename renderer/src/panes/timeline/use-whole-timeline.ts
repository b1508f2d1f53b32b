// The live timeline from the whole log held in the renderer, below the window threshold.
import { useMemo } from 'react';
import type { IncidentEvent } from '../../../../shared/events';
import type { TimelineSource } from '../../../../shared/timeline/describe-event';
import { buildTimelineRows, filterTimeline, indexAtTime, type TimelineFilter } from '../../../../shared/timeline/timeline-view';
import { arrayWindow } from './row-window';
import type { TimelineViewModel } from './timeline-view-model';

export function useWholeTimeline(events: readonly IncidentEvent[], filter: TimelineFilter): TimelineViewModel {
  const allRows = useMemo(() => buildTimelineRows(events), [events]);
  const rows = useMemo(() => filterTimeline(allRows, filter).reverse(), [allRows, filter]);
  const pinned = useMemo(() => allRows.filter((r) => r.pinned), [allRows]);
  const actors = useMemo(() => [...new Set(allRows.map((r) => r.actor))].sort(), [allRows]);
  const types = useMemo(() => [...new Set(allRows.map((r) => r.type))].sort(), [allRows]);
  const presentSources = useMemo(() => new Set<TimelineSource>(allRows.map((r) => r.source)), [allRows]);
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
