// Events of a hot fix's controlled rollout: each stage's command, the canary analysis after it, and how a failure ends it.
import { z } from 'zod';
import { QueryVerdict } from '../hotfix/canary-verdict';
import { eventOf } from './envelope';

export const RolloutId = z.string().regex(/^ro-[a-z0-9-]{4,60}$/, 'Not a rollout id');
/** The hot fix the rollout ships (its identifier, e.g. HF-20260301-1). */
const HotfixRef = z.string().trim().min(1).max(80);
const StageId = z.string().min(1).max(40);
const OutputTail = z.string().max(4_000);
/** The stage's label rides along so the timeline reads "Canary 5%", not its id. */
const Ids = { hotfixId: HotfixRef, rolloutId: RolloutId, stageId: StageId, label: z.string().max(80).optional() };

export const RolloutStarted = eventOf(
  'rollout.started',
  z.object({
    hotfixId: HotfixRef,
    rolloutId: RolloutId,
    service: z.string().min(1).max(120),
    stages: z.array(z.object({ id: StageId, label: z.string().max(80), percent: z.number().optional(), analyze: z.boolean(), advance: z.enum(['automatic', 'on-click']), bakeSeconds: z.number() })).min(1).max(10),
    onFailure: z.enum(['offer-rollback', 'rollback-automatically']),
    rollbackStrategy: z.string().max(40).optional(),
  }),
);

export const RolloutStageStarted = eventOf('rollout.stage_started', z.object({ ...Ids, label: z.string().max(80), command: z.string().max(4000), timeoutMs: z.number() }));

/** A running stage's progress, at most every few seconds, so playback shows a long command alive. */
export const RolloutStageOutput = eventOf('rollout.stage_output', z.object({ ...Ids, lines: z.number().int().nonnegative(), outputTail: OutputTail }));

export const StageOutcome = z.enum(['succeeded', 'failed', 'timeout', 'cancelled']);
export const RolloutStageFinished = eventOf(
  'rollout.stage_finished',
  z.object({
    ...Ids,
    outcome: StageOutcome,
    exitCode: z.number().int().optional(),
    signal: z.string().max(20).optional(),
    durationMs: z.number().nonnegative(),
    message: z.string().max(2000),
    outputTail: OutputTail.optional(),
  }),
);

export const RolloutAnalysisStarted = eventOf(
  'rollout.analysis_started',
  z.object({ ...Ids, from: z.iso.datetime(), bakeSeconds: z.number(), stepSeconds: z.number(), queries: z.array(z.object({ id: z.string(), label: z.string() })).max(10) }),
);

export const RolloutAnalysisProgress = eventOf(
  'rollout.analysis_progress',
  z.object({ ...Ids, elapsedSeconds: z.number().nonnegative(), samples: z.array(z.object({ queryId: z.string(), canary: z.number().int(), baseline: z.number().int() })).max(10) }),
);

/** [Unix ms, value] points of one track, finite values only, for the chart in the pane and in playback. */
const Points = z.array(z.tuple([z.number(), z.number()])).max(720);
export const AnalysisSeries = z.object({ queryId: z.string(), label: z.string(), unit: z.string().max(20), canary: Points, baseline: Points });
export type AnalysisSeries = z.infer<typeof AnalysisSeries>;

export const RolloutAnalysisFinished = eventOf(
  'rollout.analysis_finished',
  z.object({
    ...Ids,
    /** paused: Prometheus could not be asked (unreachable, query refused); the analysis never passes on missing data. */
    outcome: z.enum(['pass', 'fail', 'paused']),
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    queries: z.array(QueryVerdict).max(10),
    series: z.array(AnalysisSeries).max(10),
    message: z.string().max(2000).optional(),
  }),
);

/** The commander clicked to go on (to the next stage, or to retry a paused analysis). */
export const RolloutStageAdvanced = eventOf('rollout.stage_advanced', z.object({ ...Ids, action: z.enum(['next-stage', 'retry-analysis']) }));

export const RolloutCompleted = eventOf('rollout.completed', z.object({ hotfixId: HotfixRef, rolloutId: RolloutId, service: z.string() }));

export const RolloutAborted = eventOf(
  'rollout.aborted',
  z.object({ ...Ids, reason: z.enum(['stage_failed', 'analysis_failed', 'cancelled', 'interrupted']), message: z.string().max(2000) }),
);

export const RolloutRollbackOffered = eventOf(
  'rollout.rollback_offered',
  z.object({ hotfixId: HotfixRef, rolloutId: RolloutId, service: z.string(), strategy: z.string().max(40).optional(), message: z.string().max(2000) }),
);

export const RolloutRollbackStarted = eventOf(
  'rollout.rollback_started',
  z.object({ hotfixId: HotfixRef, rolloutId: RolloutId, service: z.string(), strategy: z.string().max(40), rollbackId: z.string().max(80) }),
);

export const hotfixRolloutEventSchemas = [
  RolloutStarted,
  RolloutStageStarted,
  RolloutStageOutput,
  RolloutStageFinished,
  RolloutAnalysisStarted,
  RolloutAnalysisProgress,
  RolloutAnalysisFinished,
  RolloutStageAdvanced,
  RolloutCompleted,
  RolloutAborted,
  RolloutRollbackOffered,
  RolloutRollbackStarted,
] as const;
