import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareHlc, decodeHlc, encodeHlc, HLC_ZERO, receive, tick, type Hlc } from './hlc';

const wall = fc.integer({ min: 0, max: 4_000_000_000_000 });
const hlc = fc.record({ wall, counter: fc.integer({ min: 0, max: 99_999 }) });

describe('hybrid logical clock', () => {
  it('a local tick is strictly after the last value and never behind physical time', () => {
    fc.assert(fc.property(hlc, wall, (last, now) => {
      const next = tick(last, now);
      expect(compareHlc(next, last)).toBeGreaterThan(0);
      expect(next.wall).toBeGreaterThanOrEqual(now);
    }));
  });

  it('receiving is strictly after both the local and the remote value', () => {
    fc.assert(fc.property(hlc, hlc, wall, (last, remote, now) => {
      const next = receive(last, remote, now);
      expect(compareHlc(next, last)).toBeGreaterThan(0);
      expect(compareHlc(next, remote)).toBeGreaterThan(0);
      expect(next.wall).toBe(Math.max(last.wall, remote.wall, now));
    }));
  });

  it('encoded values sort exactly like the clocks', () => {
    fc.assert(fc.property(hlc, hlc, (a, b) => {
      const byText = encodeHlc(a) < encodeHlc(b) ? -1 : encodeHlc(a) > encodeHlc(b) ? 1 : 0;
      expect(byText).toBe(Math.sign(compareHlc(a, b)));
      expect(decodeHlc(encodeHlc(a))).toEqual(a);
    }));
  });

  it('a chain of sends and receives between laptops with skewed clocks keeps causality', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: -5000, max: 5000 })), { maxLength: 50 }), (steps) => {
      let a: Hlc = HLC_ZERO;
      let b: Hlc = HLC_ZERO;
      let t = 1_700_000_000_000;
      for (const [aSends, skew] of steps) {
        t += 1;
        if (aSends) {
          a = tick(a, t + skew);
          b = receive(b, a, t);
          expect(compareHlc(b, a)).toBeGreaterThan(0);
        } else {
          b = tick(b, t);
          a = receive(a, b, t + skew);
          expect(compareHlc(a, b)).toBeGreaterThan(0);
        }
      }
    }));
  });

  it('rejects text that is not a clock value', () => {
    expect(() => decodeHlc('12:00')).toThrow(/hybrid logical clock/);
  });
});
