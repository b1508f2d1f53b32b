// The review draft's lines for a hot fix's rollouts: each stage with its outcome and the canary analysis result with its reasons.
import type { RolloutState } from './rollout-state';

const stageWords = { pending: 'not run', running: 'running', succeeded: 'done', failed: 'failed', timeout: 'timed out', cancelled: 'cancelled' } as const;
const analysisWords = { running: 'running', pass: 'passed', fail: 'failed', paused: 'paused (not passed)' } as const;

export function rolloutReviewLines(rollouts: readonly RolloutState[]): string[] {
  if (rollouts.length === 0) return ['- **Rollout:** not started'];
  return rollouts.flatMap((r) => [
    `- **Rollout ${r.id}:** ${r.status === 'completed' ? 'reached 100%' : r.status === 'aborted' ? `aborted at ${r.aborted?.stageId ?? '?'} — ${r.aborted?.message ?? ''}` : r.status}${r.rollback?.rollbackId ? `; rollback ${r.rollback.rollbackId} started automatically` : r.rollback?.offered ? '; rollback offered' : ''}`,
    ...r.stages.map((s) => {
      const analysis = s.analysis ? ` — canary analysis ${analysisWords[s.analysis.status]}${s.analysis.queries.length ? `: ${s.analysis.queries.flatMap((q) => q.reasons).join('; ')}` : s.analysis.message ? `: ${s.analysis.message}` : ''}` : '';
      return `  - ${s.label}: ${stageWords[s.status]}${analysis}`;
    }),
  ]);
}
