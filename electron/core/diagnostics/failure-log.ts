// Connector failures into the application log (so "Copy diagnostics" shows them), at most one line per kind of failure per
// window: an outage of hours must not fill the log any more than it may fill the timeline. The log itself redacts secrets.
import type { AppLog } from './app-log';

export type FailureLogger = (area: string, key: string, message: string, fields?: Record<string, unknown>) => void;

export function rateLimitedFailureLog(log: Pick<AppLog, 'warn'>, windowMs = 60_000, now: () => number = Date.now): FailureLogger {
  const seen = new Map<string, { at: number; suppressed: number }>();
  return (area, key, message, fields) => {
    const id = `${area}\u0000${key}`;
    const last = seen.get(id);
    const t = now();
    if (last && t - last.at < windowMs) {
      last.suppressed += 1;
      return;
    }
    log.warn(area, message, { ...fields, ...(last?.suppressed ? { similarSuppressed: last.suppressed } : {}) });
    seen.set(id, { at: t, suppressed: 0 });
    if (seen.size > 500) seen.delete(seen.keys().next().value!); // bounded: oldest kind first
  };
}
