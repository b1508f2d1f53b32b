// Samples every analysis query for canary and baseline over a window with Prometheus range queries (the chart needs the series).
import type { AnalysisSeries } from '../../../../shared/events/hotfix-rollout-events';
import type { TrackSamples } from '../../../../shared/hotfix/canary-verdict';
import { queryFor, type CanaryAnalysis } from '../../../../shared/hotfix/rollout-config';
import type { MetricSeries } from '../../../../shared/metrics/series';
import type { MetricsService } from '../../metrics/metrics-service';

/** A PromQL range query: start and end in Unix seconds, step in seconds. Throws when Prometheus cannot answer. */
export type QueryRange = (promql: string, startSec: number, endSec: number, stepSec: number, signal: AbortSignal) => Promise<MetricSeries[]>;

/** The metrics capability's configured (default) Prometheus; throws a clear message when none is configured. */
export function prometheusRangeQuery(metrics: MetricsService): QueryRange {
  return async (promql, start, end, step, signal) => {
    const { config } = await metrics.settings.current();
    const api = metrics.prometheus(config, undefined);
    if (!api) throw new Error('no Prometheus server is configured (Settings → Metrics)');
    return (await api.rangeQuery(promql, start, end, step, signal)).series;
  };
}

export interface WindowSamples {
  samples: Record<string, TrackSamples>;
  series: AnalysisSeries[];
}

const MAX_POINTS = 720;

/** Finite points of every series of a track, in time order; several series (e.g. one per pod) are all samples. */
function pointsOf(series: MetricSeries[]): [number, number][] {
  const points: [number, number][] = [];
  for (const s of series) s.t.forEach((t, i) => Number.isFinite(s.v[i]) && points.push([t, s.v[i]!]));
  return points.sort((a, b) => a[0] - b[0]);
}

/** Keeps every n-th point so the event stays small; the verdict still sees every sample. */
const thin = (points: [number, number][]) => (points.length <= MAX_POINTS ? points : points.filter((_, i) => i % Math.ceil(points.length / MAX_POINTS) === 0));

export async function sampleWindow(analysis: CanaryAnalysis, fromMs: number, toMs: number, queryRange: QueryRange, signal: AbortSignal): Promise<WindowSamples> {
  const start = Math.floor(fromMs / 1000);
  const end = Math.max(start, Math.floor(toMs / 1000));
  const samples: Record<string, TrackSamples> = {};
  const series: AnalysisSeries[] = [];
  for (const query of analysis.queries) {
    const [canary, baseline] = await Promise.all([
      queryRange(queryFor(query, 'canary'), start, end, analysis.stepSeconds, signal).then(pointsOf),
      queryRange(queryFor(query, 'baseline'), start, end, analysis.stepSeconds, signal).then(pointsOf),
    ]);
    samples[query.id] = { canary: canary.map((p) => p[1]), baseline: baseline.map((p) => p[1]) };
    series.push({ queryId: query.id, label: query.label, unit: query.unit, canary: thin(canary), baseline: thin(baseline) });
  }
  return { samples, series };
}
