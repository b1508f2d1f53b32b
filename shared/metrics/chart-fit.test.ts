import { describe, expect, it } from 'vitest';
import type { ChartRow } from './chart-data';
import { fitChartRange, LEAD_IN_MS, MIN_SPAN_MS, panelTrend } from './chart-fit';

const min = 60_000;
const rows = (points: [number, number | null][]): ChartRow[] => points.map(([t, v]) => ({ t, s0: v }) as ChartRow);

describe('fitChartRange', () => {
  const range = { start: 0, end: 30 * min };
  it('starts at declaration minus the lead-in when data goes back further', () => {
    const declaredAt = 25 * min;
    expect(fitChartRange(range, declaredAt, rows([[0, 1]]))).toEqual([declaredAt - LEAD_IN_MS, 30 * min]);
  });
  it('starts at the first data point when data begins later', () => {
    expect(fitChartRange(range, 12 * min, rows([[20 * min, 1]]))).toEqual([20 * min, 30 * min]);
  });
  it('keeps a minimum span and never leaves the fetched range', () => {
    expect(fitChartRange(range, 30 * min + LEAD_IN_MS, rows([[29.5 * min, 1]]))).toEqual([30 * min - MIN_SPAN_MS, 30 * min]);
    expect(fitChartRange({ start: 29 * min, end: 30 * min }, 0, [])).toEqual([29 * min, 30 * min]);
  });
});

describe('panelTrend', () => {
  const lines = [{ dataKey: 's0', legend: 'p99' }];
  it('reports the latest value and the change over the window', () => {
    const t = panelTrend(rows([[0, 1], [5 * min, 2], [9 * min, 4], [10 * min, null]]), lines);
    expect(t).toEqual({ legend: 'p99', latest: 4, at: 9 * min, change: 3, direction: 'up' });
  });
  it('calls a tiny change flat, and has no trend without an earlier value', () => {
    expect(panelTrend(rows([[0, 100], [6 * min, 101]]), lines)?.direction).toBe('flat');
    expect(panelTrend(rows([[0, 5]]), lines)).toMatchObject({ latest: 5, change: undefined, direction: undefined });
  });
  it('has nothing to say without values', () => {
    expect(panelTrend(rows([[0, null]]), lines)).toBeUndefined();
    expect(panelTrend([], [])).toBeUndefined();
  });
});
