// IPC contract of the hot-fix track: open, criteria override, rollback strategy, change link, tests, approvals, verification,
// tag and Jira notes, the team policy (settings) and the streamed test output. The rollout engine adds hotfix.startRollout.
import { z } from 'zod';
import { ServiceName } from '../events/incident-events';
import { HotfixPolicy } from '../hotfix/hotfix-policy';
import { ApprovedScope, ChangeRef, DiffStat, HotfixId, LinkedCommit, TestOutcome } from '../hotfix/hotfix-schemas';
import { ApprovalRule } from '../hotfix/hotfix-policy';
import { Severity } from '../incidents/severity';
import { StrategyKind } from '../services/service-config';
import { request } from './define';
import { hotfixRolloutContract, hotfixRolloutEventContract } from './hotfix-rollout';
import { IncidentId } from './incidents';

const By = { by: z.string(), at: z.string() };

export const HotfixStateSchema = z.object({
  id: z.string(),
  service: z.string(),
  symptom: z.string(),
  intendedChange: z.string(),
  severity: Severity,
  approvalRule: ApprovalRule,
  cab: z.array(z.string()),
  openedAt: z.string(),
  openedBy: z.string(),
  stage: z.enum(['open', 'approved', 'rolling-out', 'rolled-out', 'verified', 'tagged', 'closed']),
  criteria: z.object({ met: z.boolean(), reasons: z.array(z.string()), criteria: z.string(), at: z.string() }).optional(),
  criteriaOverride: z.object({ reason: z.string(), ...By }).optional(),
  rollback: z.object({ strategy: StrategyKind, description: z.string(), killSwitch: z.string().optional(), ...By }).optional(),
  branch: z.object({ name: z.string(), base: z.object({ label: z.string(), sha: z.string() }), remote: z.string(), ...By }).optional(),
  change: z
    .object({ refs: z.array(z.string()), base: z.object({ label: z.string(), sha: z.string() }), headSha: z.string(), commits: z.array(LinkedCommit), diffStat: DiffStat, flags: z.array(z.string()), ...By })
    .optional(),
  tests: z
    .object({
      kind: z.enum(['local', 'ci']),
      runId: z.string().optional(),
      command: z.string().optional(),
      url: z.string().optional(),
      status: z.union([z.literal('running'), TestOutcome]),
      exitCode: z.number().optional(),
      durationMs: z.number().optional(),
      message: z.string().optional(),
      outputTail: z.string().optional(),
      note: z.string().optional(),
      headSha: z.string().optional(),
      ...By,
    })
    .optional(),
  testsOverride: z.object({ reason: z.string(), ...By }).optional(),
  approvals: z.array(z.object({ approver: z.string(), handle: z.string().optional(), deviceId: z.string().optional(), approved: ApprovedScope, comment: z.string().optional(), ...By })),
  verification: z
    .object({ method: z.enum(['health-query', 'manual']), outcome: z.enum(['healthy', 'unhealthy']), value: z.number().optional(), threshold: z.number().optional(), note: z.string().optional(), ...By })
    .optional(),
  tag: z.object({ name: z.string(), sha: z.string(), remote: z.string(), message: z.string(), at: z.string() }).optional(),
  jira: z.object({ issueKey: z.string(), commentIntentKey: z.string(), followUp: z.object({ projectKey: z.string(), summary: z.string(), intentKey: z.string() }), at: z.string() }).optional(),
  closed: z.object({ outcome: z.enum(['shipped', 'abandoned']), reason: z.string().optional(), ...By }).optional(),
  lastSeq: z.number(),
});

export const HotfixPolicyInfo = z.object({ policy: HotfixPolicy, origin: z.enum(['default', 'file']), file: z.string(), problem: z.string().optional() });
export type HotfixPolicyInfo = z.infer<typeof HotfixPolicyInfo>;

const ByHotfix = z.object({ incidentId: IncidentId, hotfixId: HotfixId });
const Reason = z.string().trim().min(3, 'Give a reason (a few words at least)').max(2000);

export const hotfixContract = {
  'hotfix.list': request('Every hot fix of an incident with its track state', z.object({ incidentId: IncidentId }), z.array(HotfixStateSchema)),
  'hotfix.policy.get': request('The team hot-fix policy (criteria, id pattern, approvals, thresholds)', z.object({}), HotfixPolicyInfo),
  'hotfix.policy.save': request('Change the team hot-fix policy', z.object({ policy: HotfixPolicy }), HotfixPolicyInfo),
  'hotfix.open': request(
    'Open a hot fix: it gets an id and the criteria are checked (not met: "this should be a patch" until overridden)',
    z.object({
      incidentId: IncidentId,
      service: ServiceName,
      symptom: z.string().trim().min(3, 'Describe the symptom the fix addresses').max(2000),
      intendedChange: z.string().trim().min(3, 'Describe the intended minimal change').max(2000),
    }),
    HotfixStateSchema,
  ),
  'hotfix.overrideCriteria': request('Go ahead with a hot fix that does not meet the criteria, with a recorded reason', ByHotfix.extend({ reason: Reason }), HotfixStateSchema),
  'hotfix.chooseRollback': request("Choose the rollback strategy (one of the service's) before anything ships", ByHotfix.extend({ strategy: StrategyKind }), HotfixStateSchema),
  'hotfix.createBranch': request('Create the fix branch hotfix/<id> on the remote from the deployed release (refused if it exists)', ByHotfix, HotfixStateSchema),
  'hotfix.linkChange': request(
    'Link the fix commit(s) or branch; the diff stat against the deployed release is recorded and checked against the thresholds',
    ByHotfix.extend({ refs: z.array(ChangeRef).min(1, 'Name at least one commit or branch').max(20) }),
    HotfixStateSchema,
  ),
  'hotfix.runTests': request("Run the service's targeted test command against the linked change (output streams as hotfix.output)", ByHotfix, HotfixStateSchema),
  'hotfix.cancelTests': request('Stop a running test command', ByHotfix, HotfixStateSchema),
  'hotfix.testOutput': request(
    'The output so far of a running test command (its last 20,000 characters and the full length); hotfix.output continues it',
    ByHotfix.extend({ runId: z.string().min(1).max(100) }),
    z.object({ text: z.string(), length: z.number().int().nonnegative() }),
  ),
  'hotfix.recordCi': request(
    'Record an external CI run by its URL instead of running the tests here',
    ByHotfix.extend({ url: z.url({ protocol: /^https?$/, error: 'Enter the http(s) URL of the CI run' }).max(2000), outcome: z.enum(['passed', 'failed']), note: z.string().max(2000).optional() }),
    HotfixStateSchema,
  ),
  'hotfix.overrideTests': request('Let a hot fix whose tests failed go to approval, with a recorded reason', ByHotfix.extend({ reason: Reason }), HotfixStateSchema),
  'hotfix.approve': request(
    'Approve as the person using this installation (with sync, on their own laptop; never the author of the fix); it carries the diff, the tests and the rollout plan approved',
    ByHotfix.extend({ comment: z.string().max(2000).optional() }),
    HotfixStateSchema,
  ),
  'hotfix.verify': request(
    'Verify the fix after the rollout reached 100%: the health query when metrics are configured, else the outcome given',
    ByHotfix.extend({ outcome: z.enum(['healthy', 'unhealthy']).optional(), note: z.string().max(2000).optional() }),
    HotfixStateSchema,
  ),
  'hotfix.tag': request('Create the annotated hot-fix tag on the fix and push it with a lease (refused if the tag exists)', ByHotfix, HotfixStateSchema),
  'hotfix.notifyJira': request(
    "Queue the Jira comment and the follow-up patch ticket through the outbox",
    ByHotfix.extend({ issueKey: z.string().trim().regex(/^[A-Z][A-Z0-9_]+-\d+$/, 'A Jira issue key looks like OPS-123').optional() }),
    HotfixStateSchema,
  ),
  'hotfix.close': request('Close a hot fix: shipped, or abandoned with a reason', ByHotfix.extend({ outcome: z.enum(['shipped', 'abandoned']), reason: z.string().max(2000).optional() }), HotfixStateSchema),
  ...hotfixRolloutContract,
};

export const hotfixEventContract = {
  /** Live output of a running targeted test command (the log keeps only its tail). */
  'hotfix.output': z.object({ incidentId: z.string(), hotfixId: z.string(), runId: z.string(), chunk: z.string(), offset: z.number().int().nonnegative() }),
  ...hotfixRolloutEventContract,
};
