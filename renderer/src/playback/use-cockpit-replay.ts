// Answers "what did the cockpit show at t". The checkpointed cockpit projection (and the timeline's unannotated rows) is
// built only once playback starts, and once per log version, so the live cockpit of a large incident does not pay for it.
// A seek is then the nearest checkpoint plus at most one interval of events, for every pane at once.
import { useMemo } from 'react';
import type { IncidentEvent } from '../../../shared/events';
import { keyTimes } from '../../../shared/incidents/key-times';
import { CheckpointedReplay, EventClock } from '../../../shared/playback/checkpoints';
import { playbackWindowEnd } from '../../../shared/playback/playback-window';
import { cockpitProjection, emptyCockpit, type CockpitState } from '../../../shared/playback/cockpit-projection';
import { unannotatedRows } from '../../../shared/playback/timeline-at';
import type { TimelineRow } from '../../../shared/timeline/timeline-view';
import { usePlaybackStore } from '../state/playback-store';

export interface CockpitMoment {
  /** Events visible at this moment (the whole log when live). */
  visibleCount: number;
  /** Cockpit state at this moment; when live only keyTimes/count/lastSeq are folded (the panes ask the core). */
  state: CockpitState;
  /** The moment shown (undefined when live). */
  at: number | undefined;
  clock: EventClock;
  /** The log's rows without annotations (empty when live). */
  timelineBase: readonly TimelineRow[];
}

export function useCockpitReplay(incidentId: string, events: readonly IncidentEvent[]): CockpitMoment {
  const { active, t } = usePlaybackStore();
  const clock = useMemo(() => new EventClock(events, playbackWindowEnd(events)), [events]);
  const replay = useMemo(
    () => (active ? { cockpit: new CheckpointedReplay(cockpitProjection(incidentId), events), timelineBase: unannotatedRows(events) } : undefined),
    [active, incidentId, events],
  );
  const liveState = useMemo<CockpitState>(() => ({ ...emptyCockpit, keyTimes: keyTimes(events), count: events.length, lastSeq: events.at(-1)?.seq ?? 0 }), [events]);
  if (!replay) return { visibleCount: events.length, state: liveState, at: undefined, clock, timelineBase: [] };
  const visibleCount = clock.countAt(t);
  return { visibleCount, state: replay.cockpit.stateAfter(visibleCount), at: t, clock, timelineBase: replay.timelineBase };
}
