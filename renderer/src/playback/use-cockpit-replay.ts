// Answers "what did the cockpit show at t". The checkpointed replay is built only once playback starts (and once per log
// version), so the live cockpit of a 100k-event incident does not pay for it.
import { useMemo } from 'react';
import type { IncidentEvent } from '../../../shared/events';
import { keyTimes } from '../../../shared/incidents/key-times';
import { CheckpointedReplay, EventClock } from '../../../shared/playback/checkpoints';
import { playbackWindowEnd } from '../../../shared/playback/playback-window';
import { cockpitProjection, type CockpitState } from '../../../shared/playback/cockpit-projection';
import { usePlaybackStore } from '../state/playback-store';

export interface CockpitMoment {
  /** Events visible at this moment (the whole log when live). */
  visibleCount: number;
  /** Cockpit state at this moment; when live only keyTimes/count/lastSeq are folded (the incident state comes from the core). */
  state: CockpitState;
  /** The moment shown (undefined when live). */
  at: number | undefined;
  clock: EventClock;
}

export function useCockpitReplay(incidentId: string, events: readonly IncidentEvent[]): CockpitMoment {
  const { active, t } = usePlaybackStore();
  const clock = useMemo(() => new EventClock(events, playbackWindowEnd(events)), [events]);
  const replay = useMemo(() => (active ? new CheckpointedReplay(cockpitProjection(incidentId), events) : undefined), [active, incidentId, events]);
  const liveState = useMemo<CockpitState>(() => ({ keyTimes: keyTimes(events), count: events.length, lastSeq: events.at(-1)?.seq ?? 0 }), [events]);
  if (!replay) return { visibleCount: events.length, state: liveState, at: undefined, clock };
  const visibleCount = clock.countAt(t);
  return { visibleCount, state: replay.stateAfter(visibleCount), at: t, clock };
}
