// What a rollback will do, decided before anything runs: exact commits, SHAs before/after, commands and pushes the operator confirms.
import { z } from 'zod';
import { ServiceName } from '../events/incident-events';
import { StrategyKind } from '../services/service-config';

export const Sha = z.string().regex(/^[0-9a-f]{40}$/, 'Not a full commit SHA');
export const RollbackId = z.string().regex(/^rb-[a-z0-9-]{4,60}$/, 'Not a rollback id');
export const RollbackDirection = z.enum(['rollback', 'roll-forward']);
export type RollbackDirection = z.infer<typeof RollbackDirection>;

export const PlannedCommit = z.object({
  sha: Sha,
  author: z.string(),
  subject: z.string(),
  merge: z.boolean(),
  committedAt: z.string(),
});
export type PlannedCommit = z.infer<typeof PlannedCommit>;

export const PlannedPush = z.object({
  remote: z.string(),
  ref: z.string(),
  /** The remote ref must still be here when we push (--force-with-lease=<ref>:<expectedSha>). */
  expectedSha: Sha,
  /** Known in advance for move-ref; for revert it is the new commit created during execution. */
  newSha: Sha.optional(),
  force: z.boolean(),
});

export const PlannedRequest = z.object({ method: z.string(), url: z.string(), hasBody: z.boolean(), timeoutMs: z.number() });

export const RollbackPlan = z.object({
  service: ServiceName,
  strategy: StrategyKind,
  direction: RollbackDirection,
  /** Human-readable description of the effect, shown in the plan view and the timeline. */
  summary: z.string(),
  /** The known-good point (sha, and the tag/ref it came from when there is one). */
  target: z.object({ sha: Sha, label: z.string() }).optional(),
  /** The deploy ref on the remote when the plan was made. */
  beforeSha: Sha.optional(),
  /** The remote ref after a successful run, when known in advance. */
  afterSha: Sha.optional(),
  /** Commits that are undone (revert, move-ref back) or restored (roll forward), newest first. */
  commits: z.array(PlannedCommit),
  /** Every command that will run, as a readable line. */
  commands: z.array(z.string()),
  push: PlannedPush.optional(),
  request: PlannedRequest.optional(),
  /** Set on a roll forward: the rollback it undoes. */
  forwardOf: RollbackId.optional(),
  health: z.object({ promql: z.string(), threshold: z.number(), windowSeconds: z.number() }).optional(),
  /** Whether a completed run can be rolled forward again (git strategies always; command / kill switch when a forward action is configured). */
  reversible: z.boolean(),
});
export type RollbackPlan = z.infer<typeof RollbackPlan>;

/** Why a rollback was refused or failed: each has its own wording and tells the operator what to do next. */
export const RollbackFailureReason = z.enum([
  'dirty_tree',
  'remote_moved',
  'already_running',
  'auth_failed',
  'hook_rejected',
  'lease_rejected',
  'conflict',
  'non_zero_exit',
  'timeout',
  'http_error',
  'unreachable',
  'misconfigured',
  'failed',
]);
export type RollbackFailureReason = z.infer<typeof RollbackFailureReason>;
