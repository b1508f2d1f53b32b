// What stands between a hot fix and its next step, each named with its fix, in the order the track goes: the pane lists
// them, the service refuses with them, and the projection uses them to decide when the hot fix is approved.
import { countingApprovers, describeApprovalRule } from './hotfix-policy';
import type { HotfixState } from './hotfix-state';

export interface Blocker {
  step: 'criteria' | 'rollback' | 'change' | 'tests' | 'approval';
  problem: string;
  fix: string;
}

export const testsPassed = (h: HotfixState): boolean => h.tests?.status === 'passed' && (h.tests.kind === 'ci' || h.tests.headSha === undefined || h.tests.headSha === h.change?.headSha);

/** Blockers before approval can be given: criteria, rollback strategy, the change and its tests. */
export function readinessBlockers(h: HotfixState): Blocker[] {
  const out: Blocker[] = [];
  if (h.criteria && !h.criteria.met && !h.criteriaOverride) {
    out.push({ step: 'criteria', problem: `This should be a patch: ${h.criteria.reasons.join('; ')}.`, fix: 'Ship it in the next release, or override the criteria with a recorded reason.' });
  }
  if (!h.rollback) out.push({ step: 'rollback', problem: 'No rollback strategy is chosen.', fix: "Choose one of the service's rollback strategies." });
  if (!h.change) out.push({ step: 'change', problem: 'No change is linked.', fix: 'Link the fix commit(s) or branch.' });
  if (h.change && !testsPassed(h) && !h.testsOverride) {
    const t = h.tests;
    const problem = !t
      ? 'No test result yet.'
      : t.status === 'running'
        ? 'The tests are still running.'
        : t.status === 'passed'
          ? 'The tests ran against an earlier change.'
          : `The tests ${t.status === 'failed' ? 'failed' : t.status === 'timeout' ? 'timed out' : t.status === 'cancelled' ? 'were cancelled' : 'did not start'}.`;
    out.push({ step: 'tests', problem, fix: t?.status === 'running' ? 'Wait for them to finish, or cancel them.' : 'Run the targeted tests, record a passing CI run, or override with a reason.' });
  }
  return out;
}


/** The approvers that count towards the rule, and how many more are needed. */
export function approvalProgress(h: HotfixState): { counted: string[]; missing: number; rule: string } {
  const counted = countingApprovers(h.approvalRule, h.cab, h.approvals.map((a) => ({ name: a.approver, handle: a.handle })));
  return { counted, missing: Math.max(0, h.approvalRule.approvers - counted.length), rule: describeApprovalRule(h.approvalRule) };
}

/** Everything that blocks the rollout: readiness first, then missing approvals. */
export function rolloutBlockers(h: HotfixState): Blocker[] {
  const out = readinessBlockers(h);
  const { missing, rule } = approvalProgress(h);
  if (missing > 0) out.push({ step: 'approval', problem: `${missing} more approval${missing === 1 ? '' : 's'} needed (${rule}).`, fix: h.approvalRule.cabOnly ? `Ask someone on the CAB list (${h.cab.join(', ') || 'empty: add names in Settings'}) to approve.` : 'Ask a colleague who did not write the fix to approve.' });
  return out;
}
