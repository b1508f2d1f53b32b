// The incident's alerts from Alertmanager: polled with backoff, reconciled into alert.fired / alert.resolved timeline events.
import type { IncidentEvent, NewEvent } from '../../../shared/events';
import { alertConcernsIncident, firingFromEvents, reconcileAlerts, type ActiveAlert } from '../../../shared/metrics/alert-reconcile';
import { nextPollDelay } from '../../../shared/metrics/freshness';
import type { AlertmanagerApi, Silence } from '../connectors/prometheus/alertmanager-api';
import { failureOf, type Failure } from './panel-feed';

export const ALERTMANAGER_ACTOR = 'alertmanager';

export interface AlertContext {
  now(): number;
  refreshMs: number;
  services: readonly string[];
  serviceLabel: string;
  /** False once the incident is resolved: no new alert events are added to a closed incident. */
  reconcile: boolean;
  events(): readonly IncidentEvent[];
  append(events: NewEvent[]): Promise<unknown>;
}

export class AlertFeed {
  alerts: ActiveAlert[] = [];
  silences: Silence[] = [];
  lastSuccessAt: number | undefined;
  lastFailureAt: number | undefined;
  lastError: Failure | undefined;
  private failures = 0;
  private nextAttemptAt = 0;
  /** The previous successful fetch by fingerprint, so a vanished alert's resolution is dated from its last endsAt. */
  private lastSeen: Map<string, ActiveAlert> | undefined;
  private inFlight: Promise<boolean> | undefined;

  /**
   * One fetch and reconcile. The background watch and an open pane both call this: calls share the one in flight, because two
   * reconciles reading the log at once would both append the same alert.
   */
  refresh(api: AlertmanagerApi, ctx: AlertContext, force = false): Promise<boolean> {
    this.inFlight ??= this.refreshOnce(api, ctx, force).finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async refreshOnce(api: AlertmanagerApi, ctx: AlertContext, force: boolean): Promise<boolean> {
    if (!force && ctx.now() < this.nextAttemptAt) return this.lastError === undefined;
    let all: ActiveAlert[];
    let silences: Silence[];
    try {
      [all, silences] = await Promise.all([api.alerts(), api.silences()]);
    } catch (e) {
      this.lastError = failureOf(e);
      this.lastFailureAt = ctx.now();
      this.failures++;
      this.nextAttemptAt = ctx.now() + nextPollDelay(ctx.refreshMs, this.failures);
      return false;
    }
    this.alerts = all.filter((a) => alertConcernsIncident(a, ctx.services, ctx.serviceLabel)).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    this.silences = silences;
    this.lastSuccessAt = ctx.now();
    this.lastError = undefined;
    this.failures = 0;
    this.nextAttemptAt = 0;
    const previous = this.lastSeen && { alerts: this.lastSeen, now: ctx.now() };
    this.lastSeen = new Map(this.alerts.map((a) => [a.fingerprint, a]));
    if (ctx.reconcile) {
      const { fired, resolved } = reconcileAlerts(firingFromEvents(ctx.events(), ALERTMANAGER_ACTOR), this.alerts, ctx.serviceLabel, previous);
      const events: NewEvent[] = [
        ...fired.map((payload): NewEvent => ({ type: 'alert.fired', actor: ALERTMANAGER_ACTOR, payload })),
        ...resolved.map((payload): NewEvent => ({ type: 'alert.resolved', actor: ALERTMANAGER_ACTOR, payload })),
      ];
      if (events.length > 0) await ctx.append(events);
    }
    return true;
  }
}
