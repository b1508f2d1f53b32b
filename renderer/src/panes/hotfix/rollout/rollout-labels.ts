// Human words for the rollout's states: what the commander reads in the rollout section (never internal names).
import type { RolloutStageState, RolloutState, StageAnalysisState } from '../../../../../shared/hotfix/rollout-state';

export const stageStatusLabels: Record<RolloutStageState['status'], string> = {
  pending: 'Not started',
  running: 'Running',
  succeeded: 'Done',
  failed: 'Failed',
  timeout: 'Timed out',
  cancelled: 'Cancelled',
};

export const analysisStatusLabels: Record<StageAnalysisState['status'], string> = {
  running: 'Watching',
  pass: 'Passed',
  fail: 'Failed',
  paused: 'Paused — not passed',
};

/** One line: where the rollout stands and what it waits for (verification, only while the hot fix still needs it). */
export function rolloutSummary(r: RolloutState, awaitingVerification = true): string {
  const index = r.stages.findIndex((s) => s.id === r.currentStageId);
  const stage = r.stages[index];
  const next = r.stages[index + 1];
  switch (r.status) {
    case 'completed':
      return `Every stage done: the fix is at 100%.${awaitingVerification ? ' Verify it next.' : ''}`;
    case 'aborted':
      return `Stopped at ${r.stages.find((s) => s.id === r.aborted?.stageId)?.label ?? 'a stage'}: ${r.aborted?.message ?? ''}`;
    case 'waiting':
      return `${stage?.label ?? 'The stage'} passed. Waiting for your go to start ${next?.label ?? 'the next stage'}.`;
    case 'paused':
      return `The canary analysis after ${stage?.label ?? 'the stage'} paused: ${stage?.analysis?.message ?? 'Prometheus could not be asked'}`;
    case 'analysing':
      return `Canary analysis after ${stage?.label ?? 'the stage'}: ${stage?.analysis?.elapsedSeconds ?? 0} s of ${stage?.analysis?.bakeSeconds ?? stage?.bakeSeconds ?? 0} s.`;
    case 'running':
      return stage ? `Running ${stage.label}.` : 'Starting.';
  }
}

export const tone = (status: string): 'ok' | 'bad' | 'wait' | 'idle' =>
  status === 'succeeded' || status === 'pass' || status === 'completed' ? 'ok' : status === 'failed' || status === 'timeout' || status === 'cancelled' || status === 'fail' || status === 'aborted' ? 'bad' : status === 'pending' ? 'idle' : 'wait';
