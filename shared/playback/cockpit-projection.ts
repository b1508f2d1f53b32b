// The cockpit as a single projection of the log — what playback shows at any moment and what the live view shows at the end.
import type { IncidentEvent } from '../events';
import { applyIncidentEvent, stateFromDeclaration, type IncidentState } from '../incidents/incident-state';
import { applyKeyTime, type KeyTimes } from '../incidents/key-times';
import type { Projection } from './checkpoints';

export interface CockpitState {
  incident?: IncidentState;
  keyTimes: KeyTimes;
  /** Number of events folded in. */
  count: number;
  /** Seq of the last event folded in (0 before the first). */
  lastSeq: number;
}

export function cockpitProjection(incidentId: string): Projection<CockpitState> {
  return {
    initial: { keyTimes: {}, count: 0, lastSeq: 0 },
    apply(state, event: IncidentEvent) {
      let incident = state.incident;
      if (!incident) {
        if (event.type === 'incident.declared') incident = stateFromDeclaration(incidentId, event);
      } else {
        incident = applyIncidentEvent(incident, event);
      }
      const next: CockpitState = { keyTimes: applyKeyTime(state.keyTimes, event), count: state.count + 1, lastSeq: event.seq };
      if (incident) next.incident = incident;
      return next;
    },
  };
}
