import { describe, expect, it } from 'vitest';
import { incidentLog } from '../updates/incident-log.test-support';
import { needsResolvedEntry, projectStatusPage } from './project-status-page';
import { renderAtomFeed } from './render-atom';
import { renderStatusHtml } from './render-html';
import { renderSummaryJson } from './render-summary';
import { INTERNAL_MARKER, publishedIncident } from './status-page.test-support';

const settings = { title: 'Acme status', components: [] as string[] };

describe('projectStatusPage', () => {
  it('shows only customers updates published to the status page, with the status they were published under', () => {
    const log = publishedIncident();
    const model = projectStatusPage([{ incidentId: 'inc-1', events: log.events }], settings, ['search']);
    expect(model.active).toHaveLength(1);
    const incident = model.active[0]!;
    expect(incident.name).toBe('Checkout errors');
    expect(incident.updates).toHaveLength(1);
    expect(incident.updates[0]!.body).toBe('Investigating — Checkout errors\n\nSome card payments fail.\nWe are on it.');
    // "identified" happened after the update and was never announced, so the page still says investigating.
    expect(incident.status).toBe('investigating');
    expect(model.overall).toEqual({ indicator: 'critical', description: 'Major system outage' });
    expect(model.components).toEqual([
      { name: 'checkout', status: 'major_outage' },
      { name: 'payments', status: 'major_outage' },
      { name: 'search', status: 'operational' },
    ]);
    expect(model.page.updatedAt).toBe(log.time(5).toISOString());
  });

  it('never lets internal notes, people or other audiences reach any of the three files', () => {
    const model = projectStatusPage([{ incidentId: 'inc-1', events: publishedIncident({ resolve: true }).events }], settings);
    for (const file of [renderStatusHtml(model), renderAtomFeed(model), renderSummaryJson(model)]) {
      expect(file).toContain('Some card payments fail.');
      expect(file).not.toContain(INTERNAL_MARKER);
      expect(file).not.toContain('Lee');
      expect(file).not.toContain('Robin');
    }
  });

  it('moves a resolved incident to the history with every update, newest first, and components back to operational', () => {
    const model = projectStatusPage([{ incidentId: 'inc-1', events: publishedIncident({ resolve: true }).events }], settings);
    expect(model.active).toEqual([]);
    expect(model.history).toHaveLength(1);
    const past = model.history[0]!;
    expect(past.status).toBe('resolved');
    expect(past.impact).toBe('critical');
    expect(past.updates.map((u) => u.status)).toEqual(['resolved', 'investigating']);
    expect(past.resolvedAt).toBe(past.updates[0]!.createdAt);
    expect(model.components.every((c) => c.status === 'operational')).toBe(true);
    expect(model.overall.indicator).toBe('none');
  });

  it('leaves out incidents that never published to the status page', () => {
    const internal = incidentLog('2026-03-02T10:00:00.000Z', { title: `Secret ${INTERNAL_MARKER}`, severity: 'SEV2', commander: 'Robin', services: ['billing'] }).at(1, {
      type: 'update.published',
      payload: { audience: 'customers', channel: 'clipboard', channels: ['clipboard'], text: 'hello' },
    });
    const model = projectStatusPage([{ incidentId: 'inc-2', events: internal.events }], { ...settings, components: ['checkout'] }, [], '2026-03-02T12:00:00.000Z');
    expect(model.active).toEqual([]);
    expect(model.history).toEqual([]);
    expect(model.components).toEqual([{ name: 'checkout', status: 'operational' }]);
    expect(model.page.updatedAt).toBe('2026-03-02T12:00:00.000Z');
    expect(renderStatusHtml(model)).not.toContain(INTERNAL_MARKER);
  });

  it('is deterministic, so a retried publish writes identical files', () => {
    const logs = [{ incidentId: 'inc-1', events: publishedIncident().events }];
    expect(renderStatusHtml(projectStatusPage(logs, settings))).toBe(renderStatusHtml(projectStatusPage(logs, settings)));
  });
});

describe('needsResolvedEntry', () => {
  it('is owed after resolving an incident that published to the page, and not once something was posted after it', () => {
    const open = publishedIncident();
    expect(needsResolvedEntry(open.events)).toBe(false);
    open.at(30, { type: 'incident.status_changed', payload: { from: 'identified', to: 'resolved' } });
    expect(needsResolvedEntry(open.events)).toBe(true);
    expect(needsResolvedEntry(publishedIncident({ resolve: true }).events)).toBe(false);
  });

  it('is not owed for incidents that never published to the page, nor after a reopen', () => {
    const quiet = incidentLog('2026-03-02T10:00:00.000Z', { title: 'Quiet one', severity: 'SEV3', commander: 'Robin', services: [] }).at(5, {
      type: 'incident.status_changed',
      payload: { from: 'investigating', to: 'resolved' },
    });
    expect(needsResolvedEntry(quiet.events)).toBe(false);
    const reopened = publishedIncident()
      .at(30, { type: 'incident.status_changed', payload: { from: 'identified', to: 'resolved' } })
      .at(31, { type: 'incident.status_changed', payload: { from: 'resolved', to: 'investigating' } });
    expect(needsResolvedEntry(reopened.events)).toBe(false);
  });
});
