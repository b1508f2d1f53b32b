import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, IncidentEvent } from '../events';
import { generateReviewDraft } from './review-draft';

const at = (m: number) => new Date(Date.parse('2026-02-01T10:00:00Z') + m * 60_000).toISOString();
let seq = 0;
const ev = (m: number, actor: string, type: string, payload: unknown) => IncidentEvent.parse({ v: EVENT_SCHEMA_VERSION, seq: ++seq, ts: at(m), actor, type, payload });
const BAD = 'a'.repeat(40);
const GOOD = 'b'.repeat(40);
const OLD = 'c'.repeat(40);
const plan = {
  service: 'checkout',
  strategy: 'revert',
  direction: 'rollback',
  summary: 'Revert v1.3.0',
  target: { sha: GOOD, label: 'v1.2.0' },
  beforeSha: BAD,
  commits: [{ sha: BAD, author: 'bo', subject: 'PAY-42 retry payments twice', merge: false, committedAt: at(-300) }],
  commands: ['git revert --no-edit ' + BAD],
  reversible: true,
};

function story(): IncidentEvent[] {
  seq = 0;
  return [
    ev(10, 'ana', 'incident.declared', { title: 'Checkout failing', severity: 'SEV2', commander: 'ana', services: ['checkout'] }),
    // Imported at declaration: three releases, the newest 5 hours before; days-old history stays out of the story.
    ev(10, 'ana', 'git.commit', { service: 'checkout', sha: OLD, author: 'cy', message: 'PAY-1 first release', branch: 'main', committedAt: at(-5000) }),
    ev(10, 'ana', 'git.tag', { service: 'checkout', tag: 'v1.0.0', sha: OLD, branch: 'main', committedAt: at(-5000) }),
    ev(10, 'ana', 'git.tag', { service: 'checkout', tag: 'v1.2.0', sha: GOOD, branch: 'main', committedAt: at(-2000) }),
    ev(10, 'ana', 'git.commit', { service: 'checkout', sha: BAD, author: 'bo', message: 'PAY-42 retry payments twice', branch: 'main', committedAt: at(-300) }),
    ev(10, 'ana', 'git.tag', { service: 'checkout', tag: 'v1.3.0', sha: BAD, branch: 'main', committedAt: at(-300) }),
    ev(12, 'alertmanager', 'alert.fired', {
      alertname: 'CheckoutErrorRatioHigh', summary: 'Checkout error ratio above 50%', service: 'checkout', severity: 'page', fingerprint: 'f1', labels: {},
      startsAt: at(4), annotations: { runbook_url: 'https://runbooks.example/checkout-errors' },
    }),
    ev(20, 'ana', 'pagerduty.log_entry_imported', { pdIncidentId: 'P1', entryId: 'L2', entryType: 'acknowledge_log_entry', summary: 'Acknowledged by Dana', createdAt: at(6) }),
    ev(15, 'ana', 'incident.status_changed', { from: 'investigating', to: 'identified', reason: 'v1.3.0 retries twice' }),
    ev(16, 'ana', 'note.added', { text: 'Roll back v1.3.0 instead of hot-fixing', kind: 'decision' }),
    ev(17, 'ana', 'rollback.planned', { rollbackId: 'rb-00000001', plan }),
    ev(18, 'ana', 'rollback.completed', { rollbackId: 'rb-00000001', service: 'checkout', summary: 'Reverted v1.3.0', beforeSha: BAD, afterSha: 'd'.repeat(40) }),
    ev(21, 'ana', 'rollback.verified', { rollbackId: 'rb-00000001', service: 'checkout', method: 'health-query', outcome: 'healthy', value: 0.01, threshold: 0.05 }),
    ev(22, 'ana', 'update.published', { audience: 'engineers', channel: 'clipboard', text: 'Rolled back, errors normal' }),
    ev(25, 'alertmanager', 'alert.resolved', { alertname: 'CheckoutErrorRatioHigh', fingerprint: 'f1', endsAt: at(23) }),
    ev(30, 'ana', 'incident.status_changed', { from: 'identified', to: 'resolved' }),
  ];
}

describe('review draft from evidence', () => {
  it('takes key times from the alert start, the PagerDuty acknowledgement and the verified rollback', () => {
    const draft = generateReviewDraft('inc-1', story());
    expect(draft).toContain('- Detected: 2026-02-01 10:04 UTC');
    expect(draft).toContain('- Acknowledged: 2026-02-01 10:06 UTC (time to acknowledge 2m 00s)');
    expect(draft).toContain('- Mitigated: 2026-02-01 10:21 UTC');
    expect(draft).toContain('- Resolved: 2026-02-01 10:30 UTC');
    expect(draft).toContain('From 2026-02-01 10:04 UTC to 2026-02-01 10:21 UTC');
  });

  it('names the bad release with its Jira key and the rollback that undid it', () => {
    const draft = generateReviewDraft('inc-1', story());
    expect(draft).toContain('- Bad release: checkout v1.3.0 at aaaaaaaa (PAY-42) — rolled back to v1.2.0 2026-02-01 10:18 UTC, verified healthy 2026-02-01 10:21 UTC');
  });

  it('tells what happened in the order it happened: releases, alert, acknowledgement, decision, rollback, update', () => {
    const draft = generateReviewDraft('inc-1', story());
    const section = draft.split('## What happened\n')[1]!.split('\n\n')[0]!.split('\n');
    expect(section).toEqual([
      '- 2026-01-31 00:40 UTC — Release checkout v1.2.0 at bbbbbbbb',
      '- 2026-02-01 05:00 UTC — Commit aaaaaaaa on checkout by bo: PAY-42 retry payments twice',
      '- 2026-02-01 05:00 UTC — Release checkout v1.3.0 at aaaaaaaa',
      '- 2026-02-01 10:04 UTC — Alert CheckoutErrorRatioHigh fired for checkout (page): Checkout error ratio above 50% — runbook https://runbooks.example/checkout-errors',
      '- 2026-02-01 10:06 UTC — PagerDuty: Acknowledged by Dana',
      '- 2026-02-01 10:15 UTC — Status investigating → identified: v1.3.0 retries twice',
      '- 2026-02-01 10:16 UTC — Decision: Roll back v1.3.0 instead of hot-fixing',
      '- 2026-02-01 10:17 UTC — Rollback of checkout planned (revert) to v1.2.0',
      '- 2026-02-01 10:18 UTC — Rollback of checkout completed: Reverted v1.3.0',
      '- 2026-02-01 10:21 UTC — Rollback of checkout verified healthy (health 0.01 vs 0.05)',
      '- 2026-02-01 10:22 UTC — Update published to engineers via clipboard',
      '- 2026-02-01 10:23 UTC — Alert CheckoutErrorRatioHigh resolved',
      '- 2026-02-01 10:30 UTC — Status identified → resolved',
    ]);
  });

  it('without a rollback, names the newest release before detection as the suspect', () => {
    const events = story().filter((e) => !e.type.startsWith('rollback.'));
    expect(generateReviewDraft('inc-1', events)).toContain('- Suspect release (newest before detection): checkout v1.3.0 at aaaaaaaa (PAY-42)');
  });
});
