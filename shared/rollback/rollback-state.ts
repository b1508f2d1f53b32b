// Pure projection of rollbacks from the incident log: what the rollback pane and playback show at any point in time.
import type { IncidentEvent } from '../events';
import type { RollbackFailureReason, RollbackPlan } from './rollback-plan';

export type RollbackStage = 'planned' | 'running' | 'completed' | 'failed' | 'cancelled';

export interface RollbackStepState {
  step: string;
  label: string;
  status: 'started' | 'succeeded' | 'failed';
  command?: string;
  outputTail?: string;
  at: string;
}

export interface RollbackState {
  id: string;
  plan: RollbackPlan;
  plannedAt: string;
  plannedBy: string;
  stage: RollbackStage;
  confirmedAt?: string;
  confirmedBy?: string;
  approver?: string;
  /** Approvals identified people gave this rollback (approval.given events), in log order. */
  approvals?: RollbackApproval[];
  steps: RollbackStepState[];
  outcome?: { summary: string; beforeSha?: string; afterSha?: string; outputTail?: string };
  failure?: { reason: RollbackFailureReason; message: string; state: string; beforeSha?: string; remoteSha?: string; outputTail?: string };
  cancellation?: { reason: string; state: string; by: string };
  verification?: { method: 'health-query' | 'manual'; outcome: 'healthy' | 'unhealthy'; value?: number; threshold?: number; note?: string; by: string; at: string };
  finishedAt?: string;
  /** Id of the roll forward that undid this rollback, once it completed. */
  rolledForwardBy?: string;
}

export interface RollbackApproval {
  by: string;
  handle?: string;
  deviceId?: string;
  at: string;
  /** The approval.given event's local seq, and its global id when it carries one (else `<this laptop's device id>.<seq>`). */
  seq: number;
  id?: string;
}

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Folds one event into the rollbacks map (keyed by rollback id); events of other domains are ignored. Never changes the map. */
export const applyRollbackEvent = (rollbacks: Map<string, RollbackState>, event: IncidentEvent): Map<string, RollbackState> =>
  applyRollbackEventInto(rollbacks, event, (m) => new Map(m));

/**
 * applyRollbackEvent writing into the map `writable` gives for `rollbacks` when the event changes it (playback's fold run
 * passes the copy it made once for the whole run).
 */
export function applyRollbackEventInto(
  rollbacks: Map<string, RollbackState>,
  event: IncidentEvent,
  writable: (m: Map<string, RollbackState>) => Map<string, RollbackState>,
): Map<string, RollbackState> {
  if (event.type === 'approval.given' && event.payload.subject === 'rollback') {
    const target = rollbacks.get(event.payload.targetId);
    if (!target) return rollbacks;
    const approval: RollbackApproval = withoutUndefined({ by: event.actor, handle: event.actorIdentity?.handle, deviceId: event.actorIdentity?.deviceId, at: event.ts, seq: event.seq, id: event.id });
    return writable(rollbacks).set(target.id, { ...target, approvals: [...(target.approvals ?? []), approval] });
  }
  if (!event.type.startsWith('rollback.')) return rollbacks;
  const next = writable(rollbacks);
  if (event.type === 'rollback.planned') {
    next.set(event.payload.rollbackId, { id: event.payload.rollbackId, plan: event.payload.plan, plannedAt: event.ts, plannedBy: event.actor, stage: 'planned', steps: [] });
    return next;
  }
  const id = (event.payload as { rollbackId: string }).rollbackId;
  const current = next.get(id);
  if (!current) return rollbacks;
  const r: RollbackState = { ...current };
  switch (event.type) {
    case 'rollback.confirmed':
      Object.assign(r, withoutUndefined({ stage: 'running' as const, confirmedAt: event.ts, confirmedBy: event.actor, approver: event.payload.approver }));
      break;
    case 'rollback.step': {
      const step = withoutUndefined({ ...event.payload, rollbackId: undefined, at: event.ts }) as RollbackStepState;
      const i = r.steps.findIndex((s) => s.step === event.payload.step);
      r.steps = i < 0 ? [...r.steps, step] : r.steps.map((s, j) => (j === i ? step : s));
      break;
    }
    case 'rollback.completed': {
      const { summary, beforeSha, afterSha, outputTail } = event.payload;
      Object.assign(r, { stage: 'completed' as const, finishedAt: event.ts, outcome: withoutUndefined({ summary, beforeSha, afterSha, outputTail }) });
      const undone = r.plan.forwardOf && next.get(r.plan.forwardOf);
      if (undone) next.set(undone.id, { ...undone, rolledForwardBy: r.id });
      break;
    }
    case 'rollback.failed': {
      const { reason, message, state, beforeSha, remoteSha, outputTail } = event.payload;
      Object.assign(r, { stage: 'failed' as const, finishedAt: event.ts, failure: withoutUndefined({ reason, message, state, beforeSha, remoteSha, outputTail }) });
      break;
    }
    case 'rollback.cancelled':
      Object.assign(r, { stage: 'cancelled' as const, finishedAt: event.ts, cancellation: { reason: event.payload.reason, state: event.payload.state, by: event.actor } });
      break;
    case 'rollback.verified': {
      const { method, outcome, value, threshold, note } = event.payload;
      r.verification = withoutUndefined({ method, outcome, value, threshold, note, by: event.actor, at: event.ts });
      break;
    }
  }
  next.set(id, r);
  return next;
}

/** All rollbacks of an incident, in the order they were planned. */
export function projectRollbacks(events: readonly IncidentEvent[]): RollbackState[] {
  let map = new Map<string, RollbackState>();
  for (const e of events) map = applyRollbackEvent(map, e);
  return [...map.values()];
}

export const isFinished = (r: RollbackState): boolean => r.stage === 'completed' || r.stage === 'failed' || r.stage === 'cancelled';

/** A completed run that nobody has verified yet: the pane asks for a health check or a manual verdict. */
export const awaitingVerification = (r: RollbackState): boolean => r.stage === 'completed' && !r.verification;

/** Whether the operator may plan a roll forward that undoes this rollback. */
export function canRollForward(r: RollbackState, all: readonly RollbackState[]): boolean {
  if (r.stage !== 'completed' || r.plan.direction !== 'rollback' || !r.plan.reversible || r.rolledForwardBy) return false;
  return !all.some((o) => o.plan.forwardOf === r.id && !isFinished(o));
}
