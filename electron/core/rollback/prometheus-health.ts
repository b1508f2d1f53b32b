// Adapts the metrics capability's Prometheus client to the rollback's health query: one number from an instant query.
import type { MetricsService } from '../metrics/metrics-service';
import type { QueryHealth } from './health-verification';

export function prometheusHealthQuery(metrics: MetricsService): QueryHealth {
  return async (promql, signal) => {
    const { config } = await metrics.settings.current();
    const api = metrics.prometheus(config, undefined);
    if (!api) throw new Error('no Prometheus server is configured');
    const result = await api.instantQuery(promql, undefined, signal);
    if (result.resultType === 'scalar') return result.v;
    if (result.resultType === 'vector') {
      if (result.samples.length === 0) throw new Error('the query returned no samples');
      // Several series (e.g. one per instance): the worst one decides.
      return Math.max(...result.samples.map((s) => s.v));
    }
    throw new Error(`the query returned a ${result.resultType}, not a single number`);
  };
}
