// Opening and tagging a hot fix read the stated impact and the incident's Jira issue from incremental projections: the
// answers equal the whole-log scans they replace, and opening never reads the whole log.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NewEvent } from '../../../shared/events';
import { IncrementalProjection } from '../../../shared/projections/incremental-projection';
import { incidentLog } from '../../../shared/updates/incident-log.test-support';
import { updateFactsProjection } from '../updates/update-facts-projection';
import { INCIDENT, hotfixFixture, type HotfixFixture } from './hotfix-flow.test-support';
import { incidentJiraIssueOf, incidentJiraIssueProjection } from './hotfix-log-facts';
import { seededRandom } from '../../../shared/testing/seeded-random';

let fx: HotfixFixture | undefined;
afterEach(async () => {
  await fx?.cleanup();
  fx = undefined;
});

function randomLog(seed: number, length: number) {
  const r = seededRandom(seed);
  const key = () => `OPS-${1 + Math.floor(r() * 4)}`;
  const log = incidentLog('2026-12-02T08:00:00.000Z', { title: 'Checkout timeouts', severity: 'SEV2', commander: 'ines', services: ['checkout'] });
  const makers: (() => Omit<NewEvent, 'ts' | 'actor'>)[] = [
    () => ({ type: 'jira.issue_linked', payload: { issueKey: key(), summary: 'Issue', status: 'To Do', url: 'https://jira.example/OPS', created: r() < 0.5, ...(r() < 0.5 ? { actionItem: r() < 0.7 } : {}) } }),
    () => ({ type: 'update.impact_set', payload: { who: `customers ${Math.floor(r() * 9)}`, howBadly: 'slow', since: '08:00' } }),
    () => ({ type: 'note.added', payload: { text: 'looking', kind: 'observation' } }),
  ];
  for (let i = 1; i < length; i++) log.at(i, makers[Math.floor(r() * makers.length)]!());
  return log.events;
}

describe('hot-fix log facts', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('equal the whole-log scans at every prefix of random log %i', (seed) => {
    const events = randomLog(seed, 40);
    const jira = new IncrementalProjection(incidentJiraIssueProjection, 'inc-1');
    const facts = new IncrementalProjection(updateFactsProjection, 'inc-1');
    for (let n = 1; n <= events.length; n++) {
      const prefix = events.slice(0, n);
      jira.apply(prefix);
      facts.apply(prefix);
      expect(jira.value()).toBe(incidentJiraIssueOf(prefix));
      // What hotfix.open took as the customer impact: the latest update.impact_set of the log.
      const latest = [...prefix].reverse().find((e) => e.type === 'update.impact_set');
      const impact = facts.value().impact;
      expect(impact && `${impact.who}: ${impact.howBadly}`).toBe(latest?.type === 'update.impact_set' ? `${latest.payload.who}: ${latest.payload.howBadly}` : undefined);
    }
  });

  it('opening a hot fix and finding the incident issue never read the whole log', async () => {
    fx = await hotfixFixture();
    await fx.store.append(INCIDENT, [
      { type: 'jira.issue_linked', actor: 'ines', payload: { issueKey: 'OPS-3', summary: 'Follow-up', status: 'To Do', url: 'https://jira.example/OPS-3', created: true, actionItem: true } },
      { type: 'jira.issue_linked', actor: 'ines', payload: { issueKey: 'OPS-9', summary: 'Checkout timeouts', status: 'To Do', url: 'https://jira.example/OPS-9', created: false } },
    ]);
    const log = fx.store.get(INCIDENT).log!;
    const whole = log.events;
    const reads = vi.spyOn(Object.getPrototypeOf(log) as typeof log, 'events', 'get');
    const h = await fx.hotfixes.open({ incidentId: INCIDENT, service: 'checkout', symptom: 'Checkouts time out', intendedChange: 'Lower the timeout' });
    expect(h.criteria).toMatchObject({ met: true });
    expect(fx.store.projection(INCIDENT, incidentJiraIssueProjection)).toBe('OPS-9');
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();
    expect(incidentJiraIssueOf(whole)).toBe('OPS-9');
  });
});
