// Fast open and incremental core state, at 100k events:
// - host start (the browser host's core) plus the first read of a 100k-event incident, against a plain read + JSON.parse of
//   its log, after a clean close and after a crash (1,000 events past the last seal refresh and a torn last line);
// - how many events the chain verification hashes on start, against verifying the whole chain;
// - listing 50 incidents (100k events in all) from their summaries, against opening every log;
// - the connector poller's and outbox worker's per-pass state reads with one new event per pass, against full recomputes.
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectLinks } from '../shared/connectors/incident-links';
import { projectIncident } from '../shared/incidents/incident-state';
import { projectOutbox } from '../shared/outbox/outbox-state';
import { incidentProjection, linksProjection, outboxProjection } from '../shared/projections/domain-projections';
import { startCore } from '../electron/core/firebreak-core';
import { verifyChainInSlices } from '../electron/core/store/hash-chain';
import { IncidentLog, LOG_FILE } from '../electron/core/store/incident-log';
import { IncidentStore } from '../electron/core/store/incident-store';
import { SUMMARY_FILE } from '../electron/core/store/incident-summary';
import type { BenchResult } from './run';
import { chainedLines, median, writeIncident } from './support/chained-log';

const EVENTS = 100_000;
const CRASH_TAIL = 1000;
const INCIDENT = '2026-01-01-bench-incident-aaaaaa';
const assetsDir = join(__dirname, '..', 'assets');
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

async function rawReadAndParse(file: string): Promise<number> {
  const t0 = performance.now();
  const bytes = await readFile(file);
  // Complete lines only: a torn last line is not part of the log (recovery sets it aside).
  const text = bytes.toString('utf8', 0, bytes.lastIndexOf(0x0a) + 1);
  for (const line of text.split('\n')) if (line) JSON.parse(line);
  return performance.now() - t0;
}

async function startAndFirstRead(dataDir: string): Promise<{ start: number; total: number }> {
  const t0 = performance.now();
  const core = await startCore({ dataDir, assetsDir, mode: 'browser', version: 'bench', seedDemo: false, backgroundSync: false, operator: 'bench' });
  const start = performance.now() - t0;
  const got = await core.router.dispatch('incidents.get', { incidentId: INCIDENT });
  const page = await core.router.dispatch('timeline.events', { incidentId: INCIDENT, afterSeq: 0, limit: 500 });
  const total = performance.now() - t0;
  if (!got.ok || !page.ok) throw new Error(`first read failed: ${JSON.stringify(got.ok ? page : got)}`);
  await core.close();
  return { start, total };
}

async function hostStart(root: string): Promise<BenchResult[]> {
  const dataDir = join(root, 'host');
  const dir = join(dataDir, 'incidents', INCIDENT);
  const file = join(dir, LOG_FILE);
  const head = await writeIncident(dataDir, INCIDENT, EVENTS);
  // The first start validates everything, seals it, verifies the chain and writes the summary: a clean close follows.
  const first = await startCore({ dataDir, assetsDir, mode: 'browser', version: 'bench', seedDemo: false, backgroundSync: false });
  await first.router.dispatch('incidents.get', { incidentId: INCIDENT });
  await new Promise((r) => setTimeout(r, 3000)); // the background chain verification of 100k events records the verified prefix
  await first.close();
  const snapshot = await Promise.all([LOG_FILE, `${LOG_FILE}.seal`, SUMMARY_FILE].map(async (f) => [f, await readFile(join(dir, f))] as const));
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
  for (const [name, prepare] of [['clean close', clean], ['crash', crash]] as const) {
    const raws: number[] = [];
    const starts: number[] = [];
    const totals: number[] = [];
    // Each trial measures the baseline right before the start, and the ratio is taken per trial: on a shared, loaded machine
    // the load drifts between trials, and a ratio of medians taken at different moments would mostly measure that drift.
    const ratios: number[] = [];
    for (let i = 0; i < 5; i++) {
      await prepare();
      raws.push(await rawReadAndParse(file));
      const t = await startAndFirstRead(dataDir);
      starts.push(t.start);
      totals.push(t.total);
      ratios.push(t.total / raws.at(-1)!);
    }
    const raw = median(raws);
    results.push({
      name: `host start + first read of a 100k-event incident after a ${name}`,
      summary: `${median(totals).toFixed(0)} ms (start alone ${median(starts).toFixed(0)} ms) vs read + JSON.parse ${raw.toFixed(0)} ms → median ratio per trial ${median(ratios).toFixed(2)}× (goal ≤ 1.5×; trials ${ratios.map((r) => r.toFixed(2)).join(', ')})`,
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
    for (const id of ids) r += await rawReadAndParse(join(dataDir, 'incidents', id, LOG_FILE));
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

export async function run(): Promise<BenchResult[]> {
  const root = await mkdtemp(join(tmpdir(), 'firebreak-bench-open-'));
  try {
    return [...(await hostStart(root)), await listing(root), ...(await passes(root))];
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
