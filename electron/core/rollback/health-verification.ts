// Verifies a completed rollback with the service's health query: healthy once the value drops under the threshold within the window.
import type { RollbackPlan } from '../../../shared/rollback/rollback-plan';

/** Returns the current value of a PromQL expression (a scalar or the first sample); provided by the metrics capability. */
export type QueryHealth = (promql: string, signal: AbortSignal) => Promise<number>;

export interface Clock {
  now(): number;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      }, { once: true });
    }),
};

export type HealthVerdict =
  | { outcome: 'healthy' | 'unhealthy'; value: number; checks: number }
  | { outcome: 'error'; message: string }
  | { outcome: 'stopped' };

/** Polls until healthy or the window ends; at most ~10 checks per window, at least one second apart. */
export async function verifyHealth(health: NonNullable<RollbackPlan['health']>, query: QueryHealth, clock: Clock, signal: AbortSignal): Promise<HealthVerdict> {
  const windowMs = health.windowSeconds * 1000;
  const deadline = clock.now() + windowMs;
  const interval = Math.min(15_000, Math.max(1_000, Math.floor(windowMs / 10)));
  let checks = 0;
  for (;;) {
    if (signal.aborted) return { outcome: 'stopped' };
    let value: number;
    try {
      value = await query(health.promql, signal);
    } catch (e) {
      if (signal.aborted) return { outcome: 'stopped' };
      return { outcome: 'error', message: (e as Error).message };
    }
    checks++;
    if (!Number.isFinite(value)) return { outcome: 'error', message: `the query returned ${value}, not a number` };
    if (value < health.threshold) return { outcome: 'healthy', value, checks };
    if (clock.now() >= deadline) return { outcome: 'unhealthy', value, checks };
    await clock.sleep(Math.min(interval, Math.max(0, deadline - clock.now())), signal);
  }
}
