// The one line a screen reader announces when a timeline row takes focus: when, where from, kind, text, who, pinned.
import { timelineSourceLabels } from '../../../../shared/timeline/event-labels';
import type { TimelineRow } from '../../../../shared/timeline/timeline-view';
import { useFormatTime } from '../../time/Time';

export function useRowSummary(): (row: TimelineRow) => string {
  const format = useFormatTime();
  return (row) =>
    [
      `${row.happenedAt ? 'Happened' : 'Recorded'} ${format(row.happenedAt ?? row.ts, true)}`,
      `${timelineSourceLabels[row.source]}${row.kind ? ` ${row.kind}` : ''}: ${row.text}`,
      `by ${row.actor}`,
      ...(row.pinned ? ['pinned'] : []),
    ].join(', ');
}
