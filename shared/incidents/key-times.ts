// Key incident times computed from the log — detected, acknowledged, mitigated, resolved — and the durations between them.
import type { IncidentEvent } from '../events';

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

/**
 * detected: first alert, or the declaration if no alert came first; acknowledged: first page acknowledgement;
 * mitigated: first move to "monitoring" (impact stopped, watching) or to "resolved"; resolved: the latest resolution,
 * cleared when the incident is reopened. Pure and non-mutating, so it folds under playback checkpoints.
 */
export function applyKeyTime(times: KeyTimes, e: IncidentEvent): KeyTimes {
  switch (e.type) {
    case 'incident.declared':
    case 'alert.fired': {
      const detected = earliest(times.detected, e.ts);
      return detected === times.detected ? times : { ...times, detected };
    }
    case 'page.acknowledged':
      return times.acknowledged ? times : { ...times, acknowledged: e.ts };
    case 'incident.status_changed': {
      const next = { ...times };
      if (e.payload.to === 'monitoring' || e.payload.to === 'resolved') next.mitigated ??= e.ts;
      if (e.payload.to === 'resolved') next.resolved = e.ts;
      else delete next.resolved;
      return next;
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
