import { describe, expect, it } from 'vitest';
import { lttb } from './lttb';

function sine(n: number) {
  const t = new Float64Array(n);
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    t[i] = i * 1000;
    v[i] = Math.sin(i / 50) * 100;
  }
  return { t, v };
}

describe('lttb', () => {
  it('returns the input unchanged when it is already small enough', () => {
    expect(lttb({ t: [1, 2, 3], v: [5, 6, 7] }, 10)).toEqual({ t: [1, 2, 3], v: [5, 6, 7] });
  });

  it('keeps first, last and the spike, within the budget', () => {
    const n = 10_000;
    const t = Array.from({ length: n }, (_, i) => i);
    const v = t.map((i) => (i === 4321 ? 1000 : 1));
    const out = lttb({ t, v }, 100);
    expect(out.t.length).toBeLessThanOrEqual(100);
    expect(out.t[0]).toBe(0);
    expect(out.t.at(-1)).toBe(n - 1);
    expect(out.v).toContain(1000);
    expect([...out.t]).toEqual([...out.t].sort((a, b) => a - b));
  });

  it('keeps gaps as a non-finite point between runs', () => {
    const n = 2000;
    const t = Array.from({ length: n }, (_, i) => i);
    const v = t.map((i) => (i >= 1000 && i < 1100 ? NaN : i));
    const out = lttb({ t, v }, 100);
    const gapIndex = out.v.findIndex((x) => Number.isNaN(x));
    expect(gapIndex).toBeGreaterThan(0);
    expect(out.t[gapIndex]).toBe(1000);
    expect(out.v.filter((x) => Number.isNaN(x))).toHaveLength(1);
    expect(out.t.length).toBeLessThanOrEqual(102);
  });

  it('downsamples a million points to the budget, keeping both ends', () => {
    // Speed is measured by `npm run bench` as a ratio against the `downsample` package, never by a wall-clock bound here.
    const series = sine(1_000_000);
    const out = lttb(series, 1000);
    expect(out.t.length).toBe(1000);
    expect(out.t[0]).toBe(series.t[0]);
    expect(out.t[999]).toBe(series.t[999_999]);
  });
});
