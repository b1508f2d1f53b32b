// How a service's hot fix is rolled out: ordered stages (each a configured command), the canary analysis after each, and what a failure does.
import { z } from 'zod';
import { CommandSpec } from '../services/command-spec';
import type { StrategyKind } from '../services/service-config';

/** Replaced by "canary" or "baseline" in a query template, e.g. `sum(rate(http_errors_total{track="{{track}}"}[1m]))`. */
export const TRACK_PLACEHOLDER = '{{track}}';
export const tracks = ['canary', 'baseline'] as const;
export type Track = (typeof tracks)[number];

const Slug = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'Use lower-case letters, digits and "-" (e.g. canary-5)');

export const RolloutStage = z.looseObject({
  id: Slug,
  /** What the commander reads, e.g. "Canary 5%" or "Switch blue → green". */
  label: z.string().trim().min(1, 'Name the stage, e.g. Canary 5%').max(80),
  kind: z.enum(['canary', 'rolling', 'blue-green']).default('canary'),
  /** Share of traffic on the fix after this stage, when it is a percentage rollout. */
  percent: z.number().min(0).max(100).optional(),
  /** The command that performs the stage (e.g. `kubectl argo rollouts set weight checkout 5`); no shell. */
  run: CommandSpec,
  /** How long the canary analysis watches the service after the stage's command succeeded. */
  bakeSeconds: z.number().int().min(1).max(86_400).default(300),
  /** Whether the analysis runs after this stage; the last stage at 100% usually has no baseline left to compare with. */
  analyze: z.boolean().default(true),
  /** After a passing analysis: go on by itself, or wait for the commander's click. */
  advance: z.enum(['automatic', 'on-click']).default('on-click'),
});
export type RolloutStage = z.infer<typeof RolloutStage>;

export const StatisticalTest = z.looseObject({
  /**
   * One-sided Mann-Whitney U test on the sampled series: is the canary stochastically worse than the baseline?
   * Rank-based, so it needs no assumption about the distribution (latency and error ratios are rarely normal).
   */
  kind: z.literal('mann-whitney-u'),
  alpha: z.number().gt(0).max(0.5).default(0.05),
});
export type StatisticalTest = z.infer<typeof StatisticalTest>;

export const CanaryQuery = z
  .looseObject({
    id: Slug,
    label: z.string().trim().min(1, 'Name the query, e.g. Error ratio').max(80),
    kind: z.enum(['error-ratio', 'latency', 'saturation', 'other']).default('other'),
    /** One query for both tracks, with {{track}} where the track label value goes. */
    template: z.string().trim().min(1).max(4000).optional(),
    /** Or two explicit queries. */
    canary: z.string().trim().min(1).max(4000).optional(),
    baseline: z.string().trim().min(1).max(4000).optional(),
    direction: z.enum(['higher-is-worse', 'lower-is-worse']).default('higher-is-worse'),
    /** Fails when the canary's mean is worse than the baseline's by more than this factor (e.g. 1.5). */
    maxRatio: z.number().min(1).optional(),
    /** Fails when the canary's mean is worse than the baseline's by more than this amount (e.g. 0.02 for an error ratio). */
    maxDelta: z.number().min(0).optional(),
    test: StatisticalTest.optional(),
    /** Fewer samples of either track than this at the end of the bake time is never a pass. */
    minSamples: z.number().int().min(3).max(10_000).default(5),
    unit: z.string().max(20).default(''),
  })
  .superRefine((q, ctx) => {
    const explicit = q.canary !== undefined || q.baseline !== undefined;
    if (q.template && explicit) ctx.addIssue({ code: 'custom', path: ['template'], message: 'Give either a template or the canary and baseline queries, not both' });
    if (!q.template && !(q.canary && q.baseline)) ctx.addIssue({ code: 'custom', path: ['template'], message: 'Give a template with {{track}}, or both a canary and a baseline query' });
    if (q.template && !q.template.includes(TRACK_PLACEHOLDER)) ctx.addIssue({ code: 'custom', path: ['template'], message: `The template must contain ${TRACK_PLACEHOLDER} where the track goes` });
    if (q.maxRatio === undefined && q.maxDelta === undefined && !q.test) ctx.addIssue({ code: 'custom', path: ['maxRatio'], message: 'Set a decision rule: maxRatio, maxDelta and/or a statistical test' });
  });
export type CanaryQuery = z.infer<typeof CanaryQuery>;

export const CanaryAnalysis = z.looseObject({
  queries: z.array(CanaryQuery).min(1, 'Add at least one query to compare canary and baseline').max(10),
  /** Spacing of the samples taken from Prometheus (the range query step). */
  stepSeconds: z.number().int().min(1).max(600).default(15),
});
export type CanaryAnalysis = z.infer<typeof CanaryAnalysis>;

export const RolloutConfig = z
  .looseObject({
    stages: z.array(RolloutStage).min(1, 'Add at least one stage').max(10),
    analysis: CanaryAnalysis.optional(),
    /** What a failed stage or analysis does: offer the guarded rollback, or start it at once. */
    onFailure: z.enum(['offer-rollback', 'rollback-automatically']).default('offer-rollback'),
    /** The rollback strategy (from the service's rollback section) to offer or run. */
    rollbackStrategy: z.enum(['revert', 'move-ref', 'command', 'kill-switch'] satisfies StrategyKind[]).optional(),
  })
  .superRefine((r, ctx) => {
    const ids = r.stages.map((s) => s.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: ['stages', i, 'id'], message: `Stage "${id}" is listed twice` });
    });
    const qids = r.analysis?.queries.map((q) => q.id) ?? [];
    qids.forEach((id, i) => {
      if (qids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: ['analysis', 'queries', i, 'id'], message: `Query "${id}" is listed twice` });
    });
    if (!r.analysis) {
      r.stages.forEach((s, i) => {
        if (s.analyze) ctx.addIssue({ code: 'custom', path: ['stages', i, 'analyze'], message: 'Stage analyses need an analysis section with queries (or set analyze: false)' });
      });
    }
    if (r.onFailure === 'rollback-automatically' && !r.rollbackStrategy) ctx.addIssue({ code: 'custom', path: ['rollbackStrategy'], message: 'Automatic rollback needs the strategy to run' });
  });
export type RolloutConfig = z.infer<typeof RolloutConfig>;

/** The PromQL for one track of a query. */
export function queryFor(query: CanaryQuery, track: Track): string {
  if (query.template) return query.template.split(TRACK_PLACEHOLDER).join(track);
  return track === 'canary' ? query.canary! : query.baseline!;
}
