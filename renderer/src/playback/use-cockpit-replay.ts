// Builds the checkpointed replay of an incident once per log version and answers "what did the cockpit show at t".
import { useMemo } from 'react';
import type { IncidentEvent } from '../../../shared/events';
import { CheckpointedReplay, EventClock } from '../../../shared/playback/checkpoints';
import { cockpitProjection, type CockpitState } from '../../../shared/playback/cockpit-projection';
import { usePlaybackStore } from '../state/playback-store';

export interface CockpitMoment {
  /** Events visible at this moment (the whole log when live). */
  visibleCount: number;
  /** Cockpit state at this moment. */
  state: CockpitState;
  /** The moment shown (now when live). */
  at: number | undefined;
  clock: EventClock;
  replay: CheckpointedReplay<CockpitState>;
}

export function useCockpitReplay(incidentId: string, events: readonly IncidentEvent[]): CockpitMoment {
  const replay = useMemo(() => new CheckpointedReplay(cockpitProjection(incidentId), events), [incidentId, events]);
  const clock = useMemo(() => new EventClock(events), [events]);
  const { active, t } = usePlaybackStore();
  const visibleCount = active ? clock.countAt(t) : events.length;
  return { visibleCount, state: replay.stateAfter(visibleCount), at: active ? t : undefined, clock, replay };
}
