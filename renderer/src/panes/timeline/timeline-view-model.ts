// What the timeline pane shows, whichever way the rows are held: the whole log (below the window threshold, and playback)
// or a window of pages served by the core (use-timeline-window.ts).
import type { TimelineSource } from '../../../../shared/timeline/describe-event';
import type { TimelineRow } from '../../../../shared/timeline/timeline-view';
import type { RowWindow } from './row-window';

export interface TimelineViewModel {
  /** The rows matching the filter, newest first. */
  rows: RowWindow;
  pinned: readonly TimelineRow[];
  actors: string[];
  types: string[];
  presentSources: ReadonlySet<TimelineSource>;
  /** Rows on the timeline before filtering. */
  rowCount: number;
  /** Index (newest first) of the newest row at or before `t`: where "jump to time" scrolls. */
  indexAtTime(t: number): Promise<number>;
  /** The newest row's time, the day "jump to time" reads a typed time on. */
  newestAt: number | undefined;
  /**
   * The core is still building the timeline index of a large incident: 'newest' while the newest rows are shown (their count
   * is an estimate), 'waiting' while a filter or search waits for the index (no rows shown rather than wrong ones).
   */
  indexing?: 'newest' | 'waiting';
  /** Why the rows could not be loaded, if they could not. */
  error?: unknown;
}
