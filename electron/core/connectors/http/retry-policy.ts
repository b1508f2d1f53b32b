// When to retry a connector request and how long to wait: Retry-After, rate-limit reset headers, else capped jittered exponential backoff.

export interface BackoffOptions {
  baseDelayMs: number;
  maxDelayMs: number;
  /** Server-requested waits longer than this are not honoured by sleeping; the request fails as unavailable instead. */
  maxServerWaitMs: number;
}

export const defaultBackoff: BackoffOptions = { baseDelayMs: 500, maxDelayMs: 30_000, maxServerWaitMs: 120_000 };

export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

export function isIdempotentMethod(method: string): boolean {
  return ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'].includes(method.toUpperCase());
}

/** Parses `Retry-After` as delay-seconds or an HTTP date; returns a wait in ms, or undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/**
 * Parses rate-limit reset headers. Jira's `X-RateLimit-Reset` is an ISO timestamp; PagerDuty's `ratelimit-reset` is seconds to wait.
 * A bare number above 10^9 is read as an epoch (seconds) since some gateways send that.
 */
export function parseRateLimitReset(headers: Headers, nowMs: number): number | undefined {
  const iso = headers.get('x-ratelimit-reset');
  if (iso) {
    const trimmed = iso.trim();
    if (/^\d+$/.test(trimmed)) {
      const n = Number(trimmed);
      return n > 1e9 ? Math.max(0, n * 1000 - nowMs) : n * 1000;
    }
    const at = Date.parse(trimmed);
    if (!Number.isNaN(at)) return Math.max(0, at - nowMs);
  }
  const seconds = headers.get('ratelimit-reset');
  if (seconds && /^\d+(\.\d+)?$/.test(seconds.trim())) return Math.round(Number(seconds.trim()) * 1000);
  return undefined;
}

/** The server's requested wait, if it gave one (Retry-After wins over reset headers). */
export function serverRequestedWait(headers: Headers, nowMs: number): number | undefined {
  return parseRetryAfter(headers.get('retry-after'), nowMs) ?? parseRateLimitReset(headers, nowMs);
}

/** "Full jitter" exponential backoff: uniform in [0, min(cap, base·2^attempt)], never below a tenth of the step. */
export function backoffDelay(attempt: number, random: () => number, options: BackoffOptions = defaultBackoff): number {
  const step = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step * (0.1 + 0.9 * random()));
}
