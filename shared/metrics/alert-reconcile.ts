// Turns Alertmanager's current alerts into timeline events: newly firing and resolved alerts, deduplicated by fingerprint.
import { z } from 'zod';
import type { IncidentEvent } from '../events';
import { ServiceName } from '../events/incident-events';

export const ActiveAlert = z.object({
  fingerprint: z.string(),
  alertname: z.string(),
  labels: z.record(z.string(), z.string()),
  annotations: z.record(z.string(), z.string()),
  startsAt: z.string(),
  endsAt: z.string(),
  /** Alertmanager's state: suppressed means silenced or inhibited, still firing. */
  state: z.enum(['unprocessed', 'active', 'suppressed']),
  silencedBy: z.array(z.string()),
  inhibitedBy: z.array(z.string()),
  generatorURL: z.string().optional(),
});
export type ActiveAlert = z.infer<typeof ActiveAlert>;

export interface FiringAlert {
  alertname: string;
  firedAt: string;
  seq: number;
}

/**
 * Alerts the timeline currently considers firing: a fold of alert.fired / alert.resolved by fingerprint. With `actor`, only
 * that source's events count, so reconciling Alertmanager never resolves an alert another connector reported.
 */
export function firingFromEvents(events: readonly IncidentEvent[], actor?: string): Map<string, FiringAlert> {
  const firing = new Map<string, FiringAlert>();
  for (const e of events) {
    if (actor !== undefined && e.actor !== actor) continue;
    if (e.type === 'alert.fired' && e.payload.fingerprint) firing.set(e.payload.fingerprint, { alertname: e.payload.alertname, firedAt: e.ts, seq: e.seq });
    else if (e.type === 'alert.resolved' && e.payload.fingerprint) firing.delete(e.payload.fingerprint);
  }
  return firing;
}

/** Whether an alert concerns the incident: its service label names one of the incident's services (any alert if none listed). */
export function alertConcernsIncident(alert: Pick<ActiveAlert, 'labels'>, services: readonly string[], serviceLabel: string): boolean {
  if (services.length === 0) return true;
  const service = alert.labels[serviceLabel];
  return service !== undefined && services.includes(service);
}

export type AlertFiredPayload = Extract<IncidentEvent, { type: 'alert.fired' }>['payload'];
export type AlertResolvedPayload = Extract<IncidentEvent, { type: 'alert.resolved' }>['payload'];

/** Alertmanager's RFC 3339 times (nanoseconds, offsets) in the UTC millisecond form the log uses; undefined if unreadable. */
export function alertTime(at: string | undefined): string | undefined {
  const ms = at === undefined ? NaN : Date.parse(at);
  // Go's zero time ("0001-01-01T00:00:00Z") means "not set".
  return Number.isNaN(ms) || ms <= 0 ? undefined : new Date(ms).toISOString();
}

export function firedPayload(alert: ActiveAlert, serviceLabel: string): AlertFiredPayload {
  const service = ServiceName.safeParse(alert.labels[serviceLabel]);
  const payload: AlertFiredPayload = {
    alertname: alert.alertname,
    summary: alert.annotations.summary ?? alert.annotations.description ?? alert.alertname,
    fingerprint: alert.fingerprint,
    labels: alert.labels,
    annotations: alert.annotations,
  };
  if (service.success) payload.service = service.data;
  if (alert.labels.severity) payload.severity = alert.labels.severity;
  const startsAt = alertTime(alert.startsAt);
  const endsAt = alertTime(alert.endsAt);
  if (startsAt) payload.startsAt = startsAt;
  if (endsAt) payload.endsAt = endsAt;
  return payload;
}

/**
 * When a vanished alert stopped firing: Alertmanager stops listing an alert once its endsAt has passed, so the last endsAt we
 * saw, if already past, is the time; otherwise it ended between that poll and this one, and `now` is the honest upper bound.
 */
export function resolvedAt(lastSeen: ActiveAlert | undefined, now: number): string | undefined {
  if (!lastSeen) return undefined;
  const endsAt = alertTime(lastSeen.endsAt);
  return endsAt !== undefined && Date.parse(endsAt) <= now ? endsAt : new Date(now).toISOString();
}

/**
 * What to append so the timeline matches Alertmanager: alerts firing now but not on the timeline fire; alerts on the
 * timeline that Alertmanager no longer reports resolve. Call only with a successful fetch: an outage resolves nothing.
 */
export function reconcileAlerts(
  onTimeline: ReadonlyMap<string, FiringAlert>,
  current: readonly ActiveAlert[],
  serviceLabel: string,
  /** The alerts of the previous successful fetch and the time of this one, to date resolutions; without them none is dated. */
  previous?: { alerts: ReadonlyMap<string, ActiveAlert>; now: number },
): { fired: AlertFiredPayload[]; resolved: AlertResolvedPayload[] } {
  const now = new Map(current.map((a) => [a.fingerprint, a]));
  const fired = [...now.values()].filter((a) => !onTimeline.has(a.fingerprint)).map((a) => firedPayload(a, serviceLabel));
  const resolved: AlertResolvedPayload[] = [];
  for (const [fingerprint, alert] of onTimeline) {
    if (now.has(fingerprint)) continue;
    const endsAt = previous && resolvedAt(previous.alerts.get(fingerprint), previous.now);
    resolved.push({ alertname: alert.alertname, fingerprint, ...(endsAt ? { endsAt } : {}) });
  }
  return { fired, resolved };
}
