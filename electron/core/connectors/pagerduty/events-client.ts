// PagerDuty Events API v2: trigger / acknowledge / resolve an alert with a dedup key chosen by Firebreak, safe to repeat.
import type { HttpTransport } from '../http/http-transport';
import { parsePayload } from '../http/parse-payload';
import { EventAcceptedPayload } from './pagerduty-payloads';

export const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com';

/** The enqueue URL for an Events base given with or without its /v2 (or even the full /v2/enqueue) path. */
export function eventsEnqueueUrl(eventsUrl: string): string {
  const base = eventsUrl.trim().replace(/\/+$/, '').replace(/\/v2(\/enqueue)?$/i, '');
  return `${base}/v2/enqueue`;
}

export interface PagerDutyEvent {
  action: 'trigger' | 'acknowledge' | 'resolve';
  dedupKey: string;
  /** Required for trigger. */
  summary?: string;
  source?: string;
  severity?: 'critical' | 'error' | 'warning' | 'info';
  link?: { href: string; text: string };
}

export class PagerDutyEventsClient {
  constructor(
    private readonly http: HttpTransport,
    private readonly eventsUrl: string = PAGERDUTY_EVENTS_URL,
  ) {}

  async send(routingKey: string, event: PagerDutyEvent): Promise<{ dedupKey: string }> {
    const endpoint = 'POST /v2/enqueue';
    const body: Record<string, unknown> = { routing_key: routingKey, event_action: event.action, dedup_key: event.dedupKey, client: 'Firebreak' };
    if (event.action === 'trigger') {
      body.payload = { summary: event.summary ?? 'Firebreak incident', source: event.source ?? 'firebreak', severity: event.severity ?? 'error' };
      if (event.link) body.links = [event.link];
    }
    // The dedup key makes a repeated event a no-op at PagerDuty, so the transport may retry it.
    const res = await this.http.request({ method: 'POST', url: eventsEnqueueUrl(this.eventsUrl), endpoint, body, idempotencyKey: event.dedupKey });
    const accepted = parsePayload(EventAcceptedPayload, res.body, endpoint, 'PagerDuty Events');
    return { dedupKey: accepted.dedup_key ?? event.dedupKey };
  }
}
