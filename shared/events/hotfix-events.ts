// Events of the hot-fix track (issue 19): opened, criteria checked or overridden, rollback strategy chosen, change linked with
// its diff stat and threshold flags, tests run or recorded, approvals, verification, the tag, the Jira notes, closed. The
// controlled rollout between approval and verification has its own events (hotfix-rollout-events.ts).
import { z } from 'zod';
import { ApprovalRule } from '../hotfix/hotfix-policy';
import { Severity } from '../incidents/severity';
import { ApprovedScope, ChangeRef, DiffStat, HotfixId, HotfixSha, LinkedCommit, TestOutcome } from '../hotfix/hotfix-schemas';
import { StrategyKind } from '../services/service-config';
import { eventOf } from './envelope';
import { ServiceName } from './incident-events';

const Reason = z.string().trim().min(3, 'Give a reason (a few words at least)').max(2000);
const OutputTail = z.string().max(20_000);

export const HotfixOpened = eventOf(
  'hotfix.opened',
  z.object({
    hotfixId: HotfixId,
    service: ServiceName,
    symptom: z.string().trim().min(3).max(2000),
    intendedChange: z.string().trim().min(3).max(2000),
    /** The incident's severity when it was opened. */
    severity: Severity,
    /** The approval rule for that severity and the CAB list, as they were when it was opened (later settings do not rewrite it). */
    approvalRule: ApprovalRule,
    cab: z.array(z.string().max(120)).max(100),
  }),
);

/** The team's hot-fix criteria applied to the incident; not met means "this should be a patch" unless overridden. */
export const HotfixCriteriaChecked = eventOf(
  'hotfix.criteria_checked',
  z.object({ hotfixId: HotfixId, met: z.boolean(), reasons: z.array(z.string().max(500)).max(10), criteria: z.string().max(500) }),
);

export const HotfixCriteriaOverridden = eventOf('hotfix.criteria_overridden', z.object({ hotfixId: HotfixId, reason: Reason }));

export const HotfixRollbackChosen = eventOf(
  'hotfix.rollback_chosen',
  z.object({
    hotfixId: HotfixId,
    strategy: StrategyKind,
    /** How the strategy undoes the fix, as the plan will show it. */
    description: z.string().max(500),
    /** The kill switch, where the service has one (its URL), so everyone knows how to turn the fix off. */
    killSwitch: z.string().max(2000).optional(),
  }),
);

/** The fix branch, created on the remote from the deployed release so the fix starts from exactly what runs. */
export const HotfixBranchCreated = eventOf(
  'hotfix.branch_created',
  z.object({ hotfixId: HotfixId, branch: z.string().max(200), base: z.object({ label: z.string().max(200), sha: HotfixSha }), remote: z.string().max(100) }),
);

export const HotfixChangeLinked = eventOf(
  'hotfix.change_linked',
  z.object({
    hotfixId: HotfixId,
    refs: z.array(ChangeRef).min(1).max(20),
    /** The deployed release the diff is taken against (a release tag, or the deploy ref). */
    base: z.object({ label: z.string().max(200), sha: HotfixSha }),
    headSha: HotfixSha,
    commits: z.array(LinkedCommit).max(200),
    diffStat: DiffStat,
    /** What exceeds the team's minimal-change thresholds; empty when the change is small enough. */
    flags: z.array(z.string().max(1000)).max(10),
  }),
);

export const HotfixTestsStarted = eventOf('hotfix.tests_started', z.object({ hotfixId: HotfixId, runId: z.string().min(1).max(80), command: z.string().max(4000), headSha: HotfixSha.optional() }));

export const HotfixTestsFinished = eventOf(
  'hotfix.tests_finished',
  z.object({
    hotfixId: HotfixId,
    runId: z.string().min(1).max(80),
    outcome: TestOutcome,
    exitCode: z.number().int().optional(),
    durationMs: z.number().int().nonnegative(),
    message: z.string().max(2000).optional(),
    outputTail: OutputTail.optional(),
  }),
);

/** An external CI run's result, recorded by its URL instead of running the tests here. */
export const HotfixCiRecorded = eventOf(
  'hotfix.ci_recorded',
  z.object({ hotfixId: HotfixId, url: z.url({ protocol: /^https?$/, error: 'The CI result must be an http(s) URL' }).max(2000), outcome: z.enum(['passed', 'failed']), note: z.string().max(2000).optional() }),
);

export const HotfixTestsOverridden = eventOf('hotfix.tests_overridden', z.object({ hotfixId: HotfixId, reason: Reason }));

export const HotfixApproved = eventOf(
  'hotfix.approved',
  z.object({
    hotfixId: HotfixId,
    /** Who approved: the person using the installation that recorded it (its actorIdentity says which handle and device); older logs hold a typed name. */
    approver: z.string().trim().min(1).max(120),
    approved: ApprovedScope,
    comment: z.string().max(2000).optional(),
  }),
);

export const HotfixVerified = eventOf(
  'hotfix.verified',
  z.object({
    hotfixId: HotfixId,
    method: z.enum(['health-query', 'manual']),
    outcome: z.enum(['healthy', 'unhealthy']),
    value: z.number().optional(),
    threshold: z.number().optional(),
    note: z.string().max(2000).optional(),
  }),
);

export const HotfixTagged = eventOf(
  'hotfix.tagged',
  z.object({ hotfixId: HotfixId, tag: z.string().max(200), sha: HotfixSha, remote: z.string().max(100), message: z.string().max(4000) }),
);

export const HotfixJiraQueued = eventOf(
  'hotfix.jira_queued',
  z.object({
    hotfixId: HotfixId,
    issueKey: z.string().max(40),
    commentIntentKey: z.string().max(80),
    followUp: z.object({ projectKey: z.string().max(20), summary: z.string().max(255), intentKey: z.string().max(80) }),
  }),
);

export const HotfixClosed = eventOf('hotfix.closed', z.object({ hotfixId: HotfixId, outcome: z.enum(['shipped', 'abandoned']), reason: z.string().max(2000).optional() }));

export const hotfixEventSchemas = [
  HotfixOpened,
  HotfixCriteriaChecked,
  HotfixCriteriaOverridden,
  HotfixRollbackChosen,
  HotfixBranchCreated,
  HotfixChangeLinked,
  HotfixTestsStarted,
  HotfixTestsFinished,
  HotfixCiRecorded,
  HotfixTestsOverridden,
  HotfixApproved,
  HotfixVerified,
  HotfixTagged,
  HotfixJiraQueued,
  HotfixClosed,
] as const;
