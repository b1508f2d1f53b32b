import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mannWhitneyGreater } from './mann-whitney';

const sample = fc.array(fc.integer({ min: -50, max: 50 }).map((v) => v / 4), { minLength: 1, maxLength: 30 });
const distinct = (min: number, max: number) => fc.uniqueArray(fc.integer({ min: -10_000, max: 10_000 }), { minLength: min, maxLength: max });
const binomial = (n: number, k: number) => Array.from({ length: k }, (_, i) => (n - i) / (i + 1)).reduce((a, b) => a * b, 1);

describe('Mann-Whitney U, one-sided (x greater than y)', () => {
  // Reference values from scipy.stats.mannwhitneyu 1.17.1 (alternative="greater").
  it('matches scipy on known samples, exact and asymptotic with ties', () => {
    expect(mannWhitneyGreater([4, 5, 6], [1, 2, 3])).toMatchObject({ u: 9, method: 'exact' });
    expect(mannWhitneyGreater([4, 5, 6], [1, 2, 3]).pValue).toBeCloseTo(0.05, 12);
    expect(mannWhitneyGreater([1.2, 3.4, 2.2, 5.1, 4.4, 3.9, 6.0], [0.5, 1.1, 2.0, 0.9, 3.0, 1.7]).pValue).toBeCloseTo(0.006993006993006993, 12);
    const tied = mannWhitneyGreater([1, 2, 2, 3, 3, 3, 4, 5], [1, 1, 2, 2, 2, 3, 4]);
    expect(tied.method).toBe('normal');
    expect(tied.pValue).toBeCloseTo(0.1280898130710228, 5);
    const errorRatios = mannWhitneyGreater(
      Array(3).fill([0.02, 0.03, 0.05, 0.04, 0.06, 0.05, 0.07, 0.04, 0.05, 0.06]).flat(),
      Array(3).fill([0.01, 0.02, 0.01, 0.03, 0.02, 0.01, 0.02, 0.02, 0.01, 0.03]).flat(),
    );
    expect(errorRatios.pValue).toBeGreaterThan(4e-10);
    expect(errorRatios.pValue).toBeLessThan(8e-10);
  });

  it('gives a probability and a U between 0 and m·n, and U of x plus U of y is m·n', () => {
    fc.assert(
      fc.property(sample, sample, (x, y) => {
        const a = mannWhitneyGreater(x, y);
        const b = mannWhitneyGreater(y, x);
        expect(a.pValue).toBeGreaterThanOrEqual(0);
        expect(a.pValue).toBeLessThanOrEqual(1);
        expect(a.u).toBeGreaterThanOrEqual(0);
        expect(a.u).toBeLessThanOrEqual(x.length * y.length);
        expect(a.u + b.u).toBeCloseTo(x.length * y.length, 9);
        // Both one-sided tails contain the observed U, so together they cover at least everything.
        expect(a.pValue + b.pValue).toBeGreaterThanOrEqual(1 - 1e-6);
      }),
    );
  });

  it('depends only on ranks: a strictly increasing transform changes nothing', () => {
    fc.assert(
      fc.property(sample, sample, (x, y) => {
        const f = (v: number) => Math.exp(v / 10) * 3 + 7;
        const before = mannWhitneyGreater(x, y);
        const after = mannWhitneyGreater(x.map(f), y.map(f));
        expect(after.u).toBeCloseTo(before.u, 9);
        expect(after.pValue).toBeCloseTo(before.pValue, 9);
      }),
    );
  });

  it('reaches the smallest possible p exactly when every x is above every y, and never fires when x is below', () => {
    fc.assert(
      fc.property(distinct(1, 12), distinct(1, 12), (x, y) => {
        const lift = Math.max(...y) - Math.min(...x) + 1;
        const above = mannWhitneyGreater(x.map((v) => v + lift), y);
        expect(above.u).toBe(x.length * y.length);
        expect(above.pValue).toBeCloseTo(1 / binomial(x.length + y.length, x.length), 12);
        const below = mannWhitneyGreater(x.map((v) => v - (Math.max(...x) - Math.min(...y)) - 1), y);
        expect(below.u).toBe(0);
        expect(below.pValue).toBe(1);
      }),
    );
  });

  it('is monotone: raising one canary value never raises p (exact path, untied values)', () => {
    fc.assert(
      fc.property(distinct(2, 40), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 40 }), (values, cut, pick, raise) => {
        const split = 1 + (cut % (values.length - 1));
        const [x, y] = [values.slice(0, split), values.slice(split)];
        const i = pick % x.length;
        // Integers raised by n + 0.5 stay untied, so both p-values come from the exact distribution.
        const raised = x.map((v, j) => (j === i ? v + raise + 0.5 : v));
        expect(mannWhitneyGreater(raised, y).pValue).toBeLessThanOrEqual(mannWhitneyGreater(x, y).pValue + 1e-12);
      }),
    );
  });

  it('finds no evidence when every value is equal, and refuses empty samples', () => {
    expect(mannWhitneyGreater([0.1, 0.1, 0.1], [0.1, 0.1])).toMatchObject({ pValue: 1, u: 3 });
    expect(() => mannWhitneyGreater([], [1])).toThrow(/at least one value/);
  });

  it('exact and normal approximation agree for moderate untied samples', () => {
    fc.assert(
      fc.property(distinct(40, 40), (values) => {
        const x = values.slice(0, 20);
        const y = values.slice(20);
        const exact = mannWhitneyGreater(x, y);
        const approx = mannWhitneyGreater(x, y, 'normal');
        expect(exact.method).toBe('exact');
        expect(approx.method).toBe('normal');
        expect(Math.abs(exact.pValue - approx.pValue)).toBeLessThan(0.01);
      }),
      { numRuns: 30 },
    );
  });
});
