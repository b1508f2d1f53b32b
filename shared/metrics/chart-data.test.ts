import { describe, expect, it } from 'vitest';
import { buildChartData } from './chart-data';

describe('buildChartData', () => {
  it('joins series on time, turns non-finite values into gaps and names lines', () => {
    const data = buildChartData(
      [
        { labels: { __name__: 'up', job: 'a' }, t: [1, 2, 3], v: [1, NaN, 3] },
        { labels: { __name__: 'up', job: 'b' }, t: [2, 3], v: [5, 6] },
      ],
      800,
    );
    expect(data.lines).toEqual([
      { dataKey: 's0', legend: 'up{job="a"}' },
      { dataKey: 's1', legend: 'up{job="b"}' },
    ]);
    expect(data.rows).toEqual([
      { t: 1, s0: 1 },
      { t: 2, s0: null, s1: 5 },
      { t: 3, s0: 3, s1: 6 },
    ]);
  });

  it('downsamples huge series to the width and caps the number of lines', () => {
    const n = 50_000;
    const t = Array.from({ length: n }, (_, i) => i * 1000);
    const series = Array.from({ length: 20 }, (_, k) => ({ labels: { k: String(k) }, t, v: t.map((x) => Math.sin(x / 1e6 + k)) }));
    const data = buildChartData(series, 400);
    expect(data.lines).toHaveLength(12);
    expect(data.omittedSeries).toBe(8);
    expect(data.pointsIn).toBe(12 * n);
    expect(data.pointsOut).toBeLessThanOrEqual(12 * 400);
  });
});
