// Pure helpers for the rollback pane: stage labels, which rollback is "current", what the operator may do next.
import type { RollbackState } from '../../../../shared/rollback/rollback-state';
import { awaitingVerification, canRollForward, isFinished } from '../../../../shared/rollback/rollback-state';
import type { ServiceConfig, StrategyKind } from '../../../../shared/services/service-config';

export const strategyLabels: Record<StrategyKind, string> = {
  revert: 'Revert commits',
  'move-ref': 'Move ref back',
  command: 'Run command',
  'kill-switch': 'Kill switch',
};

export function stageLabel(r: RollbackState): string {
  if (r.stage === 'completed') {
    if (!r.verification) return 'completed — verify';
    return r.verification.outcome === 'healthy' ? 'completed, verified healthy' : 'completed, still unhealthy';
  }
  return { planned: 'planned — awaiting confirmation', running: 'running', failed: 'failed', cancelled: 'cancelled' }[r.stage];
}

/** The rollback the pane focuses on: the newest one that still needs the operator (plan, run or verify), if any. */
export function currentRollback(rollbacks: readonly RollbackState[]): RollbackState | undefined {
  return [...rollbacks].reverse().find((r) => !isFinished(r) || awaitingVerification(r));
}

export interface RollbackActions {
  confirm: boolean;
  discard: boolean;
  cancel: boolean;
  verify: boolean;
  rollForward: boolean;
}

export function actionsFor(r: RollbackState, all: readonly RollbackState[], readOnly: boolean): RollbackActions {
  if (readOnly) return { confirm: false, discard: false, cancel: false, verify: false, rollForward: false };
  return {
    confirm: r.stage === 'planned',
    discard: r.stage === 'planned',
    cancel: r.stage === 'running',
    verify: awaitingVerification(r),
    rollForward: canRollForward(r, all),
  };
}

export const strategiesOf = (service: ServiceConfig | undefined): StrategyKind[] => service?.rollback?.strategies.map((s) => s.kind) ?? [];

export const shortSha = (sha: string | undefined): string => (sha ? sha.slice(0, 8) : '—');
