// What a cockpit pane receives during review playback: the moment shown and the events recorded up to it.
import type { IncidentEvent } from '../../../shared/events';

export interface PaneMoment {
  /** The moment shown, ms since epoch. */
  at: number;
  /** Events recorded up to that moment, oldest first: panes render their projection of exactly these. */
  events: readonly IncidentEvent[];
}

/** Props every cockpit pane takes: live when `asOf` is undefined, read-only playback otherwise. */
export interface PaneProps {
  incidentId: string;
  asOf?: PaneMoment | undefined;
}
