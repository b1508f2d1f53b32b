// What a cockpit pane receives during review playback: the moment shown and every pane's state at that moment, taken from
// the one checkpointed cockpit projection (shared/playback/cockpit-projection.ts) — no pane replays the log itself.
import type { CockpitState } from '../../../shared/playback/cockpit-projection';
import type { TimelineIndex } from '../../../shared/timeline/timeline-index';

export interface PaneMoment {
  /** The moment shown, ms since epoch. */
  at: number;
  /** The cockpit projection after the events recorded up to that moment. */
  state: CockpitState;
  /** The whole log's timeline index, built once per playback: the timeline shows the rows recorded by then, page by page. */
  timelineIndex: TimelineIndex;
}

/** Props every cockpit pane takes: live when `asOf` is undefined, read-only playback otherwise. */
export interface PaneProps {
  incidentId: string;
  asOf?: PaneMoment | undefined;
}
