// IPC contract for guarded rollback (plan, confirm, cancel, verify, audit trail) and the git timeline import.
import { z } from 'zod';
import { ServiceName } from '../events/incident-events';
import { RollbackFailureReason, RollbackId, RollbackPlan } from '../rollback/rollback-plan';
import { StrategyKind } from '../services/service-config';
import { request } from './define';
import { IncidentId } from './incidents';

const StepState = z.object({
  step: z.string(),
  label: z.string(),
  status: z.enum(['started', 'succeeded', 'failed']),
  command: z.string().optional(),
  outputTail: z.string().optional(),
  at: z.string(),
});

export const RollbackStateSchema = z.object({
  id: z.string(),
  plan: RollbackPlan,
  plannedAt: z.string(),
  plannedBy: z.string(),
  stage: z.enum(['planned', 'running', 'completed', 'failed', 'cancelled']),
  confirmedAt: z.string().optional(),
  confirmedBy: z.string().optional(),
  approver: z.string().optional(),
  approvals: z.array(z.object({ by: z.string(), handle: z.string().optional(), deviceId: z.string().optional(), at: z.string(), seq: z.number(), id: z.string().optional() })).optional(),
  steps: z.array(StepState),
  outcome: z.object({ summary: z.string(), beforeSha: z.string().optional(), afterSha: z.string().optional(), outputTail: z.string().optional() }).optional(),
  failure: z
    .object({ reason: RollbackFailureReason, message: z.string(), state: z.string(), beforeSha: z.string().optional(), remoteSha: z.string().optional(), outputTail: z.string().optional() })
    .optional(),
  cancellation: z.object({ reason: z.string(), state: z.string(), by: z.string() }).optional(),
  verification: z
    .object({
      method: z.enum(['health-query', 'manual']),
      outcome: z.enum(['healthy', 'unhealthy']),
      value: z.number().optional(),
      threshold: z.number().optional(),
      note: z.string().optional(),
      by: z.string(),
      at: z.string(),
    })
    .optional(),
  finishedAt: z.string().optional(),
  rolledForwardBy: z.string().optional(),
});

const ByRollback = z.object({ incidentId: IncidentId, rollbackId: RollbackId });

export const DeployCommitSchema = z.object({
  sha: z.string(),
  author: z.string(),
  committedAt: z.string(),
  subject: z.string(),
  message: z.string(),
  merge: z.boolean(),
  jiraKeys: z.array(z.string()),
  tags: z.array(z.string()),
});

export const GitImportResult = z.object({
  service: z.string(),
  ref: z.string(),
  since: z.string(),
  until: z.string(),
  commits: z.array(DeployCommitSchema),
  imported: z.number(),
  alreadyOnTimeline: z.number(),
  tagsImported: z.number(),
});
export type GitImportResult = z.infer<typeof GitImportResult>;

export const rollbackContract = {
  'rollback.list': request('Every rollback of an incident with its steps and outcome (the audit trail)', z.object({ incidentId: IncidentId }), z.array(RollbackStateSchema)),
  'rollback.plan': request(
    'Plan a rollback (or the roll forward of a completed one): exact commits, SHAs, commands and pushes; nothing runs yet',
    z.object({
      incidentId: IncidentId,
      service: ServiceName,
      strategy: StrategyKind.optional(),
      /** Known-good commit or tag for revert / move-ref; defaults to the previous release tag. */
      target: z.string().trim().min(1).max(200).regex(/^(?!-)[^\s]+$/, 'A commit SHA or tag name').optional(),
      forwardOf: RollbackId.optional(),
    }),
    RollbackStateSchema,
  ),
  'rollback.approve': request(
    "Approve a planned rollback as the person using this installation (with sync, on the approver's own laptop)",
    ByRollback,
    RollbackStateSchema,
  ),
  'rollback.confirm': request(
    "Confirm a plan by typing the service name; it starts running. A service whose policy asks for it needs someone else's recorded approval first",
    ByRollback.extend({ typedName: z.string().max(200) }),
    RollbackStateSchema,
  ),
  'rollback.cancel': request('Discard a plan, or stop a running rollback while that is still safe', ByRollback.extend({ reason: z.string().max(2000).optional() }), RollbackStateSchema),
  'rollback.verify': request(
    'Record the manual verification of a completed rollback',
    ByRollback.extend({ outcome: z.enum(['healthy', 'unhealthy']), note: z.string().max(2000).optional() }),
    RollbackStateSchema,
  ),
  'git.importTimeline': request(
    "Put the deploy ref's commits, merges and tags from the incident window on the timeline (each sha once)",
    z.object({ incidentId: IncidentId, service: ServiceName, since: z.iso.datetime().optional(), until: z.iso.datetime().optional() }),
    GitImportResult,
  ),
};

export const rollbackEventContract = {
  /** Live output of a running rollback step (coalesced; the log keeps only each step's tail). */
  'rollback.output': z.object({ incidentId: z.string(), rollbackId: z.string(), step: z.string(), chunk: z.string() }),
};
