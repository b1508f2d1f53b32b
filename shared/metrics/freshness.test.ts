import { describe, expect, it } from 'vitest';
import { freshnessOf, nextPollDelay } from './freshness';

const now = Date.parse('2026-11-25T10:00:00.000Z');

describe('freshnessOf', () => {
  it('is live right after a good fetch', () => {
    expect(freshnessOf({ lastSuccessAt: now - 2000, hasData: true }, now, 5000, true)).toEqual({ state: 'live', capturedAt: new Date(now - 2000).toISOString() });
  });

  it('is stale when the last attempt failed, keeping when the data was captured', () => {
    const f = freshnessOf({ lastSuccessAt: now - 10_000, lastFailureAt: now - 1000, lastError: 'connection refused', hasData: true }, now, 5000, true);
    expect(f).toEqual({ state: 'stale', reason: 'connection refused', capturedAt: new Date(now - 10_000).toISOString() });
  });

  it('is stale when nothing fresh arrived for three intervals', () => {
    expect(freshnessOf({ lastSuccessAt: now - 16_000, hasData: true }, now, 5000, true).state).toBe('stale');
  });

  it('is captured in playback or without a server, and empty without data', () => {
    expect(freshnessOf({ lastSuccessAt: now - 1000, hasData: true }, now, 5000, false).state).toBe('captured');
    expect(freshnessOf({ hasData: true }, now, 5000, true).state).toBe('captured');
    expect(freshnessOf({ hasData: false, lastError: 'DNS' }, now, 5000, true)).toEqual({ state: 'empty', reason: 'DNS' });
  });
});

describe('nextPollDelay', () => {
  it('backs off exponentially up to a cap', () => {
    expect(nextPollDelay(5000, 0)).toBe(5000);
    expect(nextPollDelay(5000, 1)).toBe(10_000);
    expect(nextPollDelay(5000, 3)).toBe(40_000);
    expect(nextPollDelay(5000, 10)).toBe(60_000);
    expect(nextPollDelay(5000, 1, 60_000, 0.1)).toBe(11_000);
  });
});
