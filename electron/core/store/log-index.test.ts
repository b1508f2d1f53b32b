// The offset index keeps byte offsets in 32 bits while they fit and widens to 64-bit floats past 4 GB, losing nothing.
import { expect, it } from 'vitest';
import { EventOffsets } from './log-index';

it('keeps every offset exact across growth and past 4 GB', () => {
  const offsets = new EventOffsets();
  const expected: [number, number][] = [];
  for (let i = 0; i < 3000; i++) {
    const offset = i < 2000 ? i * 250 : 2 ** 32 - 1000 + (i - 2000) * 700;
    offsets.push(i + 1, offset);
    expected.push([i + 1, offset]);
  }
  expect(offsets.length).toBe(3000);
  for (const [index, [seq, offset]] of expected.entries()) {
    expect(offsets.seqAt(index)).toBe(seq);
    expect(offsets.offsetAt(index)).toBe(offset);
  }
  expect(offsets.offsetAt(2999)).toBeGreaterThan(2 ** 32);
  expect(offsets.indexOf(2500)).toBe(2499);
  expect(offsets.lowerBound(4000)).toBe(3000);
});
