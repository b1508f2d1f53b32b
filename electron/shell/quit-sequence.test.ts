// The quit sequence's bound: a core that never finishes closing does not keep the app alive (the built-app tests on the
// stand-in prove the ordinary path: will-quit waits for core.close()).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeWithin } from './quit-sequence';

afterEach(() => vi.useRealTimers());

describe('closeWithin', () => {
  it('reports a close that finishes, and one that fails with its error', async () => {
    expect(await closeWithin(async () => undefined, 1000)).toEqual({ kind: 'closed' });
    const error = new Error('disk gone');
    expect(await closeWithin(() => Promise.reject(error), 1000)).toEqual({ kind: 'failed', error });
  });

  it('gives up on a close that hangs once the timeout passes, not before', async () => {
    vi.useFakeTimers();
    let settled = false;
    const outcome = closeWithin(() => new Promise<void>(() => undefined), 15_000).then((o) => {
      settled = true;
      return o;
    });
    await vi.advanceTimersByTimeAsync(14_999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toEqual({ kind: 'timed-out', afterMs: 15_000 });
  });
});
