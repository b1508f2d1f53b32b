// Playback (metrics.captured) from incremental projections: the view equals capturedMetricsView over the whole log at every
// cursor, on random logs whose ts are not always in order (silences stop at the first event recorded past the cursor) and on
// the bundled demo incident, and the request never reads log.events.
import { describeMarker } from '../../../shared/metrics/marker-columns';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IncidentEvent } from '../../../shared/events';
import type { MetricsView } from '../../../shared/ipc';
import { capturedMetricsView, capturedMetricsViewOf } from '../../../shared/metrics/captured-view';
import { adhocPanelsFromEvents } from '../../../shared/metrics/incident-panels';
import { firingFromEvents } from '../../../shared/metrics/alert-reconcile';
import { silenceViews } from '../../../shared/metrics/metrics-view';
import { seededRandom, syntheticLog } from '../../../shared/playback/synthetic-log';
import { incidentProjection, markerProjection } from '../../../shared/projections/domain-projections';
import { IncrementalProjection } from '../../../shared/projections/incremental-projection';
import { DEMO_INCIDENT_ID, seedDemoIncident } from '../demo/seed-demo';
import { IncidentService } from '../incidents/incident-service';
import { IncidentStore } from '../store/incident-store';
import { metricsEventsProjection } from './metrics-events';
import { MetricsService } from './metrics-service';

const config = { configured: false, alertmanagerConfigured: false, refreshSeconds: 15, range: { leadInSeconds: 300, tailSeconds: 600 } };

/** A synthetic long incident with silences and panels mixed in, and some events recorded out of ts order (imports, sync). */
function randomLog(seed: number): IncidentEvent[] {
  const random = seededRandom(seed);
  const base = syntheticLog({ count: 160, random, weights: { alert: 20, note: 20, status: 5 }, maxGapMs: 90_000 });
  const out: IncidentEvent[] = [];
  for (const e of base) {
    const at = Date.parse(e.ts);
    const ts = random() < 0.25 ? new Date(at - Math.floor(random() * 1_800_000)).toISOString() : e.ts;
    out.push(IncidentEvent.parse({ ...e, seq: out.length + 1, ts }));
    const r = random();
    const id = `s${Math.floor(random() * 4)}`;
    const extra =
      r < 0.12
        ? { type: 'metrics.silence_created', payload: { silenceId: id, matchers: [{ name: 'alertname', value: 'Latency' }], startsAt: ts, endsAt: new Date(at + Math.floor(random() * 3_600_000)).toISOString(), comment: 'deploying' } }
        : r < 0.16
          ? { type: 'metrics.silence_expired', payload: { silenceId: id } }
          : r < 0.2
            ? { type: 'alert.resolved', payload: { alertname: 'Latency', ...(random() < 0.8 ? { fingerprint: `fp${Math.floor(random() * 5)}` } : {}) } }
            : r < 0.22
              ? { type: 'metrics.panel_added', payload: { panelId: `p${Math.floor(random() * 3)}`, title: 'Queue', promql: 'queue_depth' } }
              : undefined;
    // Recorded at the same (possibly earlier) ts: after a later event, where a scan stopping at the cursor never reaches it.
    if (extra) out.push(IncidentEvent.parse({ v: 1, seq: out.length + 1, ts, actor: 'ana', ...extra }));
  }
  return out;
}

describe('captured metrics view from projections', () => {
  it.each([1, 2, 3, 4, 5, 6])('equals the whole-log view at every cursor of random log %i', (seed) => {
    const events = randomLog(seed);
    const metrics = new IncrementalProjection(metricsEventsProjection, 'inc-1');
    const markers = new IncrementalProjection(markerProjection, 'inc-1');
    const incident = new IncrementalProjection(incidentProjection, 'inc-1');
    for (let n = 20; n <= events.length; n += 20) {
      const prefix = events.slice(0, n);
      for (const p of [metrics, markers, incident] as IncrementalProjection<unknown>[]) p.apply(prefix);
      const { events: kept, reachedMs } = metrics.value();
      // The live pane's readers see the same over the kept events as over the whole log.
      expect(adhocPanelsFromEvents(kept)).toEqual(adhocPanelsFromEvents(prefix));
      expect(firingFromEvents(kept)).toEqual(firingFromEvents(prefix));
      expect(silenceViews(kept, [], [])).toEqual(silenceViews(prefix, [], []));
      const first = Date.parse(prefix[0]!.ts);
      const last = Date.parse(prefix.at(-1)!.ts);
      for (const untilMs of [undefined, first + 60_000, (first + last) / 2, last - 30_000, last + 1]) {
        const input = { incidentId: 'inc-1', state: incident.value()!, captured: new Map(), captureProblems: [], untilMs, widthPx: 600, now: last + 120_000, config };
        expect(capturedMetricsViewOf({ ...input, facts: { events: kept, reachedMs, markers: markers.value(), describeMarker: (seq: number) => describeMarker(prefix.find((e) => e.seq === seq)!) } }), `${n} events until ${untilMs}`).toEqual(capturedMetricsView({ ...input, events: prefix }));
      }
    }
  });

  it('keeps the silences a scan stopping at the first event recorded past the cursor keeps, not all recorded before it', () => {
    const at = (minute: number) => new Date(Date.parse('2026-12-02T10:00:00.000Z') + minute * 60_000).toISOString();
    const events = [
      { type: 'incident.declared', ts: at(0), payload: { title: 'API errors', severity: 'SEV2', commander: 'ana', services: ['api'] } },
      { type: 'metrics.silence_created', ts: at(2), payload: { silenceId: 'early', matchers: [{ name: 'alertname', value: 'Errors' }], startsAt: at(2), endsAt: at(90), comment: 'on it' } },
      { type: 'note.added', ts: at(30), payload: { text: 'imported from the chat', kind: 'note' } },
      { type: 'metrics.silence_created', ts: at(5), payload: { silenceId: 'late', matchers: [{ name: 'alertname', value: 'Errors' }], startsAt: at(5), endsAt: at(90), comment: 'recorded after a later event' } },
    ].map((e, i) => IncidentEvent.parse({ v: 1, seq: i + 1, actor: 'ana', ...e }));
    const metrics = new IncrementalProjection(metricsEventsProjection, 'inc-1');
    const markers = new IncrementalProjection(markerProjection, 'inc-1');
    const state = new IncrementalProjection(incidentProjection, 'inc-1');
    for (const p of [metrics, markers, state] as IncrementalProjection<unknown>[]) p.apply(events);
    const input = { incidentId: 'inc-1', state: state.value()!, captured: new Map(), captureProblems: [], untilMs: Date.parse(at(10)), widthPx: 600, now: Date.parse(at(60)), config };
    const view = capturedMetricsViewOf({ ...input, facts: { ...metrics.value(), markers: markers.value(), describeMarker: (seq: number) => describeMarker(events[seq - 1]!) } });
    expect(view.alerts.silences.map((s) => s.silenceId)).toEqual(['early']);
    expect(view).toEqual(capturedMetricsView({ ...input, events }));
  });
});

describe('MetricsService.captured', () => {
  let dataDir: string;
  let store: IncidentStore;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'fb-metrics-captured-'));
    await seedDemoIncident(dataDir, join(__dirname, '..', '..', '..', 'assets'));
    store = await IncidentStore.open(dataDir);
  });
  afterEach(async () => {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('plays back the demo incident as the whole log does, at every cursor, without reading the whole log', async () => {
    const incidents = new IncidentService(store, () => 'reviewer');
    const log = store.get(DEMO_INCIDENT_ID).log!;
    const whole = log.events;
    const now = Date.parse(whole.at(-1)!.ts) + 3_600_000;
    const metrics = new MetricsService({ dataDir, store, incidents, operator: () => 'reviewer', now: () => now });
    try {
      const { config: settings } = await metrics.settings.current();
      const { panels, problems } = await metrics.captures.read(DEMO_INCIDENT_ID);
      const reads = vi.spyOn(Object.getPrototypeOf(log) as typeof log, 'events', 'get');
      const cursors = [undefined, ...whole.filter((_, i) => i % 7 === 0).map((e) => Date.parse(e.ts))];
      const views: MetricsView[] = [];
      for (const untilMs of cursors) views.push(await metrics.captured({ incidentId: DEMO_INCIDENT_ID, widthPx: 500, ...(untilMs !== undefined ? { untilMs } : {}) }));
      expect(reads).not.toHaveBeenCalled();
      reads.mockRestore();
      cursors.forEach((untilMs, i) => {
        const expected = capturedMetricsView({
          incidentId: DEMO_INCIDENT_ID,
          state: incidents.state(DEMO_INCIDENT_ID),
          events: whole,
          captured: panels,
          captureProblems: problems.map((p) => `Captured file ${p.file} was skipped: ${p.message}`),
          untilMs,
          widthPx: 500,
          now,
          config: { configured: settings.prometheus.length > 0, alertmanagerConfigured: !!settings.alertmanager, refreshSeconds: settings.refreshSeconds, range: { leadInSeconds: settings.leadInMinutes * 60, tailSeconds: settings.tailMinutes * 60 } },
        });
        expect(views[i], `until ${untilMs}`).toEqual(expected);
      });
      expect(views[0]!.markers.length).toBeGreaterThan(0);
      expect(views[0]!.panels.length).toBeGreaterThan(0);
    } finally {
      await metrics.close();
    }
  });
});
