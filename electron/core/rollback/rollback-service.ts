// Rollback use cases: plan → approve (by another identified person, when the service's policy asks) → confirm (typed service name) → run → verify, with one run per service at a time.
import { randomBytes } from 'node:crypto';
import { eventIdOf, type NewEvent } from '../../../shared/events';
import type { ParsedInputOf } from '../../../shared/ipc';
import { DomainError } from '../../../shared/result';
import type { RollbackPlan } from '../../../shared/rollback/rollback-plan';
import { canRollForward, type RollbackState } from '../../../shared/rollback/rollback-state';
import { hasApproved, secondApproval } from '../../../shared/rollback/rollback-approvals';
import { rollbackProjection } from '../../../shared/projections/domain-projections';
import { strategyOf, type ServiceConfig } from '../../../shared/services/service-config';
import type { ServiceCatalogue } from '../services/service-catalogue';
import type { IncidentStore } from '../store/incident-store';
import { planAction } from './action-rollback';
import { planGitRollback } from './git-rollback-plan';
import { realClock, verifyHealth, type Clock, type QueryHealth } from './health-verification';
import { executeRollback, type ExecutionDeps, type RunningRollback } from './rollback-execution';

export interface RollbackServiceDeps {
  store: IncidentStore;
  catalogue: ServiceCatalogue;
  operator: () => string;
  /** This installation's device id: an approval recorded with sync off is named `<device id>.<seq>` (event-refs.ts). */
  deviceId: () => string;
  /** The operator's handle, so an approval under another name but the same handle does not count as someone else's. */
  operatorHandle?: () => string;
  publishOutput?: ExecutionDeps['publishOutput'];
  /** Present when the metrics capability is; without it verification is a manual step. */
  queryHealth?: QueryHealth;
  /** Whether queryHealth can answer now (the metrics capability is configured); assumed true when absent. */
  healthAvailable?: () => Promise<boolean>;
  clock?: Clock;
  /** Test seam, see GitRunOptions.beforePush. */
  beforePush?: () => Promise<void>;
  /** Where failures that cannot be recorded in the incident log go (the redacted application log). */
  reportError?: (area: string, error: unknown) => void;
}

interface PlannedEntry {
  incidentId: string;
  service: ServiceConfig;
  plan: RollbackPlan;
}

const newRollbackId = () => `rb-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;

export class RollbackService {
  /** Plans with the service configuration they were made from, so a run never uses settings the operator did not see. */
  private readonly planned = new Map<string, PlannedEntry>();
  private readonly running = new Map<string, RunningRollback>();
  private readonly runs = new Map<string, Promise<void>>();
  private readonly verifications = new Map<string, AbortController>();

  constructor(private readonly deps: RollbackServiceDeps) {}

  private append(incidentId: string, events: NewEvent[]) {
    return this.deps.store.append(incidentId, events);
  }

  list(incidentId: string): RollbackState[] {
    return this.deps.store.projection(incidentId, rollbackProjection);
  }

  private find(incidentId: string, rollbackId: string): RollbackState {
    const found = this.list(incidentId).find((r) => r.id === rollbackId);
    if (!found) throw new DomainError('not_found', `No rollback ${rollbackId} in incident ${incidentId}.`);
    return found;
  }

  /** Whether a rollback of the service is running now (its clone is in use: background fetches wait for the next pass). */
  isRunning(service: string): boolean {
    return this.runningFor(service) !== undefined;
  }

  private runningFor(service: string): RunningRollback | undefined {
    return this.running.get(service.toLowerCase());
  }

  /** Marks rollbacks that were running when Firebreak stopped as failed, so no log claims a run that nobody is doing. */
  async recoverInterrupted(): Promise<void> {
    for (const incident of this.deps.store.list()) {
      if (!incident.log || incident.problems.some((p) => p.kind === 'unreadable')) continue;
      for (const r of this.deps.store.projection(incident.id, rollbackProjection).filter((x) => x.stage === 'running' && !this.runs.has(x.id))) {
        await this.append(incident.id, [
          {
            type: 'rollback.failed',
            actor: 'firebreak',
            payload: { rollbackId: r.id, service: r.plan.service, reason: 'failed', message: 'Firebreak stopped while this rollback was running.', state: 'Unknown: check the remote / deployment by hand before planning again.' },
          },
        ]);
      }
    }
  }

  async plan(input: ParsedInputOf<'rollback.plan'>): Promise<RollbackState> {
    this.deps.store.get(input.incidentId);
    const service = await this.deps.catalogue.get(input.service);
    const busy = this.runningFor(service.name);
    if (busy) throw new DomainError('conflict', `Another rollback of ${service.name} (${busy.rollbackId}) is running; wait for it to finish.`);
    let forwardOf: RollbackState | undefined;
    if (input.forwardOf) {
      forwardOf = this.find(input.incidentId, input.forwardOf);
      if (!canRollForward(forwardOf, this.list(input.incidentId))) {
        throw new DomainError('conflict', `Rollback ${forwardOf.id} cannot be rolled forward (it is ${forwardOf.stage}${forwardOf.rolledForwardBy ? ', already rolled forward' : ''}).`);
      }
      if (forwardOf.plan.service.toLowerCase() !== service.name.toLowerCase()) throw new DomainError('validation', `Rollback ${forwardOf.id} belongs to ${forwardOf.plan.service}, not ${service.name}.`);
    }
    const kind = forwardOf ? forwardOf.plan.strategy : input.strategy;
    if (!kind) throw new DomainError('validation', 'Choose a rollback strategy.');
    if (!strategyOf(service, kind)) throw new DomainError('validation', `Service ${service.name} has no ${kind} strategy configured; it offers ${service.rollback?.strategies.map((s) => s.kind).join(', ') || 'none'}.`);
    const plan =
      kind === 'revert' || kind === 'move-ref'
        ? await planGitRollback({ service, kind, ...(input.target ? { target: input.target } : {}), ...(forwardOf ? { forwardOf } : {}) })
        : planAction(service, kind, forwardOf);
    const rollbackId = newRollbackId();
    await this.append(input.incidentId, [{ type: 'rollback.planned', actor: this.deps.operator(), payload: { rollbackId, plan } }]);
    this.planned.set(rollbackId, { incidentId: input.incidentId, service, plan });
    return this.find(input.incidentId, rollbackId);
  }

  async confirm(input: ParsedInputOf<'rollback.confirm'>): Promise<RollbackState> {
    const state = this.find(input.incidentId, input.rollbackId);
    if (state.stage !== 'planned') throw new DomainError('conflict', `Rollback ${input.rollbackId} is already ${state.stage}.`);
    const entry = this.planned.get(input.rollbackId);
    if (!entry || entry.incidentId !== input.incidentId) throw new DomainError('conflict', 'This plan was made before Firebreak restarted and its details are no longer held; plan again.');
    const name = entry.plan.service;
    if (input.typedName.trim() !== name) throw new DomainError('validation', `Type the service name "${name}" exactly to confirm.`, ['typedName']);
    const operator = this.deps.operator();
    const approval = secondApproval(state, operator, this.deps.operatorHandle?.());
    if (!approval && entry.service.rollback?.requireApproval) {
      throw new DomainError('conflict', `Rollbacks of ${name} need the approval of someone other than you (${operator}): ask them to approve this plan as themselves ("Approve as …" on their laptop, or here under their name), then confirm.`);
    }
    const key = name.toLowerCase();
    const busy = this.running.get(key);
    if (busy) throw new DomainError('conflict', `Another rollback of ${name} (${busy.rollbackId}) is running; wait for it to finish.`);
    const run: RunningRollback = { incidentId: input.incidentId, rollbackId: input.rollbackId, service: entry.service, plan: entry.plan, controller: new AbortController() };
    this.running.set(key, run);
    try {
      await this.append(input.incidentId, [
        { type: 'rollback.confirmed', actor: operator, payload: { rollbackId: input.rollbackId, service: name, direction: entry.plan.direction, ...(approval ? { approver: approval.by, approvalId: eventIdOf(approval, this.deps.deviceId()) } : {}) } },
      ]);
    } catch (e) {
      this.running.delete(key);
      throw e;
    }
    this.planned.delete(input.rollbackId);
    this.runs.set(input.rollbackId, this.execute(run));
    return this.find(input.incidentId, input.rollbackId);
  }

  private async execute(run: RunningRollback): Promise<void> {
    try {
      const result = await executeRollback(run, {
        append: (incidentId, events) => this.append(incidentId, events),
        operator: this.deps.operator,
        ...(this.deps.publishOutput ? { publishOutput: this.deps.publishOutput } : {}),
        ...(this.deps.beforePush ? { beforePush: this.deps.beforePush } : {}),
      });
      this.running.delete(run.plan.service.toLowerCase());
      if (result && run.plan.health && this.deps.queryHealth && (await (this.deps.healthAvailable?.() ?? true))) await this.verifyAutomatically(run);
    } catch (e) {
      // The log itself could not be written; nothing more can be recorded, but the lock must not stay held.
      (this.deps.reportError ?? ((area, error) => console.error(`[firebreak] ${area}:`, error)))(`rollback ${run.rollbackId} could not record its outcome`, e);
    } finally {
      this.running.delete(run.plan.service.toLowerCase());
      this.runs.delete(run.rollbackId);
    }
  }

  private async verifyAutomatically(run: RunningRollback): Promise<void> {
    const health = run.plan.health!;
    const controller = new AbortController();
    this.verifications.set(run.rollbackId, controller);
    const actor = this.deps.operator();
    const step = (status: 'started' | 'succeeded' | 'failed', outputTail?: string) =>
      this.append(run.incidentId, [
        { type: 'rollback.step', actor, payload: { rollbackId: run.rollbackId, step: 'verify', label: `Wait up to ${health.windowSeconds} s for ${health.promql} < ${health.threshold}`, status, ...(outputTail ? { outputTail } : {}) } },
      ]);
    try {
      await step('started');
      const verdict = await verifyHealth(health, this.deps.queryHealth!, this.deps.clock ?? realClock, controller.signal);
      if (verdict.outcome === 'stopped') return;
      if (verdict.outcome === 'error') {
        await step('failed', `Health query failed: ${verdict.message}. Verify by hand.`);
        return;
      }
      await step(verdict.outcome === 'healthy' ? 'succeeded' : 'failed', `value ${verdict.value} after ${verdict.checks} check(s)`);
      if (controller.signal.aborted) return;
      await this.append(run.incidentId, [
        { type: 'rollback.verified', actor, payload: { rollbackId: run.rollbackId, service: run.plan.service, method: 'health-query', outcome: verdict.outcome, value: verdict.value, threshold: health.threshold } },
      ]);
    } finally {
      this.verifications.delete(run.rollbackId);
    }
  }

  /** The person using this installation approves a planned rollback; the event's actor and identity say who. */
  async approve(input: ParsedInputOf<'rollback.approve'>): Promise<RollbackState> {
    const state = this.find(input.incidentId, input.rollbackId);
    if (state.stage !== 'planned') throw new DomainError('conflict', `Rollback ${input.rollbackId} is already ${state.stage}; only a plan can be approved.`);
    const me = this.deps.operator();
    if (hasApproved(state, me, this.deps.operatorHandle?.())) throw new DomainError('conflict', `You (${me}) already approved this rollback.`);
    const target = state.plan.target ? ` to ${state.plan.target.label}` : '';
    const summary = `the ${state.plan.direction === 'roll-forward' ? 'roll forward' : 'rollback'} of ${state.plan.service}${target} (${state.id})`;
    await this.append(input.incidentId, [{ type: 'approval.given', actor: me, payload: { subject: 'rollback', targetId: state.id, summary } }]);
    return this.find(input.incidentId, input.rollbackId);
  }

  async cancel(input: ParsedInputOf<'rollback.cancel'>): Promise<RollbackState> {
    const state = this.find(input.incidentId, input.rollbackId);
    const reason = input.reason?.trim() || 'Cancelled by the operator';
    if (state.stage === 'planned') {
      this.planned.delete(input.rollbackId);
      await this.append(input.incidentId, [
        { type: 'rollback.cancelled', actor: this.deps.operator(), payload: { rollbackId: state.id, service: state.plan.service, reason, state: 'The plan was discarded; nothing ran.' } },
      ]);
      return this.find(input.incidentId, input.rollbackId);
    }
    const run = this.runningFor(state.plan.service);
    if (state.stage !== 'running' || !run || run.rollbackId !== state.id) throw new DomainError('conflict', `Rollback ${state.id} is ${state.stage}; there is nothing to cancel.`);
    if (run.noCancelReason) throw new DomainError('conflict', `Cannot cancel now: ${run.noCancelReason}.`);
    run.cancelReason = reason;
    run.controller.abort();
    await this.settled(state.id);
    return this.find(input.incidentId, input.rollbackId);
  }

  async verify(input: ParsedInputOf<'rollback.verify'>): Promise<RollbackState> {
    const state = this.find(input.incidentId, input.rollbackId);
    if (state.stage !== 'completed') throw new DomainError('conflict', `Only a completed rollback can be verified; ${state.id} is ${state.stage}.`);
    if (state.verification) throw new DomainError('conflict', `Rollback ${state.id} was already verified ${state.verification.outcome}.`);
    this.verifications.get(state.id)?.abort();
    await this.append(input.incidentId, [
      {
        type: 'rollback.verified',
        actor: this.deps.operator(),
        payload: { rollbackId: state.id, service: state.plan.service, method: 'manual', outcome: input.outcome, ...(input.note?.trim() ? { note: input.note.trim() } : {}) },
      },
    ]);
    return this.find(input.incidentId, input.rollbackId);
  }

  /** Resolves when the run (and its automatic verification) has finished; for tests and shutdown. */
  async settled(rollbackId: string): Promise<void> {
    await this.runs.get(rollbackId);
  }

  /** Stops health polling and cancels what is still safe to cancel, then waits for runs to record their outcome. */
  async close(): Promise<void> {
    for (const c of this.verifications.values()) c.abort();
    for (const run of this.running.values()) {
      if (!run.noCancelReason) {
        run.cancelReason = 'Firebreak was closing';
        run.controller.abort();
      }
    }
    await Promise.all([...this.runs.values()]);
  }
}
