// Recording alerts (the background watch and the pane's poll) reads the alerts already on the timeline from the metrics
// projection, never log.events: past the log's in-memory tail that would be a full read of the file every refresh.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { firingFromEvents } from '../../../shared/metrics/alert-reconcile';
import type { FetchLike } from '../connectors/prometheus/endpoint-client';
import { IncidentService } from '../incidents/incident-service';
import { IncidentStore } from '../store/incident-store';
import { ALERTMANAGER_ACTOR } from './alert-feed';
import { metricsEventsProjection } from './metrics-events';
import { MetricsService } from './metrics-service';

let dataDir: string;
let store: IncidentStore;
let metrics: MetricsService;
let firing: boolean;

const alert = {
  fingerprint: 'fp-api-errors',
  labels: { alertname: 'ApiErrors', service: 'api' },
  annotations: { summary: 'API error ratio above 5%' },
  startsAt: '2026-12-02T10:00:00.000Z',
  endsAt: '2026-12-02T10:05:00.000Z',
  status: { state: 'active', silencedBy: [], inhibitedBy: [] },
};
const alertmanager: FetchLike = async (url) => {
  if (url.includes('/api/v2/alerts')) return Response.json(firing ? [alert] : []);
  if (url.includes('/api/v2/silences')) return Response.json([]);
  return new Response('not found', { status: 404 });
};

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'fb-alert-reads-'));
  store = await IncidentStore.open(dataDir);
});
afterEach(async () => {
  await metrics?.close();
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('recording alerts', () => {
  it('fires and resolves an alert on the timeline once each, reading the recorded alerts from the projection only', async () => {
    const incidents = new IncidentService(store, () => 'ic');
    const id = (await incidents.declare({ title: 'API errors', severity: 'SEV2', commander: 'ic', services: ['api'] })).id;
    metrics = new MetricsService({ dataDir, store, incidents, operator: () => 'ic', fetch: alertmanager });
    await metrics.settings.save({ prometheus: [], alertmanager: { baseUrl: 'http://alertmanager.invalid:9093' }, services: {} });
    const log = store.get(id).log!;
    const reads = vi.spyOn(Object.getPrototypeOf(log) as typeof log, 'events', 'get');
    firing = true;
    await metrics.poll(id, true);
    await metrics.poll(id, true);
    firing = false;
    await metrics.poll(id, true);
    await metrics.poll(id, true);
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();
    const whole = log.events;
    expect(whole.filter((e) => e.type === 'alert.fired').map((e) => e.actor)).toEqual([ALERTMANAGER_ACTOR]);
    expect(whole.filter((e) => e.type === 'alert.resolved')).toHaveLength(1);
    // What the reconcile reads equals the whole-log answer.
    expect(firingFromEvents(store.projection(id, metricsEventsProjection).events, ALERTMANAGER_ACTOR)).toEqual(firingFromEvents(whole, ALERTMANAGER_ACTOR));
  });
});
