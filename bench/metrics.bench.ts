// Metrics benchmarks: LTTB of 1M points to 1k (goal < 30 ms) and chart data for 10 panels, as ratios to a plain copy of the same arrays.
import { Bench } from 'tinybench';
import { buildChartData } from '../shared/metrics/chart-data';
import { lttb } from '../shared/metrics/lttb';
import type { MetricSeries } from '../shared/metrics/series';
import type { BenchResult } from './run';

function wave(n: number, phase: number): MetricSeries {
  const t = new Array<number>(n);
  const v = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    t[i] = 1_700_000_000_000 + i * 1000;
    v[i] = Math.sin(i / 500 + phase) * 100 + ((i * 7919) % 13);
  }
  return { labels: { instance: `i-${phase}` }, t, v };
}

function copy(series: readonly MetricSeries[]): number {
  let total = 0;
  for (const s of series) {
    const t = s.t.slice();
    const v = s.v.slice();
    total += t.length + v.length;
  }
  return total;
}

const ms = (task: { result?: unknown } | undefined): number => {
  const r = task?.result as { latency?: { mean?: number; p99?: number } } | undefined;
  return r?.latency?.mean ?? NaN;
};

export async function run(): Promise<BenchResult[]> {
  const million = wave(1_000_000, 0);
  // 10 panels × 3 series × 11,000 points: the most a range query may return per series.
  const panels = Array.from({ length: 10 }, (_, p) => Array.from({ length: 3 }, (_, s) => wave(11_000, p * 3 + s)));

  // Prometheus answers NaN for 0/0 ratios: every other sample a gap, and 1% scattered gaps.
  const alternating = { t: million.t, v: million.v.map((y, i) => (i % 2 === 1 ? NaN : y)) };
  const scattered = { t: million.t, v: million.v.map((y, i) => (i % 100 === 50 ? NaN : y)) };
  const bench = new Bench({ time: 1500, warmupTime: 300 });
  bench
    .add('copy 1M', () => copy([million]))
    .add('lttb 1M → 1k', () => lttb(million, 1000))
    .add('copy 10 panels', () => panels.reduce((n, series) => n + copy(series), 0))
    .add('chart data 10 panels @ 800 px', () => panels.reduce((n, series) => n + buildChartData(series, 800).rows.length, 0))
    .add('lttb 1M, every 2nd NaN → 1k', () => lttb(alternating, 1000))
    .add('lttb 1M, 1% NaN → 1k', () => lttb(scattered, 1000));
  await bench.run();
  const [copyMillion, lttbMillion, copyPanels, chartPanels, lttbAlternating, lttbScattered] = bench.tasks.map(ms) as [number, number, number, number, number, number];
  const points = (xy: { t: ArrayLike<number> }) => xy.t.length.toLocaleString('en');
  return [
    {
      name: 'LTTB 1,000,000 → 1,000 points',
      summary: `${lttbMillion.toFixed(2)} ms (goal < 30 ms), ${(lttbMillion / copyMillion).toFixed(2)}× a plain copy (${copyMillion.toFixed(2)} ms)`,
    },
    {
      name: 'LTTB 1,000,000 → 1,000 points with NaN gaps',
      summary: `every 2nd sample NaN: ${points(lttb(alternating, 1000))} points in ${lttbAlternating.toFixed(2)} ms; 1% NaN: ${points(lttb(scattered, 1000))} points in ${lttbScattered.toFixed(2)} ms (budget 1,000; ${(lttbScattered / copyMillion).toFixed(2)}× a plain copy)`,
    },
    {
      name: 'Chart data for 10 panels (3 × 11,000 points each, 800 px)',
      summary: `${chartPanels.toFixed(2)} ms, ${(chartPanels / copyPanels).toFixed(2)}× a plain copy (${copyPanels.toFixed(2)} ms)`,
    },
  ];
}
