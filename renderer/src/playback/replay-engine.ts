// The playback engine, loaded on demand (its own chunk): the checkpointed cockpit projection and the timeline index of one
// log version (the timeline at t is a page of it, never every row). The live cockpit never loads it.
// A million-event log takes seconds to fold, so the engine folds a slice at a time and lets the browser paint in between
// (the playback bar shows how far it is); events appended while playback is open are folded onto the same replay.
import type { IncidentEvent } from '../../../shared/events';
import { CheckpointedReplay, runPaced, type FoldPacing } from '../../../shared/playback/checkpoints';
import { cockpitProjection, type CockpitState } from '../../../shared/playback/cockpit-projection';
import { TimelineIndex } from '../../../shared/timeline/timeline-index';
import { lowerBoundBySeq } from '../../../shared/timeline/timeline-page';

export interface CockpitReplay {
  incidentId: string;
  cockpit: CheckpointedReplay<CockpitState>;
  timelineIndex: TimelineIndex;
}

export interface BuildOptions {
  /** Share of the work done, 0 to 1. */
  onProgress?: (fraction: number) => void;
  signal?: { readonly aborted: boolean };
}

/** Whether `events` continue the log `replay` was built from (the same events first, then more). */
function continues(replay: CockpitReplay, incidentId: string, events: readonly IncidentEvent[]): boolean {
  const log = replay.cockpit.log;
  return replay.incidentId === incidentId && events.length >= log.length && (log.length === 0 || events[log.length - 1]?.seq === log[log.length - 1]!.seq);
}

/**
 * Lets the page run between slices. A MessageChannel task runs as soon as the browser has handled input and painted,
 * without setTimeout's 4 ms clamp on nested timers (the same technique as React's scheduler).
 */
function pauseForBrowser(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

const SLICE_MS = 12;

/** Adds events[from…] to the index 2,048 at a time, yielding how many events are indexed after each. */
function* indexSteps(index: TimelineIndex, events: readonly IncidentEvent[], from: number): Generator<number> {
  for (let at = from; at < events.length; ) {
    const to = Math.min(events.length, at + 2048);
    index.addRange(events, at, to);
    at = to;
    yield at;
  }
}

/**
 * The replay of `events`: `previous` extended when the events continue its log (new events while playback is open), else
 * built anew. Rejects with AbortedFold when `signal` is set meanwhile.
 */
export async function buildCockpitReplay(incidentId: string, events: readonly IncidentEvent[], previous?: CockpitReplay, options: BuildOptions = {}): Promise<CockpitReplay> {
  const reuse = previous && continues(previous, incidentId, events) ? previous : undefined;
  const already = reuse?.cockpit.log.length ?? 0;
  const work = 2 * (events.length - already) || 1;
  const now = () => performance.now();
  const pacing = (offset: number): FoldPacing => ({
    pause: pauseForBrowser,
    now,
    sliceMs: SLICE_MS,
    onProgress: (folded) => options.onProgress?.((offset + folded - already) / work),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  let cockpit: CheckpointedReplay<CockpitState>;
  if (reuse) {
    cockpit = reuse.cockpit;
    await cockpit.extend(events, pacing(0));
  } else {
    cockpit = await CheckpointedReplay.build(cockpitProjection(incidentId), events, pacing(0));
  }
  const timelineIndex = reuse?.timelineIndex ?? new TimelineIndex();
  // From the index's own position: an abandoned extension may have stopped before indexing what it had folded.
  await runPaced(indexSteps(timelineIndex, events, lowerBoundBySeq(events, timelineIndex.lastSeq + 1)), events.length, pacing(events.length - already));
  options.onProgress?.(1);
  // A new object each time, so what renders from it sees that it changed.
  return { incidentId, cockpit, timelineIndex };
}
