// Events of the guarded rollback flow: planned, confirmed, each step's progress, the outcome and its verification.
import { z } from 'zod';
import { RollbackDirection, RollbackFailureReason, RollbackId, RollbackPlan, Sha } from '../rollback/rollback-plan';
import { EventId, eventOf } from './envelope';

const OutputTail = z.string().max(20_000);

export const RollbackPlanned = eventOf('rollback.planned', z.object({ rollbackId: RollbackId, plan: RollbackPlan }));

export const RollbackConfirmed = eventOf(
  'rollback.confirmed',
  z.object({
    rollbackId: RollbackId,
    service: z.string(),
    direction: RollbackDirection,
    /** The second person who approved: today their recorded approval's actor; in logs before identities, a name the operator typed. */
    approver: z.string().trim().min(1).max(120).optional(),
    /** The global id (event-refs.ts) of the `approval.given` event the confirmation relied on; absent without an approval. */
    approvalId: EventId.optional(),
    /** The same by local seq, in logs written before global ids (absent in logs from before approvals were events). */
    approvalSeq: z.number().int().positive().optional(),
  }),
);

export const RollbackStep = eventOf(
  'rollback.step',
  z.object({
    rollbackId: RollbackId,
    step: z.string().min(1).max(80),
    label: z.string().max(500),
    status: z.enum(['started', 'succeeded', 'failed']),
    command: z.string().max(4000).optional(),
    outputTail: OutputTail.optional(),
  }),
);

export const RollbackCompleted = eventOf(
  'rollback.completed',
  z.object({
    rollbackId: RollbackId,
    service: z.string(),
    summary: z.string().max(2000),
    beforeSha: Sha.optional(),
    afterSha: Sha.optional(),
    outputTail: OutputTail.optional(),
  }),
);

export const RollbackFailed = eventOf(
  'rollback.failed',
  z.object({
    rollbackId: RollbackId,
    service: z.string(),
    reason: RollbackFailureReason,
    message: z.string().max(4000),
    /** Where the repository / system stands now, so nobody has to guess after a failure. */
    state: z.string().max(2000),
    beforeSha: Sha.optional(),
    remoteSha: Sha.optional(),
    outputTail: OutputTail.optional(),
  }),
);

export const RollbackCancelled = eventOf(
  'rollback.cancelled',
  z.object({ rollbackId: RollbackId, service: z.string(), reason: z.string().max(2000), state: z.string().max(2000), outputTail: OutputTail.optional() }),
);

export const RollbackVerified = eventOf(
  'rollback.verified',
  z.object({
    rollbackId: RollbackId,
    service: z.string(),
    method: z.enum(['health-query', 'manual']),
    outcome: z.enum(['healthy', 'unhealthy']),
    value: z.number().optional(),
    threshold: z.number().optional(),
    note: z.string().max(2000).optional(),
  }),
);

export const rollbackEventSchemas = [RollbackPlanned, RollbackConfirmed, RollbackStep, RollbackCompleted, RollbackFailed, RollbackCancelled, RollbackVerified] as const;
