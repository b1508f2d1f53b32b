// Against the real prometheus and prometheus-alertmanager binaries: range shape, alerts on the timeline, silences, capture replay.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentEvent } from '../../../shared/events';
import type { MetricsView } from '../../../shared/ipc';
import { decodeSeries } from '../../../shared/metrics/series';
import { IncidentService } from '../incidents/incident-service';
import { IncidentStore } from '../store/incident-store';
import { MetricsService } from './metrics-service';
import { eventually, startMetricsServers, type MetricsServers } from './testing/prometheus-fixture';

let servers: MetricsServers;
let dataDir: string;
let store: IncidentStore;
let incidents: IncidentService;
let metrics: MetricsService;
let incidentId: string;

const events = (): readonly IncidentEvent[] => store.get(incidentId).log!.events;
const ofType = <T extends IncidentEvent['type']>(type: T) => events().filter((e): e is Extract<IncidentEvent, { type: T }> => e.type === type);
const errorPanel = (view: MetricsView) => view.panels.find((p) => p.title === 'Checkout error ratio')!;

beforeAll(async () => {
  servers = await startMetricsServers();
  dataDir = await mkdtemp(join(tmpdir(), 'firebreak-metrics-live-'));
  store = await IncidentStore.open(dataDir);
  incidents = new IncidentService(store, () => 'ic-on-call');
  metrics = new MetricsService({ dataDir, store, incidents, operator: () => 'ic-on-call' });
  await metrics.settings.save({
    prometheus: [{ id: 'local', name: 'Local', baseUrl: servers.prometheusUrl, timeoutMs: 3000 }],
    alertmanager: { baseUrl: servers.alertmanagerUrl, timeoutMs: 3000 },
    refreshSeconds: 2,
    leadInMinutes: 0,
    services: {
      checkout: [
        { id: 'errors', title: 'Checkout error ratio', promql: 'checkout_error_ratio', unit: 'ratio', thresholds: [{ value: 0.05, kind: 'slo', label: 'SLO' }] },
        { id: 'broken', title: 'Broken query', promql: 'sum(checkout_error_ratio' },
      ],
    },
  });
  incidentId = (await incidents.declare({ title: 'Checkout failing', severity: 'SEV2', commander: 'ic-on-call', services: ['checkout'] })).id;
}, 60_000);

afterAll(async () => {
  await metrics?.close();
  await servers?.stop();
  await store?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('live metrics against real Prometheus and Alertmanager', () => {
  let liveSnapshot: MetricsView['panels'][number]['series'];

  it('shows the controlled shape, fires the alert onto the timeline once, and silences it', async () => {
    servers.errorRatio.set(0.1);
    const api = metrics.prometheus((await metrics.settings.current()).config, 'local')!;
    await eventually('a scraped 0.1', async () => {
      const r = await api.instantQuery('checkout_error_ratio');
      return r.resultType === 'vector' && r.samples[0]?.v === 0.1 ? true : undefined;
    });
    // The range must show 0.1 before 0.9 arrives: wait until the panel itself has a 0.1 point, not a fixed time.
    await eventually('0.1 in the live range', async () => {
      await metrics.poll(incidentId, true);
      const v = await metrics.view({ incidentId, widthPx: 400 });
      return errorPanel(v).series.some((s) => s.v.includes(0.1)) ? true : undefined;
    });
    servers.errorRatio.set(0.9);

    // The alert rule fires; the poller turns it into exactly one alert.fired event.
    const fired = await eventually('alert.fired on the timeline', async () => {
      await metrics.poll(incidentId, true);
      return ofType('alert.fired')[0];
    });
    expect(fired.actor).toBe('alertmanager');
    expect(fired.payload).toMatchObject({ alertname: 'CheckoutErrorRatioHigh', service: 'checkout', severity: 'page', summary: 'Checkout error ratio above 50%' });
    expect(fired.payload.fingerprint).toMatch(/^[0-9a-f]+$/);
    await metrics.poll(incidentId, true);
    await metrics.poll(incidentId, true);
    expect(ofType('alert.fired')).toHaveLength(1);

    // The range follows the incident and has the shape the target produced: 0.1 then 0.9, never back.
    // A point at time T uses the sample scraped at or before T, so the 0.9 shows up within a scrape or two.
    const view = await eventually('0.9 in the live range', async () => {
      await metrics.poll(incidentId, true);
      const v = await metrics.view({ incidentId, widthPx: 400 });
      return errorPanel(v).series.some((s) => s.v.includes(0.9)) ? v : undefined;
    });
    const panel = errorPanel(view);
    expect(panel.freshness.state).toBe('live');
    expect(panel.range?.step).toBe(1);
    expect(panel.thresholds).toEqual([{ value: 0.05, kind: 'slo', label: 'SLO' }]);
    const series = panel.series.map(decodeSeries);
    expect(series).toHaveLength(1);
    expect(series[0]!.labels).toMatchObject({ __name__: 'checkout_error_ratio', job: 'checkout', service: 'checkout' });
    const values = series[0]!.v;
    expect(new Set(values)).toEqual(new Set([0.1, 0.9]));
    expect(values.indexOf(0.9)).toBeGreaterThan(values.lastIndexOf(0.1));
    expect(series[0]!.t.every((t, i) => i === 0 || t - series[0]!.t[i - 1]! === 1000)).toBe(true);

    // Invalid PromQL shows Prometheus's own error under its panel, and is refused outright as an ad-hoc panel.
    const broken = view.panels.find((p) => p.title === 'Broken query')!;
    expect(broken.error?.message).toMatch(/^Prometheus: .*parse error.*\(bad_data, HTTP 400\)$/);
    await expect(metrics.addPanel({ incidentId, title: 'Typo', promql: 'rate(checkout_error_ratio[1m]', unit: '' })).rejects.toThrow(/parse error/);
    await metrics.addPanel({ incidentId, title: 'Ratio × 100', promql: 'checkout_error_ratio * 100', unit: '%' });

    // The alert is listed; a silence mutes it and is on the timeline; expiring it is too.
    expect(view.alerts.alerts.map((a) => a.alertname)).toEqual(['CheckoutErrorRatioHigh']);
    const silence = await metrics.createSilence({
      incidentId,
      matchers: [{ name: 'alertname', value: 'CheckoutErrorRatioHigh', isRegex: false, isEqual: true }],
      durationMinutes: 30,
      comment: 'Known, rollback in progress',
      confirmed: true,
    });
    expect(ofType('metrics.silence_created')[0]!.payload.silenceId).toBe(silence.silenceId);
    const silenced = await eventually('the alert to be silenced', async () => {
      await metrics.poll(incidentId, true);
      const v = await metrics.view({ incidentId, widthPx: 400 });
      return v.alerts.alerts[0]?.silencedBy.includes(silence.silenceId) ? v : undefined;
    });
    expect(silenced.alerts.silences.find((s) => s.silenceId === silence.silenceId)?.state).toBe('active');
    expect(ofType('alert.resolved')).toHaveLength(0);
    await metrics.expireSilence({ incidentId, silenceId: silence.silenceId, confirmed: true });
    await metrics.poll(incidentId, true);
    const afterExpiry = await metrics.view({ incidentId, widthPx: 400 });
    expect(afterExpiry.alerts.silences.find((s) => s.silenceId === silence.silenceId)?.state).toBe('expired');
    expect(ofType('metrics.silence_expired')).toHaveLength(1);

    // Recovery resolves the alert on the timeline.
    servers.errorRatio.set(0.01);
    await eventually(
      'alert.resolved on the timeline',
      async () => {
        await metrics.poll(incidentId, true);
        return ofType('alert.resolved')[0];
      },
      25_000,
    );
    expect(ofType('alert.resolved')[0]!.payload.fingerprint).toBe(fired.payload.fingerprint);

    await metrics.close();
    const final = await metrics.view({ incidentId, widthPx: 400 });
    liveSnapshot = errorPanel(final).series;
    expect(final.markers.map((m) => m.kind)).toContain('status');
  }, 60_000);

  it('replays the captured segments identically once the servers are gone, and marks live data stale', async () => {
    await servers.stop();
    const offline = new MetricsService({ dataDir, store, incidents, operator: () => 'reviewer' });
    try {
      const replay = await offline.captured({ incidentId, widthPx: 400 });
      const captured = errorPanel(replay);
      expect(captured.freshness.state).toBe('captured');
      expect(captured.freshness.capturedAt).toBeDefined();
      expect(captured.series).toEqual(liveSnapshot);
      expect(replay.panels.map((p) => p.title).sort()).toEqual(['Checkout error ratio', 'Ratio × 100']);
      expect(replay.alerts.alerts).toEqual([]);

      const live = await offline.view({ incidentId, widthPx: 400 });
      const stale = errorPanel(live);
      expect(stale.freshness.state).toBe('stale');
      expect(stale.error?.kind).toBe('refused');
      expect(stale.series).toEqual(liveSnapshot);
      expect(live.alerts.freshness.state).toBe('empty');
      expect(live.alerts.error?.kind).toBe('refused');
      expect(ofType('alert.resolved')).toHaveLength(1);
    } finally {
      await offline.close();
    }
  });
});
