// The whole cockpit in playback at one million events: the checkpointed cockpit projection (every pane's state) built once,
// then 2,000 seeks to random moments — each the nearest checkpoint plus ≤ K events, and every pane's view derived from it
// (the timeline's rows on screen and its pinned strip at t included). Full replays of the prefix, the reference, are
// interleaved with the seeks so both see the same load; the load average is reported with the figures, since a p95 on a
// shared 2-core machine depends on it. Also: one live append at 1M events (the projection advanced by one event).
import { loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CheckpointedReplay, EventClock, replayPrefix } from '../shared/playback/checkpoints';
import { cockpitProjection, outboxItems } from '../shared/playback/cockpit-projection';
import { longIncidentWeights, seededRandom, syntheticLog } from '../shared/playback/synthetic-log';
import { TimelineIndex } from '../shared/timeline/timeline-index';
import { timelineWindowPage } from '../shared/timeline/timeline-window';
import { cadenceOf, defaultCadencePolicy } from '../shared/updates/cadence';
import type { BenchResult } from './run';

export const MILLION = 1_000_000;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMb = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1e6;
};
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const load = () => loadavg().map((l) => l.toFixed(1)).join(' / ');

const SEEKS = 2000;
/**
 * The timeline rows a seek builds: what the pane renders at 1366×768 (≈ 30 rows on screen) plus the virtualizer's
 * overscan of 12 below, rounded up. The pane (use-timeline-at.ts) builds rows only as they are rendered.
 */
const ROWS_ON_SCREEN = 48;
/** One full replay (the reference) every this many seeks: interleaved, so both run under the same load. */
const FULL_REPLAY_EVERY = 400;

export async function run(): Promise<BenchResult[]> {
  const before = heapMb();
  const events = syntheticLog({ count: MILLION, random: seededRandom(17), weights: longIncidentWeights, maxGapMs: 1000 });
  const eventsMb = heapMb() - before;
  const projection = cockpitProjection('bench');

  const b0 = performance.now();
  const replay = new CheckpointedReplay(projection, events);
  const buildMs = performance.now() - b0;
  const checkpointsMb = heapMb() - before - eventsMb;
  const r0 = performance.now();
  const timelineIndex = new TimelineIndex().addAll(events);
  const rowsMs = performance.now() - r0;
  const rowsMb = heapMb() - before - eventsMb - checkpointsMb;

  const clock = new EventClock(events);
  const random = seededRandom(11);
  const moments = Array.from({ length: SEEKS }, () => clock.start + random() * (clock.end - clock.start));
  const stateTimes: number[] = [];
  const timelineTimes: number[] = [];
  const cockpitTimes: number[] = [];
  /** CPU time of each seek (the process's, GC threads included): what the seek costs, apart from waiting for a core. */
  const cpuTimes: number[] = [];
  const fullTimes: number[] = [];
  let sink = 0;
  const loadBefore = load();
  moments.forEach((t, i) => {
    if (i % FULL_REPLAY_EVERY === 0) {
      // Full replays are slow at this size: a handful, spread over the run, is enough for the ratio.
      const f0 = performance.now();
      sink += replayPrefix(projection, events, clock.countAt(t)).count;
      fullTimes.push(performance.now() - f0);
    }
    const c0 = process.cpuUsage();
    const s0 = performance.now();
    const count = clock.countAt(t);
    const state = replay.stateAfter(count);
    const s1 = performance.now();
    // What every pane renders from that state: the timeline at t (the rows recorded by then, newest first, annotated as
    // then: the rows on screen, the pinned strip and the filter menus), the incident and key times, checklists, rollbacks,
    // hot fixes and rollouts, links and outbox, updates and cadence, metric captures.
    const page = timelineWindowPage(timelineIndex, {}, { by: 'newest' }, ROWS_ON_SCREEN, { upToSeq: state.lastSeq, annotations: state.timeline });
    const s2 = performance.now();
    const views = [
      state.incident?.status,
      Object.keys(state.keyTimes).length,
      state.checklists.length,
      [...state.rollbacks.values()].length,
      [...state.hotfixes.values()].length,
      [...state.rollouts.values()].length,
      state.links.jiraIssues.length,
      outboxItems(state).length,
      state.updates.published,
      state.metrics.latest.size,
    ];
    const cadence = cadenceOf(state.cadence, defaultCadencePolicy, new Date(t));
    sink += page.rows.length + page.pinned.length + views.length + (cadence?.audiences.length ?? 0);
    stateTimes.push(s1 - s0);
    timelineTimes.push(s2 - s1);
    cockpitTimes.push(performance.now() - s0);
    const c1 = process.cpuUsage(c0);
    cpuTimes.push((c1.user + c1.system) / 1000);
  });
  const loadAfter = load();

  // Live append at 1M: the cockpit advanced by one event from the last state, against rebuilding it.
  const last = replay.stateAfter(events.length);
  const next = { ...events.at(-1)!, seq: events.length + 1, type: 'note.added', payload: { text: 'Appended', kind: 'note' } } as (typeof events)[number];
  const appendTimes = Array.from({ length: 200 }, () => {
    const a0 = performance.now();
    projection.apply(last, next);
    return performance.now() - a0;
  });
  if (sink < 0) console.log(sink);

  return [
    {
      name: 'cockpit projection for 1M events (every pane)',
      summary: `checkpoints built in ${(buildMs / 1000).toFixed(1)} s, one every ${replay.interval} events: ${checkpointsMb.toFixed(0)} MB of heap (${((checkpointsMb * 1e6) / Math.ceil(events.length / replay.interval) / 1024).toFixed(0)} kB per checkpoint); the timeline index of 1M rows ${(rowsMs / 1000).toFixed(1)} s and ${rowsMb.toFixed(0)} MB; the events themselves ${eventsMb.toFixed(0)} MB`,
    },
    {
      name: `seek the whole cockpit to ${SEEKS.toLocaleString('en')} random t at 1M events`,
      summary: `p95 ${percentile(cockpitTimes, 0.95).toFixed(1)} ms (goal < 50 ms), median ${percentile(cockpitTimes, 0.5).toFixed(1)} ms, mean ${mean(cockpitTimes).toFixed(1)} ms, p99 ${percentile(cockpitTimes, 0.99).toFixed(1)} ms, max ${Math.max(...cockpitTimes).toFixed(0)} ms over ${SEEKS} seeks (load average ${loadBefore} before, ${loadAfter} after); CPU time per seek p95 ${percentile(cpuTimes, 0.95).toFixed(1)} ms, median ${percentile(cpuTimes, 0.5).toFixed(1)} ms; the projection alone p95 ${percentile(stateTimes, 0.95).toFixed(2)} ms, the timeline at t (${ROWS_ON_SCREEN} rows on screen, pinned strip, filters) p95 ${percentile(timelineTimes, 0.95).toFixed(2)} ms. Full replay of the prefix mean ${mean(fullTimes).toFixed(0)} ms (${fullTimes.length}, interleaved) → a seek is ${(mean(cockpitTimes) / mean(fullTimes)).toFixed(4)}× a full replay`,
    },
    { name: 'append one event to the cockpit at 1M events', summary: `p95 ${percentile(appendTimes, 0.95).toFixed(3)} ms (the projection advances by one event; nothing is replayed)` },
  ];
}
