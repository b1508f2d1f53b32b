// The bundled demo, as a new user gets it: seeded into a fresh data directory, opened by the real store, read by the real
// projections and the live metrics pane without any Prometheus configured. Every capability the "Start here" card promises
// must show real data, and the log must load without a single quarantined line.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectIncident } from '../../shared/incidents/incident-state';
import { decodeSeries } from '../../shared/metrics/series';
import { projectRollbacks } from '../../shared/rollback/rollback-state';
import { projectChecklists } from '../../shared/runbooks/checklist';
import { buildTimelineRows } from '../../shared/timeline/timeline-view';
import { cadenceStatus, defaultCadencePolicy } from '../../shared/updates/cadence';
import { DEMO_INCIDENT_ID, seedDemoIncident } from '../../electron/core/demo/seed-demo';
import { IncidentService } from '../../electron/core/incidents/incident-service';
import { MetricsService } from '../../electron/core/metrics/metrics-service';
import { IncidentStore } from '../../electron/core/store/incident-store';
import { verifyChain } from '../../electron/core/store/hash-chain';
import { demoPanels } from './demo-metrics';

const assets = join(__dirname, '..', '..', 'assets');
let dataDir: string;
let store: IncidentStore;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'firebreak-demo-test-'));
  expect(await seedDemoIncident(dataDir, assets)).toBe(true);
  store = await IncidentStore.open(dataDir);
});
afterEach(async () => {
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

const events = () => store.get(DEMO_INCIDENT_ID).log!.events;

describe('the bundled demo incident', () => {
  it('loads with no problems, no quarantined lines and an intact hash chain', () => {
    const demo = store.get(DEMO_INCIDENT_ID);
    expect(demo.problems).toEqual([]);
    expect(demo.log!.problems).toEqual([]);
    expect(verifyChain(events())).toMatchObject({ ok: true });
  });

  it('tells a resolved SEV1 story of about 70 minutes with alerts, pages, deploys, commits, every note kind and pinned decisions', () => {
    const state = projectIncident(DEMO_INCIDENT_ID, events())!;
    expect(state).toMatchObject({ demo: true, severity: 'SEV1', status: 'resolved' });
    const minutes = (Date.parse(state.resolvedAt!) - Date.parse(state.declaredAt)) / 60_000;
    expect(minutes).toBeGreaterThanOrEqual(60);
    expect(minutes).toBeLessThanOrEqual(80);
    expect(state.statusHistory.map((s) => s.status)).toEqual(['investigating', 'identified', 'mitigating', 'monitoring', 'resolved']);
    const types = new Set(events().map((e) => e.type));
    for (const t of ['alert.fired', 'alert.resolved', 'page.triggered', 'page.acknowledged', 'deploy.started', 'deploy.finished', 'git.commit', 'git.tag', 'test.run', 'approval.recorded', 'incident.severity_changed', 'review.saved']) {
      expect(types, t).toContain(t);
    }
    const kinds = new Set(events().flatMap((e) => (e.type === 'note.added' ? [e.payload.kind] : [])));
    expect([...kinds].sort()).toEqual(['action', 'decision', 'hypothesis', 'observation']);
    const rows = buildTimelineRows(events());
    const pinned = rows.filter((r) => r.pinned);
    expect(pinned.some((r) => r.type === 'note.added' && r.kind === 'decision')).toBe(true);
    // Metric samples no longer bury the timeline: the charts come from captured ranges instead.
    expect(types).not.toContain('metric.observed');
  });

  it('has the hot-fix checklist in progress: steps done, steps skipped with a reason, an owned current step', () => {
    const [checklist] = projectChecklists(events());
    expect(checklist!.title).toMatch(/^Hot-fix lifecycle/);
    const { done, skipped, total } = checklist!.progress;
    expect(done).toBeGreaterThanOrEqual(1);
    expect(skipped).toBeGreaterThanOrEqual(1);
    expect(done + skipped).toBeLessThan(total);
    expect(checklist!.steps.filter((s) => s.status === 'skipped').every((s) => (s.skipReason ?? '').length > 0)).toBe(true);
    const current = checklist!.steps.find((s) => s.status === 'open');
    expect(current).toMatchObject({ owner: expect.any(String) });
    expect(current!.notes.length).toBeGreaterThan(0);
  });

  it('has a rollback that was confirmed by a second approver, ran every step and was verified healthy', () => {
    const [rollback] = projectRollbacks(events());
    expect(rollback).toMatchObject({ stage: 'completed', verification: { outcome: 'healthy' } });
    expect(rollback!.approver).toBeTruthy();
    expect(rollback!.steps.length).toBeGreaterThan(0);
    expect(rollback!.steps.every((s) => s.status === 'succeeded')).toBe(true);
  });

  it('has stakeholder updates to executives and customers under the SEV1 cadence, all done after resolution', () => {
    const audiences = new Set(events().flatMap((e) => (e.type === 'update.published' ? [e.payload.audience] : [])));
    expect(audiences).toContain('executives');
    expect(audiences).toContain('customers');
    const cadence = cadenceStatus(events(), defaultCadencePolicy, new Date(Date.parse(events().at(-1)!.ts)))!;
    expect(cadence.severity).toBe('SEV1');
    expect(cadence.audiences.find((a) => a.audience === 'executives')!.state).toBe('done');
  });

  it('draws a chart for every demo panel in the live metrics pane with no Prometheus configured, with a spike and a recovery', async () => {
    const incidents = new IncidentService(store, () => 'viewer');
    const metrics = new MetricsService({ dataDir, store, incidents, operator: () => 'viewer' });
    try {
      const view = await metrics.view({ incidentId: DEMO_INCIDENT_ID, widthPx: 600 });
      expect(view.configured).toBe(false);
      expect(view.panels.map((p) => p.key).sort()).toEqual(demoPanels.map((p) => p.key).sort());
      const declared = Date.parse(projectIncident(DEMO_INCIDENT_ID, events())!.declaredAt);
      for (const panel of view.panels) {
        expect(panel.origin).toEqual({ kind: 'captured' });
        const [series] = panel.series.map(decodeSeries);
        expect(series!.t.length, panel.title).toBeGreaterThan(50);
        // Data from before the declaration (the lead-in) to well after the resolution.
        expect(series!.t[0]!).toBeLessThan(declared);
        expect(series!.t.at(-1)!).toBeGreaterThan(declared + 90 * 60_000);
      }
      const errors = view.panels.find((p) => p.unit === '%')!;
      const { t, v } = decodeSeries(errors.series[0]!);
      const at = (minute: number) => v[t.findIndex((x) => x >= declared + minute * 60_000)]!;
      expect(at(-20)).toBeLessThan(1);
      expect(at(5)).toBeGreaterThan(5);
      expect(at(40)).toBeLessThan(1);
    } finally {
      await metrics.close();
    }
  });
});
