// Against the real prometheus and prometheus-alertmanager binaries: an alert that fires while no metrics pane is open still
// reaches the timeline, dated by Alertmanager's startsAt and carrying its labels and annotations.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentEvent } from '../../../shared/events';
import { buildTimelineRows } from '../../../shared/timeline/timeline-view';
import { IncidentService } from '../incidents/incident-service';
import { IncidentStore } from '../store/incident-store';
import { MetricsService } from './metrics-service';
import { eventually, startMetricsServers, type MetricsServers } from './testing/prometheus-fixture';

let servers: MetricsServers;
let dataDir: string;
let store: IncidentStore;
let metrics: MetricsService;

beforeAll(async () => {
  servers = await startMetricsServers();
  dataDir = await mkdtemp(join(tmpdir(), 'firebreak-alert-watch-'));
  store = await IncidentStore.open(dataDir);
}, 60_000);

afterAll(async () => {
  await metrics?.close();
  await servers?.stop();
  await store?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('alerts recorded in the background', () => {
  it('records an alert that fires while no pane is open, with startsAt, labels and annotations, and its resolution', async () => {
    const incidents = new IncidentService(store, () => 'ic-on-call');
    metrics = new MetricsService({ dataDir, store, incidents, operator: () => 'ic-on-call' });
    await metrics.settings.save({ prometheus: [], alertmanager: { baseUrl: servers.alertmanagerUrl, timeoutMs: 3000 }, refreshSeconds: 2, services: {} });
    const watched = (await incidents.declare({ title: 'Checkout failing', severity: 'SEV2', commander: 'ic-on-call', services: ['checkout'] })).id;
    const elsewhere = (await incidents.declare({ title: 'Search slow', severity: 'SEV3', commander: 'ic-on-call', services: ['search'] })).id;
    const events = (id: string): readonly IncidentEvent[] => store.get(id).log!.events;
    const ofType = <T extends IncidentEvent['type']>(id: string, type: T) => events(id).filter((e): e is Extract<IncidentEvent, { type: T }> => e.type === type);

    // Nobody calls metrics.view or metrics.poll: only the background watch of open incidents is running.
    metrics.watchAlerts(() => [{ id: watched }, { id: elsewhere }]);
    servers.errorRatio.set(0.9);

    const fired = await eventually('alert.fired recorded in the background', () => ofType(watched, 'alert.fired')[0], 30_000);
    expect(fired.actor).toBe('alertmanager');
    expect(fired.payload).toMatchObject({
      alertname: 'CheckoutErrorRatioHigh',
      service: 'checkout',
      labels: { alertname: 'CheckoutErrorRatioHigh', service: 'checkout', severity: 'page' },
      annotations: { summary: 'Checkout error ratio above 50%', runbook_url: 'https://runbooks.example.com/firebreak/checkout-errors.md' },
    });
    // Alertmanager's startsAt is when it happened: at or before the moment Firebreak recorded it.
    expect(fired.payload.startsAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Date.parse(fired.payload.startsAt!)).toBeLessThanOrEqual(Date.parse(fired.ts));
    expect(fired.payload.endsAt).toBeDefined();
    // The other open incident's services have no alert: nothing is recorded there.
    expect(ofType(elsewhere, 'alert.fired')).toHaveLength(0);

    servers.errorRatio.set(0.01);
    const resolved = await eventually('alert.resolved recorded in the background', () => ofType(watched, 'alert.resolved')[0], 30_000);
    expect(resolved.payload.fingerprint).toBe(fired.payload.fingerprint);
    expect(Date.parse(resolved.payload.endsAt!)).toBeGreaterThanOrEqual(Date.parse(fired.payload.startsAt!));
    expect(Date.parse(resolved.payload.endsAt!)).toBeLessThanOrEqual(Date.parse(resolved.ts));
    expect(ofType(watched, 'alert.fired')).toHaveLength(1);

    // The timeline orders the alert by when it started firing.
    const row = buildTimelineRows(events(watched)).find((r) => r.seq === fired.seq)!;
    expect(row.at).toBe(Date.parse(fired.payload.startsAt!));
  }, 90_000);
});
