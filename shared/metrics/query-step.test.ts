import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alignRange, chooseStep, MAX_POINTS_PER_SERIES, pointsFor } from './query-step';

describe('chooseStep', () => {
  it('gives about one point per pixel on a nice step', () => {
    // 1 hour over 720 px: 5 s per pixel.
    expect(chooseStep(3600, 720)).toBe(5);
    expect(pointsFor(3600, chooseStep(3600, 720))).toBeLessThanOrEqual(721);
    // 90 minutes over 800 px: 6.75 s → next nice step is 10 s.
    expect(chooseStep(5400, 800)).toBe(10);
  });

  it('never goes below the minimum step', () => {
    expect(chooseStep(60, 1000, { minStepSeconds: 15 })).toBe(15);
  });

  it('never exceeds 11,000 points whatever the range and width', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 10 * 365 * 86400, noNaN: true }), fc.integer({ min: 0, max: 100_000 }), (range, width) => {
        const step = chooseStep(range, width);
        expect(pointsFor(range, step)).toBeLessThanOrEqual(MAX_POINTS_PER_SERIES);
        const aligned = alignRange(1_700_000_000, 1_700_000_000 + range, step);
        expect(pointsFor(aligned.end - aligned.start, step)).toBeLessThanOrEqual(MAX_POINTS_PER_SERIES);
      }),
    );
  });

  it('copes with empty and nonsense ranges', () => {
    expect(chooseStep(0, 800)).toBe(1);
    expect(chooseStep(NaN, 800)).toBe(1);
    expect(chooseStep(3600, NaN)).toBeGreaterThan(0);
  });
});

describe('alignRange', () => {
  it('snaps to the step grid without reaching into the future', () => {
    expect(alignRange(1003, 1047, 10)).toEqual({ start: 1000, end: 1040 });
    expect(alignRange(1003, 1005, 10)).toEqual({ start: 1000, end: 1000 });
  });
});
