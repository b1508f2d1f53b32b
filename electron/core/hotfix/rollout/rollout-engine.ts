// Runs a hot fix's controlled rollout: stages in order, the canary analysis after each, advance by itself or on a click,
// and on failure abort and offer (or, where configured, start) the guarded rollback. One rollout per service at a time.
import { randomBytes } from 'node:crypto';
import type { NewEvent } from '../../../../shared/events';
import type { RolloutConfig } from '../../../../shared/hotfix/rollout-config';
import { rolloutProjection, type RolloutState } from '../../../../shared/hotfix/rollout-state';
import { DomainError } from '../../../../shared/result';
import type { ServiceConfig, StrategyKind } from '../../../../shared/services/service-config';
import { realClock, type Clock } from '../../rollback/health-verification';
import type { RollbackService } from '../../rollback/rollback-service';
import type { ServiceCatalogue } from '../../services/service-catalogue';
import type { IncidentStore } from '../../store/incident-store';
import { runAnalysis } from './analysis-run';
import type { QueryRange } from './canary-sampler';
import { runStage } from './stage-run';

export interface RolloutEngineDeps {
  store: IncidentStore;
  catalogue: ServiceCatalogue;
  operator: () => string;
  /** Prometheus through the metrics capability; absent (or throwing) means analyses pause, never pass. */
  queryRange?: QueryRange;
  rollbacks?: Pick<RollbackService, 'plan' | 'confirm'>;
  /** Refuses a start the hot-fix track does not allow yet (e.g. not approved); throws a DomainError saying why. */
  checkStart?: (incidentId: string, hotfixId: string, service: string) => Promise<void> | void;
  publishOutput?: (output: { incidentId: string; rolloutId: string; stageId: string; chunk: string }) => void;
  clock?: Clock;
  /** How often a running stage records an output summary (default 10 s). */
  summaryEveryMs?: number;
  reportError?: (area: string, error: unknown) => void;
}

interface ActiveRollout {
  incidentId: string;
  rolloutId: string;
  hotfixId: string;
  service: ServiceConfig;
  config: RolloutConfig;
  /** The hot fix's chosen strategy, else the rollout config's, else the service's first. */
  rollbackStrategy: StrategyKind | undefined;
  controller: AbortController;
  cancelReason?: string;
}

const newRolloutId = () => `ro-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;

export class RolloutEngine {
  /** Rollouts not finished (running, analysing, waiting or paused), keyed by lower-case service name. */
  private readonly active = new Map<string, ActiveRollout>();
  /** The work in progress of each rollout (a stage or an analysis); absent while it waits for a click. */
  private readonly driving = new Map<string, Promise<void>>();
  private readonly clock: Clock;
  private closing = false;

  constructor(private readonly deps: RolloutEngineDeps) {
    this.clock = deps.clock ?? realClock;
  }

  list(incidentId: string): RolloutState[] {
    return this.deps.store.projection(incidentId, rolloutProjection);
  }

  private find(incidentId: string, rolloutId: string): RolloutState {
    const found = this.list(incidentId).find((r) => r.id === rolloutId);
    if (!found) throw new DomainError('not_found', `No rollout ${rolloutId} in incident ${incidentId}.`);
    return found;
  }

  private append(incidentId: string, events: NewEvent[]) {
    return this.deps.store.append(incidentId, events);
  }

  async start(input: { incidentId: string; hotfixId: string; service: string; rollbackStrategy?: StrategyKind }): Promise<RolloutState> {
    this.deps.store.get(input.incidentId);
    const service = await this.deps.catalogue.get(input.service);
    const config = service.rollout;
    if (!config) throw new DomainError('validation', `Service ${service.name} has no rollout configured; add its stages (and canary queries) in the service catalogue.`);
    const busy = this.active.get(service.name.toLowerCase());
    if (busy) throw new DomainError('conflict', `A rollout of ${service.name} (${busy.rolloutId}) is in progress; finish or cancel it first.`);
    await this.deps.checkStart?.(input.incidentId, input.hotfixId, service.name);
    const rollbackStrategy = input.rollbackStrategy ?? config.rollbackStrategy ?? service.rollback?.strategies[0]?.kind;
    const run: ActiveRollout = { incidentId: input.incidentId, rolloutId: newRolloutId(), hotfixId: input.hotfixId, service, config, rollbackStrategy, controller: new AbortController() };
    this.active.set(service.name.toLowerCase(), run);
    try {
      await this.append(input.incidentId, [
        {
          type: 'rollout.started',
          actor: this.deps.operator(),
          payload: {
            hotfixId: input.hotfixId,
            rolloutId: run.rolloutId,
            service: service.name,
            stages: config.stages.map((s) => ({ id: s.id, label: s.label, ...(s.percent !== undefined ? { percent: s.percent } : {}), analyze: s.analyze, advance: s.advance, bakeSeconds: s.bakeSeconds })),
            onFailure: config.onFailure,
            ...(rollbackStrategy ? { rollbackStrategy } : {}),
          },
        },
      ]);
    } catch (e) {
      this.active.delete(service.name.toLowerCase());
      throw e;
    }
    this.drive(run, 0, 'stage');
    return this.find(input.incidentId, run.rolloutId);
  }

  /** The commander's click: the next stage after a passed analysis, or the analysis again after it paused. */
  async advance(input: { incidentId: string; rolloutId: string }): Promise<RolloutState> {
    const state = this.find(input.incidentId, input.rolloutId);
    const run = this.runOf(state);
    const index = state.stages.findIndex((s) => s.id === state.currentStageId);
    if (state.status === 'waiting') {
      await this.append(run.incidentId, [{ type: 'rollout.stage_advanced', actor: this.deps.operator(), payload: { hotfixId: run.hotfixId, rolloutId: run.rolloutId, stageId: state.currentStageId!, label: state.stages[index]!.label, action: 'next-stage' } }]);
      this.drive(run, index + 1, 'stage');
    } else if (state.status === 'paused') {
      await this.append(run.incidentId, [{ type: 'rollout.stage_advanced', actor: this.deps.operator(), payload: { hotfixId: run.hotfixId, rolloutId: run.rolloutId, stageId: state.currentStageId!, label: state.stages[index]!.label, action: 'retry-analysis' } }]);
      this.drive(run, index, 'analysis');
    } else {
      throw new DomainError('conflict', `The rollout is ${state.status}; it can go on only when it waits for a click or its analysis paused.`);
    }
    return this.find(input.incidentId, input.rolloutId);
  }

  /** Stops the running stage (its process tree) or analysis, or ends a waiting rollout; the rollout aborts and the rollback is offered. */
  async cancel(input: { incidentId: string; rolloutId: string; reason?: string }): Promise<RolloutState> {
    const state = this.find(input.incidentId, input.rolloutId);
    const run = this.runOf(state);
    const reason = input.reason?.trim() || 'Cancelled by the commander';
    const driving = this.driving.get(run.rolloutId);
    if (driving) {
      run.cancelReason = reason;
      run.controller.abort();
      await driving;
    } else {
      await this.abort(run, state.currentStageId ?? state.stages[0]!.id, 'cancelled', reason);
    }
    return this.find(input.incidentId, input.rolloutId);
  }

  private runOf(state: RolloutState): ActiveRollout {
    const run = this.active.get(state.service.toLowerCase());
    if (state.status === 'completed' || state.status === 'aborted') throw new DomainError('conflict', `The rollout is already ${state.status}.`);
    if (!run || run.rolloutId !== state.id) throw new DomainError('conflict', 'This rollout was interrupted when Firebreak stopped; start a new one.');
    return run;
  }

  private drive(run: ActiveRollout, index: number, from: 'stage' | 'analysis'): void {
    run.controller = new AbortController();
    const work = this.steps(run, index, from)
      .catch((e: unknown) => (this.deps.reportError ?? ((area, error) => console.error(`[firebreak] ${area}:`, error)))(`rollout ${run.rolloutId} could not record its progress`, e))
      .finally(() => this.driving.delete(run.rolloutId));
    this.driving.set(run.rolloutId, work);
  }

  private async steps(run: ActiveRollout, first: number, from: 'stage' | 'analysis'): Promise<void> {
    const actor = this.deps.operator();
    const append = (events: NewEvent[]) => this.append(run.incidentId, events);
    for (let i = first; i < run.config.stages.length; i++) {
      const stage = run.config.stages[i]!;
      const signal = run.controller.signal;
      if (!(i === first && from === 'analysis')) {
        const result = await runStage(
          stage,
          {
            incidentId: run.incidentId,
            hotfixId: run.hotfixId,
            rolloutId: run.rolloutId,
            actor,
            append,
            clock: this.clock,
            summaryEveryMs: this.deps.summaryEveryMs ?? 10_000,
            ...(run.service.git?.clonePath ? { defaultCwd: run.service.git.clonePath } : {}),
            ...(this.deps.publishOutput ? { publishOutput: (chunk: string) => this.deps.publishOutput!({ incidentId: run.incidentId, rolloutId: run.rolloutId, stageId: stage.id, chunk }) } : {}),
          },
          signal,
        );
        if (result === 'cancelled') return this.abort(run, stage.id, 'cancelled', run.cancelReason ?? 'Cancelled');
        if (result !== 'succeeded') return this.abort(run, stage.id, 'stage_failed', `Stage "${stage.label}" ${result === 'timeout' ? 'timed out' : 'failed'}; the rollout stopped there.`);
      }
      if (stage.analyze && run.config.analysis) {
        const result = await runAnalysis(stage, run.config.analysis, { hotfixId: run.hotfixId, rolloutId: run.rolloutId, actor, append, queryRange: this.deps.queryRange, clock: this.clock }, signal);
        if (result === 'stopped') return this.abort(run, stage.id, 'cancelled', run.cancelReason ?? 'Cancelled during the canary analysis');
        if (result === 'paused') return; // waits for a retry or a cancel
        if (result === 'fail') return this.abort(run, stage.id, 'analysis_failed', `The canary analysis after "${stage.label}" failed; the rollout stopped there.`);
      }
      if (i === run.config.stages.length - 1) {
        await append([{ type: 'rollout.completed', actor, payload: { hotfixId: run.hotfixId, rolloutId: run.rolloutId, service: run.service.name } }]);
        this.active.delete(run.service.name.toLowerCase());
        return;
      }
      if (stage.advance === 'on-click') return; // waits for the commander
    }
  }

  private async abort(run: ActiveRollout, stageId: string, reason: 'stage_failed' | 'analysis_failed' | 'cancelled', message: string): Promise<void> {
    const actor = this.deps.operator();
    const ids = { hotfixId: run.hotfixId, rolloutId: run.rolloutId };
    const label = run.config.stages.find((s) => s.id === stageId)?.label;
    const where = { stageId, ...(label ? { label } : {}) };
    this.active.delete(run.service.name.toLowerCase());
    if (this.closing) {
      // Shutting down is no verdict on the fix: record where it stopped, start nothing.
      await this.append(run.incidentId, [{ type: 'rollout.aborted', actor: 'firebreak', payload: { ...ids, ...where, reason: 'interrupted', message: 'Firebreak was closing during this rollout. Check the deployment by hand, then start a new rollout or roll back.' } }]);
      return;
    }
    await this.append(run.incidentId, [{ type: 'rollout.aborted', actor, payload: { ...ids, ...where, reason, message: message.slice(0, 2000) } }]);
    const strategy = run.rollbackStrategy;
    const offer = (text: string, withStrategy = strategy) =>
      this.append(run.incidentId, [{ type: 'rollout.rollback_offered', actor, payload: { ...ids, service: run.service.name, ...(withStrategy ? { strategy: withStrategy } : {}), message: text.slice(0, 2000) } }]);
    if (!strategy || !this.deps.rollbacks) {
      await offer(`No rollback strategy is configured for ${run.service.name}; roll back by hand and record it.`);
      return;
    }
    if (run.config.onFailure !== 'rollback-automatically') {
      await offer(`Plan and confirm the ${strategy} rollback of ${run.service.name} in the Rollback pane.`);
      return;
    }
    try {
      const planned = await this.deps.rollbacks.plan({ incidentId: run.incidentId, service: run.service.name, strategy });
      await this.deps.rollbacks.confirm({ incidentId: run.incidentId, rollbackId: planned.id, typedName: run.service.name });
      await this.append(run.incidentId, [{ type: 'rollout.rollback_started', actor, payload: { ...ids, service: run.service.name, strategy, rollbackId: planned.id } }]);
    } catch (e) {
      await offer(`The automatic ${strategy} rollback could not start: ${(e as Error).message}. Roll back from the Rollback pane.`);
    }
  }

  /** Resolves when the rollout's current work (stage or analysis) is done; for tests and shutdown. */
  async settled(rolloutId: string): Promise<void> {
    await this.driving.get(rolloutId);
  }

  /** Marks rollouts left unfinished by a stop as aborted, so no log claims a rollout nobody is running. */
  async recoverInterrupted(): Promise<void> {
    for (const incident of this.deps.store.list()) {
      if (!incident.log || incident.problems.some((p) => p.kind === 'unreadable')) continue;
      for (const r of this.deps.store.projection(incident.id, rolloutProjection).filter((x) => x.status !== 'completed' && x.status !== 'aborted')) {
        await this.append(incident.id, [
          {
            type: 'rollout.aborted',
            actor: 'firebreak',
            payload: { hotfixId: r.hotfixId, rolloutId: r.id, stageId: r.currentStageId ?? r.stages[0]!.id, label: (r.stages.find((s) => s.id === r.currentStageId) ?? r.stages[0]!).label, reason: 'interrupted', message: 'Firebreak stopped during this rollout. Check the deployment by hand, then start a new rollout or roll back.' },
          },
        ]);
      }
    }
  }

  /** Stops running stages and analyses (recorded as interrupted, no rollback started); waiting rollouts are marked at the next start. */
  async close(): Promise<void> {
    this.closing = true;
    for (const run of this.active.values()) if (this.driving.has(run.rolloutId)) run.controller.abort();
    await Promise.all([...this.driving.values()]);
  }
}
