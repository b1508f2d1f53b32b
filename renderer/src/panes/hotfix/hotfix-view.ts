// The hot-fix track as the pane draws it: each step with its state in words, from the pure projection and its blockers.
import { approvalProgress, readinessBlockers, rolloutBlockers, testsPassed, type Blocker } from '../../../../shared/hotfix/hotfix-blockers';
import type { HotfixState } from '../../../../shared/hotfix/hotfix-state';

export type StepStatus = 'done' | 'blocked' | 'waiting' | 'later';

export interface TrackStep {
  id: 'criteria' | 'rollback' | 'change' | 'tests' | 'approval' | 'rollout' | 'verify' | 'tag' | 'jira';
  title: string;
  status: StepStatus;
  /** One line: what was done, or what is missing. */
  summary: string;
}

export const statusLabels: Record<StepStatus, string> = { done: 'Done', blocked: 'Blocked', waiting: 'To do', later: 'Later' };

const shipped = ['rolled-out', 'verified', 'tagged', 'closed'];

export function trackSteps(h: HotfixState): TrackStep[] {
  const blockers = readinessBlockers(h);
  const has = (step: Blocker['step']) => blockers.some((b) => b.step === step);
  const approvals = approvalProgress(h);
  const tests = h.tests;
  const testsSummary = !tests
    ? 'No test result yet'
    : `${tests.kind === 'ci' ? 'CI run' : 'Targeted tests'} ${tests.status === 'running' ? 'running' : tests.status}${h.testsOverride ? ` — overridden: ${h.testsOverride.reason}` : ''}`;
  const afterRollout = shipped.includes(h.stage);
  return [
    {
      id: 'criteria',
      title: 'Hot-fix criteria',
      status: has('criteria') ? 'blocked' : 'done',
      summary: !h.criteria ? 'Not checked' : h.criteria.met ? `Met (${h.criteria.criteria})` : h.criteriaOverride ? `Overridden: ${h.criteriaOverride.reason}` : `This should be a patch: ${h.criteria.reasons.join('; ')}`,
    },
    { id: 'rollback', title: 'Rollback plan', status: h.rollback ? 'done' : 'blocked', summary: h.rollback ? `By ${h.rollback.description}${h.rollback.killSwitch ? `; kill switch ${h.rollback.killSwitch}` : ''}` : 'Choose how the fix would be undone' },
    { id: 'change', title: 'Change', status: h.change ? 'done' : 'waiting', summary: h.change ? `${h.change.refs.join(', ')} against ${h.change.base.label}` : 'Link the fix commit(s) or branch' },
    { id: 'tests', title: 'Rapid tests', status: !h.change ? 'later' : testsPassed(h) || h.testsOverride ? 'done' : tests && tests.status !== 'running' ? 'blocked' : 'waiting', summary: testsSummary },
    {
      id: 'approval',
      title: 'Approval',
      status: approvals.missing === 0 && blockers.length === 0 ? 'done' : blockers.length > 0 ? 'later' : 'waiting',
      summary: `${approvals.counted.length ? `Approved by ${approvals.counted.join(', ')}` : 'No approval yet'} — needs ${approvals.rule}`,
    },
    {
      id: 'rollout',
      title: 'Controlled rollout',
      status: afterRollout ? 'done' : h.stage === 'rolling-out' || h.stage === 'approved' ? 'waiting' : 'later',
      summary: afterRollout ? 'Reached 100%' : h.stage === 'rolling-out' ? 'Rolling out stage by stage, with a canary analysis after each' : rolloutBlockers(h).length === 0 ? 'Approved — start the rollout' : 'After approval',
    },
    {
      id: 'verify',
      title: 'Verification',
      status: h.verification?.outcome === 'healthy' ? 'done' : h.verification ? 'blocked' : h.stage === 'rolled-out' ? 'waiting' : 'later',
      summary: h.verification ? `${h.verification.outcome} (${verificationWords(h.verification)})` : 'After the rollout reaches 100%',
    },
    { id: 'tag', title: 'Tag', status: h.tag ? 'done' : h.stage === 'verified' ? 'waiting' : 'later', summary: h.tag ? `${h.tag.name} pushed to ${h.tag.remote}` : 'After verification' },
    { id: 'jira', title: 'Jira and follow-up', status: h.jira ? 'done' : h.tag ? 'waiting' : 'later', summary: h.jira ? `Comment on ${h.jira.issueKey}; follow-up in ${h.jira.followUp.projectKey}` : 'After the tag' },
  ];
}

export const stageLabels: Record<HotfixState['stage'], string> = {
  open: 'Open',
  approved: 'Approved',
  'rolling-out': 'Rolling out',
  'rolled-out': 'Rolled out',
  verified: 'Verified',
  tagged: 'Tagged',
  closed: 'Closed',
};

/** How the verification was made, with the health query's value against its threshold so the reader sees the margin. */
function verificationWords(v: NonNullable<HotfixState['verification']>): string {
  if (v.method === 'manual') return `checked by ${v.by}${v.note ? `: ${v.note}` : ''}`;
  if (v.value === undefined || v.threshold === undefined) return 'health query';
  return `health query: ${Number(v.value.toPrecision(3))} ${v.value < v.threshold ? 'under' : 'not under'} ${v.threshold}`;
}
