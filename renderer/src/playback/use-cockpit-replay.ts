// Answers "what did the cockpit show at t". The checkpointed cockpit projection (and the timeline's index) is
// built only once playback starts, and once per log version, so the live cockpit of a large incident does not pay for it;
// its code is a separate chunk loaded when playback first starts. A seek is then the nearest checkpoint plus at most one
// interval of events, for every pane at once.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { IncidentEvent } from '../../../shared/events';
import { keyTimes } from '../../../shared/incidents/key-times';
import { AbortedFold, EventClock } from '../../../shared/playback/checkpoints';
import { playbackWindowEnd } from '../../../shared/playback/playback-window';
import type { CockpitState } from '../../../shared/playback/cockpit-projection';
import { TimelineIndex } from '../../../shared/timeline/timeline-index';
import { usePlaybackStore } from '../state/playback-store';

type Engine = typeof import('./replay-engine');
type CockpitReplay = import('./replay-engine').CockpitReplay;

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
  /** While playback is being prepared (the engine folding the log, a large log still loading): how far, 0–1. */
  preparing?: number;
}

/**
 * `eventsReady`: whether `events` is the incident's whole log. A large (windowed) incident's log is loaded only when
 * playback starts; the replay is built once it is there, and until then the live cockpit stays on screen.
 */
export function useCockpitReplay(incidentId: string, events: readonly IncidentEvent[], eventsReady = true): CockpitMoment {
  const { active, t, seek } = usePlaybackStore();
  const [engine, setEngine] = useState<Engine>();
  const [loadError, setLoadError] = useState<unknown>();
  const [built, setBuilt] = useState<CockpitReplay>();
  const [folded, setFolded] = useState(0);
  const builtRef = useRef(built);
  builtRef.current = built;
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
  // The replay is built (or extended by events appended meanwhile) a slice at a time; a newer log or leaving playback
  // abandons a build in progress. Leaving playback drops the replay: a large log's replay is most of the page's memory.
  useEffect(() => {
    if (!active || !engine || !eventsReady) return;
    const signal = { aborted: false };
    let reported = 0;
    engine
      .buildCockpitReplay(incidentId, events, builtRef.current, {
        signal,
        onProgress: (fraction) => {
          const now = performance.now();
          if (now - reported < 100) return;
          reported = now;
          setFolded(fraction);
        },
      })
      .then(
        (replay) => !signal.aborted && setBuilt(replay),
        (e: unknown) => !signal.aborted && !(e instanceof AbortedFold) && setLoadError(e),
      );
    return () => {
      signal.aborted = true;
    };
  }, [active, engine, eventsReady, incidentId, events]);
  if (!active && built) {
    setBuilt(undefined);
    setFolded(0);
  }
  const clock = useMemo(() => new EventClock(events, playbackWindowEnd(events)), [events]);
  const replay = built?.incidentId === incidentId ? built : undefined;
  // Playback started before a large log had loaded begins at its first event once it has.
  useEffect(() => {
    if (replay && t < clock.start) seek(clock.start);
  }, [replay, t, clock, seek]);
  const liveKeyTimes = useMemo(() => (replay ? {} : keyTimes(events)), [replay, events]);
  if (!replay) {
    const preparing = active && !loadError ? folded : undefined;
    return { visibleCount: events.length, state: undefined, keyTimes: liveKeyTimes, at: undefined, clock, timelineIndex: noRows, loadError, ...(preparing === undefined ? {} : { preparing }) };
  }
  const at = Math.max(t, clock.start);
  const visibleCount = clock.countAt(at);
  const state = replay.cockpit.stateAfter(visibleCount);
  return { visibleCount, state, keyTimes: state.keyTimes, at, clock, timelineIndex: replay.timelineIndex };
}
