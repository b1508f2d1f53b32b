// What a cockpit pane receives during review playback: the moment shown and every pane's state at that moment, taken from
// the one checkpointed cockpit projection (shared/playback/cockpit-projection.ts) — no pane replays the log itself.
import type { CockpitState } from '../../../shared/playback/cockpit-projection';
import type { TimelineBase } from '../../../shared/playback/timeline-at';

export interface PaneMoment {
  /** The moment shown, ms since epoch. */
  at: number;
  /** The cockpit projection after the events recorded up to that moment. */
  state: CockpitState;
  /** The whole log's rows without annotations, built once per playback: the timeline keeps those recorded by then. */
  timelineBase: TimelineBase;
}

/** Props every cockpit pane takes: live when `asOf` is undefined, read-only playback otherwise. */
export interface PaneProps {
  incidentId: string;
  asOf?: PaneMoment | undefined;
}
