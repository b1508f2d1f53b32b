import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, IncidentEvent } from '../events';
import { generateReviewDraft } from './review-draft';

const at = (m: number) => new Date(Date.parse('2026-12-02T10:00:00Z') + m * 60_000).toISOString();
let seq = 0;
const ev = (m: number, actor: string, type: string, payload: unknown) => IncidentEvent.parse({ v: EVENT_SCHEMA_VERSION, seq: ++seq, ts: at(m), actor, type, payload });
const FIX = 'f'.repeat(40);
const REL = 'e'.repeat(40);
const id = 'HF-20261202-1';

describe('review draft: hot-fix section', () => {
  it('tells the track, diff stat, tests, approvals and rollback readiness, and lists approvals as decisions', () => {
    seq = 0;
    const events = [
      ev(0, 'ana', 'incident.declared', { title: 'Checkout timeouts', severity: 'SEV3', commander: 'ana', services: ['checkout'] }),
      ev(5, 'ana', 'hotfix.opened', { hotfixId: id, service: 'checkout', symptom: 'Timeouts after 30 s', intendedChange: 'Lower the timeout', severity: 'SEV3', approvalRule: { approvers: 1, cabOnly: false }, cab: [] }),
      ev(5, 'firebreak', 'hotfix.criteria_checked', { hotfixId: id, met: false, reasons: ['SEV3 is not a hot-fix severity (SEV1, SEV2)'], criteria: 'SEV1–SEV2 with customer impact' }),
      ev(6, 'ana', 'hotfix.criteria_overridden', { hotfixId: id, reason: 'Contractual deadline tonight' }),
      ev(7, 'ana', 'hotfix.rollback_chosen', { hotfixId: id, strategy: 'revert', description: 'reverting the fix on refs/heads/main (guarded rollback)' }),
      ev(8, 'ana', 'hotfix.change_linked', {
        hotfixId: id, refs: ['hotfix/timeout'], base: { label: 'v1.3.0', sha: REL }, headSha: FIX,
        commits: [{ sha: FIX, author: 'bo', subject: 'lower timeout' }],
        diffStat: { files: 1, insertions: 1, deletions: 1, modules: ['(root)'], perFile: [{ path: 'app.txt', insertions: 1, deletions: 1 }] }, flags: [],
      }),
      ev(9, 'ana', 'hotfix.ci_recorded', { hotfixId: id, url: 'https://ci.example.test/runs/1', outcome: 'passed' }),
      ev(10, 'ana', 'hotfix.approved', { hotfixId: id, approver: 'omar', approved: { headSha: FIX, diff: '1 file', tests: 'CI passed', rolloutPlan: 'canary' } }),
    ];
    const draft = generateReviewDraft('inc-1', events);
    expect(draft).toContain('## Hot fixes');
    expect(draft).toContain(`### ${id} — checkout (approved)`);
    expect(draft).toContain('- **Diff:** hotfix/timeout against v1.3.0: 1 file, +1 −1, module (root)');
    expect(draft).toContain('- **Tests:** CI run https://ci.example.test/runs/1 — passed');
    expect(draft).toContain('- **Approvals:** omar (2026-12-02 10:10 UTC)');
    expect(draft).toContain('- **Rollback readiness:** reverting the fix on refs/heads/main (guarded rollback)');
    expect(draft).toContain('overridden by ana: Contractual deadline tonight');
    expect(draft).toMatch(/## Timeline of decisions[\s\S]*omar approved hot fix HF-20261202-1/);
    expect(generateReviewDraft('inc-1', events.slice(0, 1))).not.toContain('## Hot fixes');
  });
});
