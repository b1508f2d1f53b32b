// Fast open and incremental core state, at 100k events:
// - host start (the browser host's core) plus the first read of a 100k-event incident, against a plain read + JSON.parse of
//   its log, after a clean close and after a crash (1,000 events past the last seal refresh and a torn last line);
// - how many events the chain verification hashes on start, against verifying the whole chain;
// - listing 50 incidents (100k events in all) from their summaries, against opening every log;
// - the connector poller's and outbox worker's per-pass state reads with one new event per pass, against full recomputes.
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { projectLinks } from '../shared/connectors/incident-links';
import { projectIncident } from '../shared/incidents/incident-state';
import { projectOutbox } from '../shared/outbox/outbox-state';
import { incidentProjection, linksProjection, outboxProjection } from '../shared/projections/domain-projections';
import { startCore } from '../electron/core/firebreak-core';
import { verifyChainInSlices } from '../electron/core/store/hash-chain';
import { IncidentLog, LOG_FILE } from '../electron/core/store/incident-log';
import { IncidentStore } from '../electron/core/store/incident-store';
import { SUMMARY_FILE } from '../electron/core/store/incident-summary';
import { SNAPSHOT_FILE } from '../electron/core/store/projection-snapshot';
import type { BenchResult } from './run';
import { chainedLines, median, writeIncident } from './support/chained-log';

const EVENTS = 100_000;
const CRASH_TAIL = 1000;
const INCIDENT = '2026-01-01-bench-incident-aaaaaa';
const assetsDir = join(__dirname, '..', 'assets');
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const TRIALS = 9;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
/** Each side starts from a collected heap, as a fresh host process does: neither pays for the garbage the other left. */
const collected = () => {
  gc();
  gc();
};

/**
 * The baseline: read the log and JSON.parse every complete line into an array of events, held until the trial ends, as the
 * host holds them. (Parsing and dropping each line at once is cheaper: objects that die young cost the collector nothing,
 * while 100k events that stay alive are copied out of the young generation. That figure is printed too, as "dropped".)
 */
async function rawReadAndParse(file: string, keep = true): Promise<{ ms: number; events: unknown[] }> {
  const t0 = performance.now();
  const bytes = await readFile(file);
  // Complete lines only: a torn last line is not part of the log (recovery sets it aside).
  const text = bytes.toString('utf8', 0, bytes.lastIndexOf(0x0a) + 1);
  const events: unknown[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    const event: unknown = JSON.parse(line);
    if (keep) events.push(event);
  }
  return { ms: performance.now() - t0, events };
}

/** Host start and first read, wall-clock and CPU time (this process, all threads) up to the answer; the close is not counted. */
async function startAndFirstRead(dataDir: string): Promise<{ start: number; total: number; cpu: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const core = await startCore({ dataDir, assetsDir, mode: 'browser', version: 'bench', seedDemo: false, backgroundSync: false, operator: 'bench' });
  const start = performance.now() - t0;
  const got = await core.router.dispatch('incidents.get', { incidentId: INCIDENT });
  const page = await core.router.dispatch('timeline.events', { incidentId: INCIDENT, afterSeq: 0, limit: 500 });
  const total = performance.now() - t0;
  const used = process.cpuUsage(cpu0);
  if (!got.ok || !page.ok) throw new Error(`first read failed: ${JSON.stringify(got.ok ? page : got)}`);
  await core.close();
  return { start, total, cpu: (used.user + used.system) / 1000 };
}

async function hostStart(root: string): Promise<BenchResult[]> {
  const dataDir = join(root, 'host');
  const dir = join(dataDir, 'incidents', INCIDENT);
  const file = join(dir, LOG_FILE);
  const head = await writeIncident(dataDir, INCIDENT, EVENTS);
  // The first start validates everything, seals it, verifies the chain and writes the summary: a clean close follows.
  const first = await startCore({ dataDir, assetsDir, mode: 'browser', version: 'bench', seedDemo: false, backgroundSync: false });
  await first.router.dispatch('incidents.get', { incidentId: INCIDENT });
  await first.close();
  // What the core's background chain verification does a moment after start: hash the chain and record the verified prefix in the seal.
  const verified = await IncidentLog.open(dir);
  if (!(await verified.verifyChain()).verdict.ok) throw new Error('the bench log does not chain');
  await verified.close();
  // What a crash leaves: the files as the last pass before it wrote them (the projection snapshot is written with the summary).
  const snapshot = await Promise.all([LOG_FILE, `${LOG_FILE}.seal`, SUMMARY_FILE, SNAPSHOT_FILE].map(async (f) => [f, await readFile(join(dir, f))] as const));
  const restore = () => Promise.all(snapshot.map(([f, bytes]) => writeFile(join(dir, f), bytes)));
  const tail = chainedLines(EVENTS + 1, CRASH_TAIL, head).lines;
  const crash = async () => {
    await restore();
    await appendFile(file, `${tail.join('\n')}\n${tail[0]!.slice(0, 80)}`);
  };

  const results: BenchResult[] = [];
  // A clean start leaves the log, seal and summary as they were, so clean trials need no preparation (rewriting the files would
  // change the log's modification time and make the summary stale, which is the crash case).
  const clean = () => Promise.resolve();
  const sides = ['raw', 'host', 'dropped'] as const;
  for (const [name, prepare] of [['clean close', clean], ['crash', crash]] as const) {
    const raws: number[] = [];
    const starts: number[] = [];
    const totals: number[] = [];
    // The baseline and the host are measured in the same trial, interleaved (the order rotates from trial to trial), each from
    // a collected heap; the ratio is taken per trial and the median reported: on a shared, loaded machine the load drifts
    // between trials, and a ratio of medians taken at different moments would mostly measure that drift.
    const ratios: number[] = [];
    const droppedRatios: number[] = [];
    // CPU time (this process, all threads: the thread pool's hashing and file reads, the collector's helpers) per side as well:
    // on a loaded 2-core machine a wall-clock ratio also measures who got the CPU when; the CPU ratio measures the work.
    const cpuRatios: number[] = [];
    for (let i = 0; i < TRIALS; i++) {
      await prepare();
      const ms = { raw: 0, host: 0, dropped: 0 };
      const cpuMs = { raw: 0, host: 0, dropped: 0 };
      let start = 0;
      for (let k = 0; k < sides.length; k++) {
        const side = sides[(i + k) % sides.length]!;
        collected();
        if (side === 'host') {
          const t = await startAndFirstRead(dataDir);
          ms.host = t.total;
          cpuMs.host = t.cpu;
          start = t.start;
        } else {
          const cpu0 = process.cpuUsage();
          ms[side] = (await rawReadAndParse(file, side === 'raw')).ms;
          const cpu = process.cpuUsage(cpu0);
          cpuMs[side] = (cpu.user + cpu.system) / 1000;
        }
      }
      raws.push(ms.raw);
      starts.push(start);
      totals.push(ms.host);
      ratios.push(ms.host / ms.raw);
      droppedRatios.push(ms.host / ms.dropped);
      cpuRatios.push(cpuMs.host / cpuMs.raw);
    }
    const raw = median(raws);
    results.push({
      name: `host start + first read of a 100k-event incident after a ${name}`,
      summary:
        `${median(totals).toFixed(0)} ms (start alone ${median(starts).toFixed(0)} ms) vs read + JSON.parse into events ${raw.toFixed(0)} ms → ` +
        `median ratio per trial ${median(ratios).toFixed(2)}×, CPU time ${median(cpuRatios).toFixed(2)}×, against parsing and dropping ${median(droppedRatios).toFixed(2)}× ` +
        `(goal ≤ 1.5×; ${TRIALS} trials ${ratios.map((r) => r.toFixed(2)).join(', ')}; load average ${loadavg()[0]!.toFixed(1)})`,
    });
  }

  // Chain verification on start: what the log hashes after a clean close and after the crash, against the whole chain.
  await crash();
  const crashed = await IncidentLog.open(dir);
  const c0 = performance.now();
  const afterCrash = await crashed.verifyChain();
  const crashMs = performance.now() - c0;
  const f0 = performance.now();
  const full = await verifyChainInSlices(crashed.events);
  const fullMs = performance.now() - f0;
  await crashed.close();
  const reopened = await IncidentLog.open(dir);
  const k0 = performance.now();
  const afterClean = await reopened.verifyChain();
  const cleanMs = performance.now() - k0;
  await reopened.close();
  if (!afterCrash.verdict.ok || !afterClean.verdict.ok || !full.ok) throw new Error('chain verification failed');
  results.push({
    name: 'chain verification on start (incremental)',
    summary: `after a clean close hashes ${afterClean.hashed} events in ${cleanMs.toFixed(1)} ms, after the crash ${afterCrash.hashed} in ${crashMs.toFixed(1)} ms, vs the whole chain (${crashed.events.length}) ${fullMs.toFixed(0)} ms → ${ratio(crashMs, fullMs)}`,
  });
  return results;
}

async function listing(root: string): Promise<BenchResult> {
  const dataDir = join(root, 'list');
  const ids = Array.from({ length: 50 }, (_, i) => `2026-01-01-listed-${String(i).padStart(2, '0')}-aaaaaa`);
  for (const id of ids) await writeIncident(dataDir, id, EVENTS / ids.length);
  await (await IncidentStore.open(dataDir, {}, { lazy: true })).close(); // first open: validate, seal, write summaries
  const lazy: number[] = [];
  const eager: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < 3; i++) {
    let t0 = performance.now();
    const store = await IncidentStore.open(dataDir, {}, { lazy: true });
    if (store.list().filter((s) => s.summary?.state).length !== ids.length) throw new Error('an incident was not listed from its summary');
    lazy.push(performance.now() - t0);
    await store.close();
    t0 = performance.now();
    const opened = await IncidentStore.open(dataDir);
    eager.push(performance.now() - t0);
    await opened.close();
    let r = 0;
    for (const id of ids) r += (await rawReadAndParse(join(dataDir, 'incidents', id, LOG_FILE), false)).ms;
    raw.push(r);
  }
  return {
    name: `list 50 incidents (${EVENTS / 1000}k events in all) from summaries`,
    summary: `${median(lazy).toFixed(1)} ms vs opening every log ${median(eager).toFixed(0)} ms (${ratio(median(lazy), median(eager))}) and read + JSON.parse of every log ${median(raw).toFixed(0)} ms (${ratio(median(lazy), median(raw))})`,
  };
}

async function passes(root: string): Promise<BenchResult[]> {
  const dataDir = join(root, 'passes');
  await writeIncident(dataDir, INCIDENT, EVENTS);
  const store = await IncidentStore.open(dataDir);
  const full = { poller: [] as number[], outbox: [] as number[] };
  const incremental = { poller: [] as number[], outbox: [] as number[] };
  for (let pass = 0; pass < 21; pass++) {
    await store.append(INCIDENT, [{ type: 'note.added', actor: 'bench', payload: { text: `pass ${pass}` } }]);
    const events = store.get(INCIDENT).log!.events;
    // What ConnectorPoller.pollOnce and OutboxWorker.items() read per incident, before and after this change.
    let t0 = performance.now();
    const state = store.projection(INCIDENT, incidentProjection);
    const links = store.projection(INCIDENT, linksProjection);
    if (pass > 0) incremental.poller.push(performance.now() - t0);
    t0 = performance.now();
    const items = store.projection(INCIDENT, outboxProjection);
    if (pass > 0) incremental.outbox.push(performance.now() - t0);
    t0 = performance.now();
    const fullState = projectIncident(INCIDENT, events);
    const fullLinks = projectLinks(events);
    full.poller.push(performance.now() - t0);
    t0 = performance.now();
    const fullItems = projectOutbox(INCIDENT, events);
    full.outbox.push(performance.now() - t0);
    if (JSON.stringify([state, links.jiraIssues, items]) !== JSON.stringify([fullState, fullLinks.jiraIssues, fullItems])) throw new Error('incremental state differs');
  }
  await store.close();
  const line = (name: string, inc: number[], all: number[]) => ({
    name: `${name} per pass at 100k events, one new event since the last`,
    summary: `${median(inc).toFixed(3)} ms vs full recompute ${median(all).toFixed(1)} ms → ${ratio(median(inc), median(all))}`,
  });
  return [line('connector poller state (incident + links)', incremental.poller, full.poller), line('outbox worker items', incremental.outbox, full.outbox)];
}

/**
 * `CORE_OPEN_ROWS=host-start npx tsx bench/run.ts core-open` runs only the host-start rows (and chain verification), the ones
 * measured under `stress-ng`; the default runs every row.
 */
const onlyHostStart = process.env.CORE_OPEN_ROWS === 'host-start';

export async function run(): Promise<BenchResult[]> {
  const root = await mkdtemp(join(tmpdir(), 'firebreak-bench-open-'));
  try {
    if (onlyHostStart) return await hostStart(root);
    return [...(await hostStart(root)), await listing(root), ...(await passes(root))];
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
