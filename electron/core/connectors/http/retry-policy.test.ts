// Tests for Retry-After / rate-limit reset parsing and jittered backoff.
import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRateLimitReset, parseRetryAfter, serverRequestedWait } from './retry-policy';

const now = Date.parse('2026-11-25T12:00:00Z');

describe('retry policy', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('reads Jira ISO X-RateLimit-Reset, epoch seconds and PagerDuty ratelimit-reset seconds', () => {
    expect(parseRateLimitReset(new Headers({ 'X-RateLimit-Reset': '2026-11-25T12:00:05Z' }), now)).toBe(5000);
    expect(parseRateLimitReset(new Headers({ 'X-RateLimit-Reset': String(now / 1000 + 9) }), now)).toBe(9000);
    expect(parseRateLimitReset(new Headers({ 'ratelimit-reset': '3' }), now)).toBe(3000);
    expect(parseRateLimitReset(new Headers({}), now)).toBeUndefined();
  });

  it('prefers Retry-After over reset headers', () => {
    expect(serverRequestedWait(new Headers({ 'Retry-After': '2', 'ratelimit-reset': '50' }), now)).toBe(2000);
  });

  it('grows exponentially with jitter and stays under the cap', () => {
    const opts = { baseDelayMs: 100, maxDelayMs: 1000, maxServerWaitMs: 5000 };
    expect(backoffDelay(1, () => 1, opts)).toBe(100);
    expect(backoffDelay(3, () => 1, opts)).toBe(400);
    expect(backoffDelay(10, () => 1, opts)).toBe(1000);
    expect(backoffDelay(3, () => 0, opts)).toBe(40);
  });
});
