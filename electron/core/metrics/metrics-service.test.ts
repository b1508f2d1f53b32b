import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeSeries } from '../../../shared/metrics/series';
import { IncidentService } from '../incidents/incident-service';
import { IncidentStore } from '../store/incident-store';
import type { FetchLike } from '../connectors/prometheus/endpoint-client';
import { MetricsService } from './metrics-service';

// A scripted Prometheus behind a fake fetch: healthy answers from a clock, then whatever failure the test switches on.
let mode: 'ok' | 'malformed' | '5xx' = 'ok';
const fakeFetch: FetchLike = async (url, init) => {
  if (mode === 'malformed') return new Response('{"status":"success","data":{"resultType":"mat', { status: 200, headers: { 'content-type': 'application/json' } });
  if (mode === '5xx') return new Response('upstream connect error', { status: 503, headers: { 'content-type': 'text/plain' } });
  const form = new URLSearchParams(String(init.body));
  if (!url.endsWith('/api/v1/query_range')) return Response.json({ status: 'success', data: { resultType: 'vector', result: [] } });
  const [start, end, step] = ['start', 'end', 'step'].map((k) => Number(form.get(k)));
  const values: [number, string][] = [];
  for (let t = start!; t <= end!; t += step!) values.push([t, String(t % 100)]);
  return Response.json({ status: 'success', data: { resultType: 'matrix', result: [{ metric: { job: 'api' }, values }] } });
};

let dataDir: string;
let store: IncidentStore;
let clock: { now: number };
let metrics: MetricsService;
let incidentId: string;

beforeEach(async () => {
  mode = 'ok';
  dataDir = await mkdtemp(join(tmpdir(), 'firebreak-metrics-service-'));
  store = await IncidentStore.open(dataDir);
  const incidents = new IncidentService(store, () => 'ic');
  incidentId = (await incidents.declare({ title: 'API errors', severity: 'SEV3', commander: 'ic', services: ['api'] })).id;
  clock = { now: Date.parse(incidents.state(incidentId).declaredAt) + 60_000 };
  metrics = new MetricsService({ dataDir, store, incidents, operator: () => 'ic', now: () => clock.now, fetch: fakeFetch });
});
afterEach(async () => {
  await metrics.close();
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

const configure = () =>
  metrics.settings.save({
    prometheus: [{ id: 'prod', name: 'Prod', baseUrl: 'http://prom.invalid:9090' }],
    leadInMinutes: 5,
    services: { api: [{ id: 'errors', title: 'Errors', promql: 'errors' }] },
  });

describe('MetricsService', () => {
  it('is not configured until a server is saved, and then shows the incident range', async () => {
    expect(await metrics.isConfigured()).toBe(false);
    const empty = await metrics.view({ incidentId, widthPx: 400 });
    expect([empty.configured, empty.panels.length]).toEqual([false, 0]);
    await configure();
    expect(await metrics.isConfigured()).toBe(true);
    const view = await metrics.view({ incidentId, widthPx: 400 });
    const panel = view.panels[0]!;
    expect(panel.freshness.state).toBe('live');
    // 6 minutes over 400 px: a 1 s step would be 360 points, under the width.
    expect(panel.range!.step).toBe(1);
    expect(decodeSeries(panel.series[0]!).t.length).toBe(panel.range!.end - panel.range!.start + 1);
    expect(view.markers.map((m) => m.kind)).toEqual(['status']);
  });

  it('keeps the last good data with a stale badge when the server sends malformed JSON or 5xx', async () => {
    await configure();
    const good = (await metrics.view({ incidentId, widthPx: 400 })).panels[0]!;
    for (const failure of ['malformed', '5xx'] as const) {
      mode = failure;
      clock.now += 30_000;
      await metrics.poll(incidentId, true);
      const stale = (await metrics.view({ incidentId, widthPx: 400 })).panels[0]!;
      expect(stale.freshness.state).toBe('stale');
      expect(stale.freshness.capturedAt).toBe(good.freshness.capturedAt);
      expect(stale.series).toEqual(good.series);
      expect(stale.error?.kind).toBe(failure === 'malformed' ? 'malformed' : 'http');
    }
    mode = 'ok';
    clock.now += 120_000;
    await metrics.poll(incidentId, true);
    expect((await metrics.view({ incidentId, widthPx: 400 })).panels[0]!.freshness.state).toBe('live');
  });

  it('shows what was captured for panels nothing feeds once the incident is closed, but never an ad-hoc panel removed on the timeline', async () => {
    await configure();
    const { panelId } = await metrics.addPanel({ incidentId, title: 'Latency', promql: 'latency', unit: 's' });
    expect((await metrics.view({ incidentId, widthPx: 400 })).panels.map((p) => p.title)).toEqual(['Errors', 'Latency']);
    await metrics.removePanel({ incidentId, panelId });
    // The catalogue drops the Errors panel: while the incident is live with Prometheus, only live panels show.
    await metrics.settings.save({ prometheus: [{ id: 'prod', name: 'Prod', baseUrl: 'http://prom.invalid:9090' }], leadInMinutes: 5, services: {} });
    expect((await metrics.view({ incidentId, widthPx: 400 })).panels).toEqual([]);
    await new IncidentService(store, () => 'ic').changeStatus({ incidentId, to: 'resolved' });
    clock.now += 31 * 60_000;
    const closed = await metrics.view({ incidentId, widthPx: 400 });
    expect(closed.panels.map((p) => [p.title, p.origin.kind, p.freshness.state])).toEqual([['Errors', 'captured', 'captured']]);
    expect(decodeSeries(closed.panels[0]!.series[0]!).t.length).toBeGreaterThan(0);
  });

  it('records ad-hoc panels on the timeline and refuses to silence without an Alertmanager', async () => {
    await configure();
    const { panelId } = await metrics.addPanel({ incidentId, title: 'Latency', promql: 'latency', unit: 's' });
    expect((await metrics.view({ incidentId, widthPx: 400 })).panels.map((p) => p.title)).toEqual(['Errors', 'Latency']);
    await metrics.removePanel({ incidentId, panelId });
    const types = store.get(incidentId).log!.events.map((e) => e.type);
    expect(types).toEqual(['incident.declared', 'metrics.panel_added', 'metrics.panel_removed']);
    await expect(
      metrics.createSilence({ incidentId, matchers: [{ name: 'a', value: 'b', isRegex: false, isEqual: true }], durationMinutes: 5, comment: 'x', confirmed: true }),
    ).rejects.toMatchObject({ code: 'validation', message: 'No Alertmanager is configured; add one in Settings → Metrics.' });
  });
});
