// Store benchmarks: appending 10k events with fsync batching, and loading a 100k-event log versus a raw JSON.parse of the same bytes.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_SCHEMA_VERSION, type IncidentEvent } from '../shared/events';
import { IncidentLog, LOG_FILE } from '../electron/core/store/incident-log';
import type { BenchResult } from './run';

function syntheticEvents(count: number): IncidentEvent[] {
  const start = Date.parse('2026-01-01T00:00:00Z');
  const events: IncidentEvent[] = [
    { v: EVENT_SCHEMA_VERSION, seq: 1, ts: new Date(start).toISOString(), actor: 'bench', type: 'incident.declared', payload: { title: 'Bench incident', severity: 'SEV2', commander: 'bench', services: ['api'] } },
  ];
  for (let i = 2; i <= count; i++) {
    const ts = new Date(start + i * 1000).toISOString();
    events.push(
      i % 3 === 0
        ? { v: EVENT_SCHEMA_VERSION, seq: i, ts, actor: 'prometheus', type: 'metric.observed', payload: { service: 'api', metric: 'p99_latency', value: i % 1000, unit: 'ms' } }
        : { v: EVENT_SCHEMA_VERSION, seq: i, ts, actor: 'ana', type: 'note.added', payload: { text: `Observation number ${i}: queue depth rising on shard ${i % 16}`, kind: 'note' } },
    );
  }
  return events;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'firebreak-bench-'));
  try {
    // 1. Append 10k events as 10k concurrent appends: group commit turns them into few write+fsync batches.
    const log = await IncidentLog.open(join(dir, 'append'));
    await log.append([{ type: 'incident.declared', actor: 'bench', payload: { title: 'Append bench', severity: 'SEV3', commander: 'bench', services: [] } }]);
    const t0 = performance.now();
    await Promise.all(Array.from({ length: 10_000 }, (_, i) => log.append([{ type: 'note.added', actor: 'bench', payload: { text: `event ${i}` } }])));
    const appendMs = performance.now() - t0;
    await log.close();

    // 2. Load 100k events vs raw JSON.parse of the same bytes.
    const loadDir = join(dir, 'load');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(loadDir, { recursive: true });
    await writeFile(join(loadDir, LOG_FILE), syntheticEvents(100_000).map((e) => JSON.stringify(e)).join('\n') + '\n');
    const bytes = await readFile(join(loadDir, LOG_FILE));
    const rawTimes: number[] = [];
    const loadTimes: number[] = [];
    // Run 0 is the cold open (no seal yet: every payload schema-validated); later runs reopen a cleanly closed, sealed log.
    for (let i = 0; i < 6; i++) {
      const r0 = performance.now();
      const text = (await readFile(join(loadDir, LOG_FILE))).toString('utf8');
      for (const line of text.split('\n')) if (line) JSON.parse(line);
      rawTimes.push(performance.now() - r0);
      const l0 = performance.now();
      const opened = await IncidentLog.open(loadDir);
      loadTimes.push(performance.now() - l0);
      if (opened.events.length !== 100_000) throw new Error(`expected 100000 events, got ${opened.events.length}`);
      await opened.close();
    }
    const coldLoad = loadTimes.shift()!;
    const coldRaw = rawTimes.shift()!;
    const raw = median(rawTimes);
    const load = median(loadTimes);
    return [
      { name: 'append 10k events (fsync batching)', summary: `${appendMs.toFixed(0)} ms total, ${((10_000 / appendMs) * 1000).toFixed(0)} events/s` },
      {
        name: 'load 100k-event log, first open (full schema validation)',
        summary: `${coldLoad.toFixed(0)} ms vs raw read + JSON.parse ${coldRaw.toFixed(0)} ms → ratio ${(coldLoad / coldRaw).toFixed(2)}×`,
      },
      {
        name: 'load 100k-event log, reopen after clean close (sealed)',
        summary: `${load.toFixed(0)} ms vs raw read + JSON.parse ${raw.toFixed(0)} ms → ratio ${(load / raw).toFixed(2)}× (goal ≤ 1.5×) on ${(bytes.length / 1e6).toFixed(1)} MB`,
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
