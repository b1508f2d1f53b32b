// Runs one confirmed rollback: records every step as an event, streams output, honours safe cancels, and records the outcome.
import type { NewEvent } from '../../../shared/events';
import type { RollbackPlan } from '../../../shared/rollback/rollback-plan';
import type { ServiceConfig } from '../../../shared/services/service-config';
import { runAction } from './action-rollback';
import { runGitRollback } from './git-rollback-run';
import { OutputCapture, OutputStream } from './output-capture';
import { RollbackCancelled, RollbackFailure } from './rollback-failure';
import { stopIfCancelled, type ExecutionResult, type StepContext } from './step-context';

export interface RunningRollback {
  incidentId: string;
  rollbackId: string;
  service: ServiceConfig;
  plan: RollbackPlan;
  controller: AbortController;
  /** Set once cancelling is no longer safe; says why. */
  noCancelReason?: string;
  cancelReason?: string;
}

export interface ExecutionDeps {
  append(incidentId: string, events: NewEvent[]): Promise<unknown>;
  operator: () => string;
  publishOutput?: (output: { incidentId: string; rollbackId: string; step: string; chunk: string }) => void;
  beforePush?: () => Promise<void>;
}

const TAIL = 2_000;

/** Keeps text within an event field's limit, so a long path or message can never make the outcome unrecordable. */
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function stepContext(run: RunningRollback, deps: ExecutionDeps): StepContext {
  const actor = deps.operator();
  const record = (payload: Extract<NewEvent, { type: 'rollback.step' }>['payload']) =>
    deps.append(run.incidentId, [{ type: 'rollback.step', actor, payload: { ...payload, label: clip(payload.label, 500) } }]);
  return {
    signal: run.controller.signal,
    pointOfNoReturn(reason) {
      run.noCancelReason = reason;
    },
    stopIfCancelled(state) {
      stopIfCancelled(run.controller.signal, state);
    },
    async step(id, label, work, options = {}) {
      const capture = new OutputCapture();
      const stream = new OutputStream((chunk) => deps.publishOutput?.({ incidentId: run.incidentId, rollbackId: run.rollbackId, step: id, chunk }));
      const command = options.command ? { command: options.command.slice(0, 4000) } : {};
      await record({ rollbackId: run.rollbackId, step: id, label, status: 'started', ...command });
      try {
        const value = await work((chunk) => {
          capture.push(chunk);
          stream.write(chunk);
        });
        stream.flush();
        const tail = capture.lastChars(TAIL);
        await record({ rollbackId: run.rollbackId, step: id, label, status: 'succeeded', ...command, ...(tail ? { outputTail: tail } : {}) });
        return value;
      } catch (e) {
        stream.flush();
        const extra = e instanceof RollbackFailure || e instanceof RollbackCancelled ? '' : `\n${(e as Error).message}`;
        const tail = (capture.lastChars(TAIL) + extra).slice(-TAIL);
        await record({ rollbackId: run.rollbackId, step: id, label, status: 'failed', ...command, ...(tail ? { outputTail: tail } : {}) });
        throw e;
      }
    },
  };
}

/** Executes the plan and appends exactly one terminal event: completed, failed or cancelled. */
export async function executeRollback(run: RunningRollback, deps: ExecutionDeps): Promise<ExecutionResult | undefined> {
  const actor = deps.operator();
  const service = run.plan.service;
  const ctx = stepContext(run, deps);
  try {
    const result =
      run.plan.strategy === 'revert' || run.plan.strategy === 'move-ref'
        ? await runGitRollback(run.service, run.plan, ctx, { rollbackId: run.rollbackId, operator: actor, ...(deps.beforePush ? { beforePush: deps.beforePush } : {}) })
        : await runAction(run.service, run.plan, ctx);
    const { summary, outputTail, ...shas } = result;
    await deps.append(run.incidentId, [
      { type: 'rollback.completed', actor, payload: { rollbackId: run.rollbackId, service, summary: clip(summary, 2000), ...shas, ...(outputTail ? { outputTail: outputTail.slice(-TAIL) } : {}) } },
    ]);
    return result;
  } catch (e) {
    if (e instanceof RollbackCancelled) {
      const reason = run.cancelReason ?? 'Cancelled by the operator';
      await deps.append(run.incidentId, [
        { type: 'rollback.cancelled', actor, payload: { rollbackId: run.rollbackId, service, reason: clip(reason, 2000), state: clip(e.state, 2000), ...(e.outputTail ? { outputTail: e.outputTail.slice(-TAIL) } : {}) } },
      ]);
      return undefined;
    }
    const failure =
      e instanceof RollbackFailure
        ? e
        : new RollbackFailure('failed', `Unexpected error: ${(e as Error).message}`, 'Unknown: check the repository or system by hand before retrying.');
    await deps.append(run.incidentId, [
      {
        type: 'rollback.failed',
        actor,
        payload: {
          rollbackId: run.rollbackId,
          service,
          reason: failure.reason,
          message: clip(failure.message, 4000),
          state: clip(failure.state, 2000),
          ...failure.facts,
          ...(failure.facts.outputTail ? { outputTail: failure.facts.outputTail.slice(-TAIL) } : {}),
        },
      },
    ]);
    return undefined;
  }
}
