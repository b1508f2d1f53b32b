// Key incident times computed from the log — detected, acknowledged, mitigated, resolved — and the durations between them.
import type { IncidentEvent } from '../events';
import { happenedTime } from '../timeline/happened-at';

export interface KeyTimes {
  detected?: string;
  acknowledged?: string;
  mitigated?: string;
  resolved?: string;
}

export interface KeyDurations {
  timeToAcknowledgeMs?: number;
  timeToMitigateMs?: number;
  timeToResolveMs?: number;
}

const earliest = (a: string | undefined, b: string): string => (a === undefined || b < a ? b : a);

const withEarliest = (times: KeyTimes, key: keyof KeyTimes, at: string): KeyTimes => {
  const next = earliest(times[key], at);
  return next === times[key] ? times : { ...times, [key]: next };
};

/**
 * Key times from the evidence in the log, each the earliest time it happened (events can arrive late and out of order):
 * - detected: the first alert's own start (Alertmanager startsAt), or the declaration if no alert came first;
 * - acknowledged: the first acknowledgement — a page acknowledged, PagerDuty's acknowledge log entry (its own time), or the
 *   first status change (someone is working on it);
 * - mitigated: a rollback verified healthy, or the first move to "monitoring" (impact stopped, watching) or "resolved";
 * - resolved: the latest resolution, cleared when the incident is reopened.
 * Pure and non-mutating, so it folds under playback checkpoints.
 */
export function applyKeyTime(times: KeyTimes, e: IncidentEvent): KeyTimes {
  switch (e.type) {
    case 'incident.declared':
      return withEarliest(times, 'detected', e.ts);
    case 'alert.fired':
      return withEarliest(times, 'detected', happenedTime(e));
    case 'page.acknowledged':
      return withEarliest(times, 'acknowledged', e.ts);
    case 'pagerduty.log_entry_imported':
      return e.payload.entryType === 'acknowledge_log_entry' ? withEarliest(times, 'acknowledged', happenedTime(e)) : times;
    case 'rollback.verified':
      return e.payload.outcome === 'healthy' ? withEarliest(times, 'mitigated', e.ts) : times;
    case 'incident.status_changed': {
      let next = withEarliest(times, 'acknowledged', e.ts);
      if (e.payload.to === 'monitoring' || e.payload.to === 'resolved') next = withEarliest(next, 'mitigated', e.ts);
      if (e.payload.to === 'resolved') return { ...next, resolved: e.ts };
      if (next.resolved === undefined) return next;
      const { resolved: _reopened, ...open } = next;
      return open;
    }
    default:
      return times;
  }
}

export const keyTimes = (events: readonly IncidentEvent[]): KeyTimes => events.reduce(applyKeyTime, {} as KeyTimes);

export function keyDurations(times: KeyTimes): KeyDurations {
  const since = (t: string | undefined) => (t && times.detected ? Date.parse(t) - Date.parse(times.detected) : undefined);
  const d: KeyDurations = {};
  const tta = since(times.acknowledged);
  const ttm = since(times.mitigated);
  const ttr = since(times.resolved);
  if (tta !== undefined) d.timeToAcknowledgeMs = tta;
  if (ttm !== undefined) d.timeToMitigateMs = ttm;
  if (ttr !== undefined) d.timeToResolveMs = ttr;
  return d;
}
