// Playback benchmarks: seeking to 1,000 random moments of a 100k-event incident (checkpoints vs full replay), and the first
// render of a 100k-event timeline in Chromium through the browser host.
import { chromium } from '@playwright/test';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_SCHEMA_VERSION, type IncidentEvent } from '../shared/events';
import { incidentStatuses } from '../shared/incidents/status';
import { CheckpointedReplay, EventClock, replayPrefix } from '../shared/playback/checkpoints';
import { cockpitProjection } from '../shared/playback/cockpit-projection';
import { chainHash, GENESIS_HASH } from '../electron/core/store/hash-chain';
import { startHost, stopHost } from '../e2e/fixtures';
import { requireProgram } from '../scripts/system-programs.cjs';
import type { BenchResult } from './run';

export function bigIncident(count: number): IncidentEvent[] {
  const start = Date.parse('2026-01-01T00:00:00Z');
  const events: IncidentEvent[] = [];
  let status: (typeof incidentStatuses)[number] = 'investigating';
  let previous = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const base = { v: EVENT_SCHEMA_VERSION, seq, ts: new Date(start + seq * 500).toISOString(), actor: seq % 7 === 0 ? 'ben' : 'ana' } as const;
    let e: IncidentEvent;
    if (seq === 1) e = { ...base, type: 'incident.declared', payload: { title: 'Bench: 100k events', severity: 'SEV1', commander: 'ana', services: ['api'] } };
    else if (seq % 5000 === 0) {
      const to: (typeof incidentStatuses)[number] = incidentStatuses[(incidentStatuses.indexOf(status) + 1) % incidentStatuses.length]!;
      e = { ...base, type: 'incident.status_changed', payload: { from: status, to } };
      status = to;
    } else if (seq % 3 === 0) e = { ...base, type: 'metric.observed', payload: { service: 'api', metric: 'p99_latency', value: seq % 900, unit: 'ms' } };
    else if (seq % 11 === 0) e = { ...base, type: 'alert.fired', payload: { alertname: 'Latency', summary: `burst ${seq}`, labels: {} } };
    else e = { ...base, type: 'note.added', payload: { text: `Observation ${seq}: shard ${seq % 32} queue depth ${seq % 1000}`, kind: 'note' } };
    e.h = chainHash(previous, e);
    previous = e.h;
    events.push(e);
  }
  return events;
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

export async function run(): Promise<BenchResult[]> {
  const events = bigIncident(100_000);
  const projection = cockpitProjection('bench');
  const b0 = performance.now();
  const replay = new CheckpointedReplay(projection, events);
  const buildMs = performance.now() - b0;
  const clock = new EventClock(events);
  let seed = 11;
  const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  const moments = Array.from({ length: 1000 }, () => clock.start + random() * (clock.end - clock.start));
  const seekTimes = moments.map((t) => {
    const s0 = performance.now();
    replay.stateAfter(clock.countAt(t));
    return performance.now() - s0;
  });
  const fullTimes = moments.slice(0, 100).map((t) => {
    const f0 = performance.now();
    replayPrefix(projection, events, clock.countAt(t));
    return performance.now() - f0;
  });
  const seekP95 = percentile(seekTimes, 0.95);
  const fullMean = fullTimes.reduce((a, b) => a + b, 0) / fullTimes.length;
  const seekMean = seekTimes.reduce((a, b) => a + b, 0) / seekTimes.length;

  // First render of the timeline with 100k events, in Chromium against the real browser host.
  const dataDir = await mkdtemp(join(tmpdir(), 'firebreak-bench-render-'));
  let renderSummary: string;
  try {
    await writeFile(join(dataDir, 'demo-seeded.json'), '{}');
    await mkdir(join(dataDir, 'incidents', 'bench-100k-events'), { recursive: true });
    await writeFile(join(dataDir, 'incidents', 'bench-100k-events', 'events.jsonl'), events.map((e) => JSON.stringify(e)).join('\n') + '\n');
    const host = await startHost(dataDir);
    const browser = await chromium.launch({ executablePath: requireProgram('chromium'), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const r0 = performance.now();
      await page.goto(host.url);
      await page.locator('[data-pane="timeline"] .pane-meta', { hasText: /100,?000 events/ }).waitFor({ timeout: 120_000 });
      await page.locator('.timeline .timeline-entry').first().waitFor();
      const firstRender = performance.now() - r0;
      const rows = await page.locator('.timeline .timeline-entry').count();
      const s0 = performance.now();
      await page.getByLabel('Search timeline').fill('shard 7 queue');
      await page.locator('[data-pane="timeline"] .pane-meta', { hasText: / of 100,?000 events/ }).waitFor();
      const searchMs = performance.now() - s0;
      renderSummary = `first render ${firstRender.toFixed(0)} ms (load over HTTP + projection + virtualized list; ${rows} rows in the DOM), search ${searchMs.toFixed(0)} ms`;
    } finally {
      await browser.close();
      await stopHost(host);
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }

  return [
    { name: 'build checkpoints for 100k events', summary: `${buildMs.toFixed(0)} ms (checkpoint every ${replay.interval} events)` },
    {
      name: 'seek to 1,000 random t in a 100k-event incident',
      summary: `p95 ${seekP95.toFixed(3)} ms (goal < 50 ms), mean ${seekMean.toFixed(3)} ms; full replay of the prefix mean ${fullMean.toFixed(2)} ms → seek is ${(seekMean / fullMean).toFixed(4)}× a full replay`,
    },
    { name: 'timeline with 100k events in Chromium', summary: renderSummary },
  ];
}
