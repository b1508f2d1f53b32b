// Answers "what did the cockpit show at t". The checkpointed cockpit projection (and the timeline's index) is
// built only once playback starts, and once per log version, so the live cockpit of a large incident does not pay for it;
// its code is a separate chunk loaded when playback first starts. A seek is then the nearest checkpoint plus at most one
// interval of events, for every pane at once.
import { useEffect, useMemo, useState } from 'react';
import type { IncidentEvent } from '../../../shared/events';
import { keyTimes } from '../../../shared/incidents/key-times';
import { EventClock } from '../../../shared/playback/checkpoints';
import { playbackWindowEnd } from '../../../shared/playback/playback-window';
import type { CockpitState } from '../../../shared/playback/cockpit-projection';
import { TimelineIndex } from '../../../shared/timeline/timeline-index';
import { usePlaybackStore } from '../state/playback-store';

type Engine = typeof import('./replay-engine');

const noRows = new TimelineIndex();

export interface CockpitMoment {
  /** Events visible at this moment (the whole log when live). */
  visibleCount: number;
  /** Cockpit state at this moment; undefined when live (the panes ask the core). */
  state: CockpitState | undefined;
  keyTimes: CockpitState['keyTimes'];
  /** The moment shown (undefined when live, and while the playback engine loads). */
  at: number | undefined;
  clock: EventClock;
  /** The log's timeline index (empty when live): the timeline at t is read from it page by page. */
  timelineIndex: TimelineIndex;
  /** Why the playback view could not be loaded (a damaged install), shown instead of a blank cockpit. */
  loadError?: unknown;
}

export function useCockpitReplay(incidentId: string, events: readonly IncidentEvent[]): CockpitMoment {
  const { active, t } = usePlaybackStore();
  const [engine, setEngine] = useState<Engine>();
  const [loadError, setLoadError] = useState<unknown>();
  useEffect(() => {
    if (!active || engine) return;
    let cancelled = false;
    import('./replay-engine').then(
      (m) => !cancelled && setEngine(m),
      (e: unknown) => !cancelled && setLoadError(e),
    );
    return () => {
      cancelled = true;
    };
  }, [active, engine]);
  const clock = useMemo(() => new EventClock(events, playbackWindowEnd(events)), [events]);
  const replay = useMemo(() => (active && engine ? engine.buildCockpitReplay(incidentId, events) : undefined), [active, engine, incidentId, events]);
  const liveKeyTimes = useMemo(() => (replay ? {} : keyTimes(events)), [replay, events]);
  if (!replay) return { visibleCount: events.length, state: undefined, keyTimes: liveKeyTimes, at: undefined, clock, timelineIndex: noRows, loadError };
  const visibleCount = clock.countAt(t);
  const state = replay.cockpit.stateAfter(visibleCount);
  return { visibleCount, state, keyTimes: state.keyTimes, at: t, clock, timelineIndex: replay.timelineIndex };
}
