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

  it('holds the point budget when every other sample is a gap, and never bridges a gap', () => {
    const n = 200_000;
    const t = Array.from({ length: n }, (_, i) => i);
    const v = t.map((i) => (i % 2 === 1 ? NaN : Math.sin(i / 5000) * 100));
    const out = lttb({ t, v }, 1000);
    expect(out.t.length).toBeLessThanOrEqual(1000);
    expect(out.t.length).toBeGreaterThan(500);
    expect([...out.t]).toEqual([...out.t].sort((a, b) => a - b));
    // Between two kept finite points there was a gap in the input, so a NaN must separate them in the output.
    for (let k = 1; k < out.t.length; k++) {
      if (Number.isFinite(out.v[k]!) && Number.isFinite(out.v[k - 1]!)) throw new Error(`gap bridged between t=${out.t[k - 1]} and t=${out.t[k]}`);
    }
  });

  it('holds the point budget with 1% scattered gaps, keeping each gap visible', () => {
    const n = 300_000;
    const t = Array.from({ length: n }, (_, i) => i);
    const v = t.map((i) => (i % 100 === 50 ? NaN : Math.cos(i / 900) * 10));
    const out = lttb({ t, v }, 1000);
    expect(out.t.length).toBeLessThanOrEqual(1000);
    const keptGaps = out.v.filter((x) => Number.isNaN(x)).length;
    expect(keptGaps).toBeGreaterThan(0);
    // No two finite output points straddle an input gap without a NaN between them.
    for (let k = 1; k < out.t.length; k++) {
      if (!Number.isFinite(out.v[k]!) || !Number.isFinite(out.v[k - 1]!)) continue;
      for (let i = out.t[k - 1]! + 1; i < out.t[k]!; i++) if (Number.isNaN(v[i]!)) throw new Error(`gap at ${i} bridged`);
    }
  });

  it('uses its whole budget for gap-free data exactly as before', () => {
    const out = lttb(sine(50_000), 500);
    expect(out.t.length).toBe(500);
  });
});

