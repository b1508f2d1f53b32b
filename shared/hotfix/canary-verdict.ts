// The canary analysis decision, pure: the sampled values of canary and baseline per query → pass or fail, with the reasons per query.
import { z } from 'zod';
import type { CanaryQuery } from './rollout-config';
import { mannWhitneyGreater } from './mann-whitney';

export const QueryVerdict = z.object({
  queryId: z.string(),
  label: z.string(),
  outcome: z.enum(['pass', 'fail', 'inconclusive']),
  reasons: z.array(z.string().max(500)).max(10),
  canary: z.object({ samples: z.number().int().nonnegative(), mean: z.number().nullable() }),
  baseline: z.object({ samples: z.number().int().nonnegative(), mean: z.number().nullable() }),
  pValue: z.number().min(0).max(1).optional(),
});
export type QueryVerdict = z.infer<typeof QueryVerdict>;

export interface CanaryVerdict {
  /** Pass only when every query passed: an inconclusive query (too few samples) is never a pass. */
  outcome: 'pass' | 'fail';
  queries: QueryVerdict[];
}

export interface TrackSamples {
  canary: readonly number[];
  baseline: readonly number[];
}

const mean = (values: readonly number[]) => (values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length);

/** Three significant digits, without trailing noise (0.0123, 1.5, 2300). */
export const formatNumber = (value: number): string => (Number.isFinite(value) ? String(Number(value.toPrecision(3))) : String(value));
const withUnit = (value: number, unit: string) => `${formatNumber(value)}${unit ? ` ${unit}` : ''}`;

/** Judges one query; NaN and infinite samples (e.g. 0/0 with no traffic) are not samples. */
export function judgeQuery(query: CanaryQuery, samples: TrackSamples): QueryVerdict {
  const canary = samples.canary.filter(Number.isFinite);
  const baseline = samples.baseline.filter(Number.isFinite);
  const meanC = mean(canary);
  const meanB = mean(baseline);
  const base = { queryId: query.id, label: query.label, canary: { samples: canary.length, mean: meanC }, baseline: { samples: baseline.length, mean: meanB } };
  if (canary.length < query.minSamples || baseline.length < query.minSamples || meanC === null || meanB === null) {
    return {
      ...base,
      outcome: 'inconclusive',
      reasons: [`${query.label}: only ${canary.length} canary and ${baseline.length} baseline samples; at least ${query.minSamples} of each are needed to judge`],
    };
  }
  // Orient every comparison so that "greater" means "worse".
  const sign = query.direction === 'higher-is-worse' ? 1 : -1;
  const worse = query.direction === 'higher-is-worse' ? 'higher' : 'lower';
  const reasons: string[] = [];
  let failed = false;
  const head = `${query.label}: canary ${withUnit(meanC, query.unit)} vs baseline ${withUnit(meanB, query.unit)}`;
  if (query.maxDelta !== undefined) {
    const by = sign * (meanC - meanB);
    const over = by > query.maxDelta;
    failed ||= over;
    reasons.push(`${head} — ${over ? `${formatNumber(by)} ${worse}, over` : 'within'} the allowed difference of ${formatNumber(query.maxDelta)}`);
  }
  if (query.maxRatio !== undefined) {
    const [worseSide, betterSide] = sign > 0 ? [meanC, meanB] : [meanB, meanC];
    // A zero (or negative) reference makes any worse value infinitely worse; equal values are a ratio of 1.
    const ratio = betterSide > 0 ? worseSide / betterSide : worseSide > betterSide ? Infinity : 1;
    const over = ratio > query.maxRatio;
    failed ||= over;
    reasons.push(`${head} — ${over ? `${Number.isFinite(ratio) ? `${formatNumber(ratio)}×` : 'infinitely'} ${worse}, over` : 'within'} the allowed ratio of ${formatNumber(query.maxRatio)}×`);
  }
  let pValue: number | undefined;
  if (query.test) {
    const oriented = (values: number[]) => values.map((v) => sign * v);
    pValue = mannWhitneyGreater(oriented(canary), oriented(baseline)).pValue;
    const significant = pValue < query.test.alpha;
    failed ||= significant;
    reasons.push(
      `${query.label}: Mann-Whitney U (one-sided) ${significant ? `says the canary is ${worse}` : `finds no evidence the canary is ${worse}`} — p = ${formatNumber(pValue)} ${significant ? '<' : '≥'} α ${query.test.alpha} (${canary.length} vs ${baseline.length} samples)`,
    );
  }
  return { ...base, outcome: failed ? 'fail' : 'pass', reasons, ...(pValue !== undefined ? { pValue } : {}) };
}

export function canaryVerdict(queries: readonly CanaryQuery[], samples: Readonly<Record<string, TrackSamples>>): CanaryVerdict {
  const judged = queries.map((q) => judgeQuery(q, samples[q.id] ?? { canary: [], baseline: [] }));
  return { outcome: judged.length > 0 && judged.every((q) => q.outcome === 'pass') ? 'pass' : 'fail', queries: judged };
}
