// Test support: the captures the crash test writes; capture k holds one point at its own timestamp with value k, so it can be found after any merge.
import { panelKey, type CapturedPanel, type CapturedRange } from '../../../../shared/metrics/capture-segment';

const T0 = 1_764_000_000;

const panels: CapturedPanel[] = ['sum(rate(http_requests_total{code=~"5.."}[1m]))', 'histogram_quantile(0.99, rate(checkout_latency_bucket[5m]))'].map((promql, i) => ({
  key: panelKey('prod', promql),
  title: `Panel ${i}`,
  promql,
  unit: '',
  serverId: 'prod',
  thresholds: [],
}));

export const crashCapture = {
  incident: '2026-11-25-checkout-5xx-c4a5h1',
  panels,
  /** Even captures go to the first panel, odd ones to the second. */
  panelOf: (k: number): CapturedPanel => panels[k % 2]!,
  range: (k: number): CapturedRange => ({
    panel: panels[k % 2]!,
    capturedAt: new Date((T0 + k) * 1000).toISOString(),
    start: T0 + k - 60,
    end: T0 + k,
    step: 15,
    series: [{ labels: { job: 'checkout' }, t: [(T0 + k) * 1000], v: [k] }],
    warnings: [],
  }),
  /** Which capture a point came from (the inverse of `range`). */
  captureOfPoint: (tMs: number): number => tMs / 1000 - T0,
};
