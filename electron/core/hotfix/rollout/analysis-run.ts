// The canary analysis after a stage: samples Prometheus over the bake time, records progress, and ends in pass, fail or paused.
import type { NewEvent } from '../../../../shared/events';
import { canaryVerdict } from '../../../../shared/hotfix/canary-verdict';
import type { CanaryAnalysis, RolloutStage } from '../../../../shared/hotfix/rollout-config';
import type { Clock } from '../../rollback/health-verification';
import { sampleWindow, type QueryRange, type WindowSamples } from './canary-sampler';

export type AnalysisResult = 'pass' | 'fail' | 'paused' | 'stopped';

export interface AnalysisContext {
  hotfixId: string;
  rolloutId: string;
  actor: string;
  append(events: NewEvent[]): Promise<unknown>;
  /** Absent when no Prometheus is configured: the analysis pauses instead of passing. */
  queryRange: QueryRange | undefined;
  clock: Clock;
}

/** How often progress is sampled and recorded: about six times per bake, never more often than the step, at most every 30 s. */
export function progressEveryMs(bakeSeconds: number, stepSeconds: number): number {
  return Math.min(30_000, Math.max(stepSeconds * 1000, Math.floor((bakeSeconds * 1000) / 6)));
}

const iso = (ms: number) => new Date(ms).toISOString();

export async function runAnalysis(stage: RolloutStage, analysis: CanaryAnalysis, ctx: AnalysisContext, signal: AbortSignal): Promise<AnalysisResult> {
  const ids = { hotfixId: ctx.hotfixId, rolloutId: ctx.rolloutId, stageId: stage.id, label: stage.label };
  const from = ctx.clock.now();
  const deadline = from + stage.bakeSeconds * 1000;
  await ctx.append([
    {
      type: 'rollout.analysis_started',
      actor: ctx.actor,
      payload: { ...ids, from: iso(from), bakeSeconds: stage.bakeSeconds, stepSeconds: analysis.stepSeconds, queries: analysis.queries.map((q) => ({ id: q.id, label: q.label })) },
    },
  ]);
  const every = progressEveryMs(stage.bakeSeconds, analysis.stepSeconds);
  const finish = (outcome: 'pass' | 'fail' | 'paused', to: number, window: WindowSamples | undefined, message?: string, queries = [] as ReturnType<typeof canaryVerdict>['queries']) =>
    ctx.append([
      {
        type: 'rollout.analysis_finished',
        actor: ctx.actor,
        payload: { ...ids, outcome, from: iso(from), to: iso(to), queries, series: window?.series ?? [], ...(message ? { message: message.slice(0, 2000) } : {}) },
      },
    ]);
  let last: WindowSamples | undefined;
  for (;;) {
    await ctx.clock.sleep(Math.max(0, Math.min(every, deadline - ctx.clock.now())), signal);
    if (signal.aborted) return 'stopped';
    const now = Math.min(ctx.clock.now(), deadline);
    if (!ctx.queryRange) {
      await finish('paused', now, last, 'No Prometheus server is configured (Settings → Metrics), so the canary cannot be judged. Configure one and retry the analysis, or abort.');
      return 'paused';
    }
    try {
      last = await sampleWindow(analysis, from, now, ctx.queryRange, signal);
    } catch (e) {
      if (signal.aborted) return 'stopped';
      await finish('paused', now, last, `Prometheus could not be asked: ${(e as Error).message}. Nothing was judged; retry the analysis when Prometheus answers, or abort.`);
      return 'paused';
    }
    if (signal.aborted) return 'stopped';
    if (now < deadline) {
      const samples = analysis.queries.map((q) => ({ queryId: q.id, canary: last!.samples[q.id]!.canary.length, baseline: last!.samples[q.id]!.baseline.length }));
      await ctx.append([{ type: 'rollout.analysis_progress', actor: ctx.actor, payload: { ...ids, elapsedSeconds: Math.round((now - from) / 1000), samples } }]);
      continue;
    }
    const verdict = canaryVerdict(analysis.queries, last.samples);
    await finish(verdict.outcome, now, last, undefined, verdict.queries);
    return verdict.outcome;
  }
}
