// Whether what a panel shows is live, stale or only captured: the badge the pane shows must never overstate freshness.

export type FreshnessState = 'live' | 'stale' | 'captured' | 'empty';

export interface FetchHistory {
  /** Unix ms of the last successful fetch, if any. */
  lastSuccessAt?: number | undefined;
  /** Unix ms of the last failed fetch, if any, and why. */
  lastFailureAt?: number | undefined;
  lastError?: string | undefined;
  /** Whether any data (live or captured) is there to show. */
  hasData: boolean;
}

export interface Freshness {
  state: FreshnessState;
  /** When the data on screen was fetched (ISO), for the "captured at …" badge. */
  capturedAt?: string;
  /** Why it is stale, in words. */
  reason?: string;
}

/** Data older than this many refresh intervals is stale even without an error (the poller may be stuck or paused). */
export const STALE_AFTER_INTERVALS = 3;

export function freshnessOf(history: FetchHistory, nowMs: number, refreshMs: number, live: boolean): Freshness {
  const capturedAt = history.lastSuccessAt !== undefined ? new Date(history.lastSuccessAt).toISOString() : undefined;
  const withTime = (f: Freshness): Freshness => (capturedAt ? { ...f, capturedAt } : f);
  if (!history.hasData && history.lastError) return { state: 'empty', reason: history.lastError };
  if (!history.hasData) return { state: 'empty' };
  if (!live) return withTime({ state: 'captured' });
  if (history.lastFailureAt !== undefined && (history.lastSuccessAt === undefined || history.lastFailureAt >= history.lastSuccessAt)) {
    return withTime({ state: 'stale', reason: history.lastError ?? 'The last refresh failed' });
  }
  if (history.lastSuccessAt === undefined) return { state: 'captured' };
  const age = nowMs - history.lastSuccessAt;
  if (age > STALE_AFTER_INTERVALS * refreshMs) {
    return withTime({ state: 'stale', reason: `No fresh data for ${Math.round(age / 1000)} s` });
  }
  return withTime({ state: 'live' });
}

/** Delay before the next poll: the refresh interval while healthy, doubling per consecutive failure up to a cap. */
export function nextPollDelay(refreshMs: number, consecutiveFailures: number, capMs = 60_000, jitter = 0): number {
  if (consecutiveFailures <= 0) return refreshMs;
  const backoff = Math.min(capMs, refreshMs * 2 ** Math.min(consecutiveFailures, 16));
  return Math.round(backoff * (1 + Math.max(-0.5, Math.min(0.5, jitter))));
}
