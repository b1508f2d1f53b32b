// PagerDuty REST v2 client over the shared transport: incidents, notes, status updates, on-call and log entries.
import { hasIntentMarker, markerFooter } from '../../../../shared/connectors/intent-marker';
import type { HttpMethod, HttpTransport, QueryValue } from '../http/http-transport';
import { collect, morePages } from '../http/paginate';
import { parsePayload } from '../http/parse-payload';
import {
  AbilitiesPayload,
  IncidentListPayload,
  LogEntriesPayload,
  NotesPayload,
  OncallListPayload,
  OneIncidentPayload,
  OneNotePayload,
  OneServicePayload,
  ServiceListPayload,
  StatusUpdatePayload,
  type IncidentPayload,
} from './pagerduty-payloads';

export const PAGERDUTY_API_URL = 'https://api.pagerduty.com';

export interface PagerDutyCredentials {
  apiUrl: string;
  apiToken: string;
  /** Email of a PagerDuty user; required by PagerDuty on every write. */
  fromEmail: string;
}

export interface PdIncident {
  id: string;
  number?: number;
  title: string;
  status: 'triggered' | 'acknowledged' | 'resolved';
  urgency?: 'high' | 'low';
  url?: string;
  createdAt?: string;
  serviceId?: string;
  serviceName?: string;
  assignees: string[];
}

export interface PdIncidentFilter {
  serviceIds?: readonly string[];
  statuses?: readonly ('triggered' | 'acknowledged' | 'resolved')[];
  urgencies?: readonly ('high' | 'low')[];
  /** ISO date-times; PagerDuty's own range applies when omitted. */
  since?: string;
  until?: string;
  offset?: number;
  limit?: number;
}

export interface PdIncidentPage {
  incidents: PdIncident[];
  more: boolean;
  nextOffset?: number;
}

export interface PdNote {
  id: string;
  content: string;
  author: string;
  createdAt?: string;
}

export interface PdLogEntry {
  id: string;
  type: string;
  summary: string;
  agent?: string;
  createdAt: string;
}

export interface PdOncall {
  serviceId: string;
  serviceName: string;
  user: string;
  escalationLevel?: number;
  until?: string;
}

export class PagerDutyClient {
  private readonly base: string;

  constructor(
    private readonly http: HttpTransport,
    private readonly credentials: PagerDutyCredentials,
  ) {
    this.base = credentials.apiUrl.replace(/\/+$/, '');
  }

  private async call(
    method: HttpMethod,
    path: string,
    endpoint: string,
    options: { query?: Record<string, QueryValue>; body?: unknown; signal?: AbortSignal } = {},
  ): Promise<unknown> {
    const headers: Record<string, string> = {
      Authorization: `Token token=${this.credentials.apiToken}`,
      Accept: 'application/vnd.pagerduty+json;version=2',
      'Content-Type': 'application/json',
    };
    if (method !== 'GET') headers.From = this.credentials.fromEmail;
    const res = await this.http.request({ method, url: this.base + path, endpoint: `${method} ${endpoint}`, headers, ...options });
    return res.body;
  }

  private parse<S extends Parameters<typeof parsePayload>[0]>(schema: S, body: unknown, method: HttpMethod, endpoint: string) {
    return parsePayload(schema, body, `${method} ${endpoint}`, 'PagerDuty');
  }

  private toIncident(p: IncidentPayload): PdIncident {
    return {
      id: p.id,
      ...(p.incident_number !== undefined ? { number: p.incident_number } : {}),
      title: p.title ?? p.summary ?? p.id,
      status: p.status,
      ...(p.urgency ? { urgency: p.urgency } : {}),
      ...(p.html_url ? { url: p.html_url } : {}),
      ...(p.created_at ? { createdAt: p.created_at } : {}),
      ...(p.service ? { serviceId: p.service.id, serviceName: p.service.summary ?? p.service.id } : {}),
      assignees: (p.assignments ?? []).map((a) => a.assignee.summary ?? a.assignee.id),
    };
  }

  async abilities(signal?: AbortSignal): Promise<string[]> {
    const e = '/abilities';
    return this.parse(AbilitiesPayload, await this.call('GET', e, e, { signal }), 'GET', e).abilities;
  }

  async services(query?: string): Promise<{ id: string; name: string; escalationPolicyId: string }[]> {
    const e = '/services';
    const all = await collect(
      morePages(async (offset) => {
        const page = this.parse(ServiceListPayload, await this.call('GET', e, e, { query: { query, offset, limit: 100 } }), 'GET', e);
        return { items: page.services, more: page.more, offset: page.offset };
      }, 10),
    );
    return all.map((s) => ({ id: s.id, name: s.name ?? s.summary ?? s.id, escalationPolicyId: s.escalation_policy.id }));
  }

  /**
   * One page of incidents, filtered by PagerDuty itself (statuses, services, urgency, since/until), newest first.
   * One page per call: a busy account can say `more: true` for a very long time, so the caller asks for the next page.
   */
  async incidentPage(filter: PdIncidentFilter): Promise<PdIncidentPage> {
    const e = '/incidents';
    const list = (values: readonly string[] | undefined) => (values && values.length > 0 ? [...values] : undefined);
    const offset = filter.offset ?? 0;
    const body = await this.call('GET', e, e, {
      query: {
        'statuses[]': list(filter.statuses),
        'service_ids[]': list(filter.serviceIds),
        'urgencies[]': list(filter.urgencies),
        since: filter.since,
        until: filter.until,
        sort_by: 'created_at:desc',
        offset,
        limit: filter.limit ?? 25,
      },
    });
    const page = this.parse(IncidentListPayload, body, 'GET', e);
    const incidents = page.incidents.map((i) => this.toIncident(i));
    const more = page.more === true && incidents.length > 0;
    return { incidents, more, ...(more ? { nextOffset: (page.offset ?? offset) + incidents.length } : {}) };
  }

  /** The newest triggered and acknowledged incidents of the given services (the first page; see incidentPage for more). */
  async openIncidents(serviceIds: readonly string[]): Promise<PdIncident[]> {
    return (await this.incidentPage({ serviceIds, statuses: ['triggered', 'acknowledged'], limit: 100 })).incidents;
  }

  async incident(id: string): Promise<PdIncident> {
    const e = '/incidents/{id}';
    return this.toIncident(this.parse(OneIncidentPayload, await this.call('GET', `/incidents/${encodeURIComponent(id)}`, e), 'GET', e).incident);
  }

  /** Acknowledge or resolve; a PUT of the same status is harmless to repeat. */
  async setStatus(id: string, status: 'acknowledged' | 'resolved', resolution?: string): Promise<PdIncident> {
    const e = '/incidents/{id}';
    const body = { incident: { type: 'incident_reference', status, ...(resolution && status === 'resolved' ? { resolution } : {}) } };
    return this.toIncident(this.parse(OneIncidentPayload, await this.call('PUT', `/incidents/${encodeURIComponent(id)}`, e, { body }), 'PUT', e).incident);
  }

  async reassign(id: string, userIds: readonly string[]): Promise<PdIncident> {
    const e = '/incidents/{id}';
    const body = { incident: { type: 'incident_reference', assignments: userIds.map((u) => ({ assignee: { id: u, type: 'user_reference' } })) } };
    return this.toIncident(this.parse(OneIncidentPayload, await this.call('PUT', `/incidents/${encodeURIComponent(id)}`, e, { body }), 'PUT', e).incident);
  }

  async notes(id: string): Promise<PdNote[]> {
    const e = '/incidents/{id}/notes';
    const page = this.parse(NotesPayload, await this.call('GET', `/incidents/${encodeURIComponent(id)}/notes`, e), 'GET', e);
    return page.notes.map((n) => ({ id: n.id, content: n.content, author: n.user?.summary ?? n.user?.id ?? 'unknown', ...(n.created_at ? { createdAt: n.created_at } : {}) }));
  }

  async addNote(id: string, content: string, intentKey: string): Promise<PdNote> {
    const e = '/incidents/{id}/notes';
    const body = await this.call('POST', `/incidents/${encodeURIComponent(id)}/notes`, e, { body: { note: { content: `${content}\n\n${markerFooter(intentKey)}` } } });
    const n = this.parse(OneNotePayload, body, 'POST', e).note;
    return { id: n.id, content: n.content, author: n.user?.summary ?? 'unknown', ...(n.created_at ? { createdAt: n.created_at } : {}) };
  }

  async findNoteByIntent(id: string, intentKey: string): Promise<PdNote | undefined> {
    return (await this.notes(id)).find((n) => hasIntentMarker(n.content, intentKey));
  }

  async statusUpdate(id: string, message: string): Promise<{ id?: string }> {
    const e = '/incidents/{id}/status_updates';
    const body = await this.call('POST', `/incidents/${encodeURIComponent(id)}/status_updates`, e, { body: { message } });
    const su = this.parse(StatusUpdatePayload, body, 'POST', e).status_update;
    return su.id ? { id: su.id } : {};
  }

  async logEntries(id: string): Promise<PdLogEntry[]> {
    const e = '/incidents/{id}/log_entries';
    const all = await collect(
      morePages(async (offset) => {
        const body = await this.call('GET', `/incidents/${encodeURIComponent(id)}/log_entries`, e, { query: { offset, limit: 100, is_overview: true } });
        const page = this.parse(LogEntriesPayload, body, 'GET', e);
        return { items: page.log_entries, more: page.more, offset: page.offset };
      }, 20),
    );
    return all.map((l) => ({ id: l.id, type: l.type, summary: l.summary ?? l.type, ...(l.agent?.summary ? { agent: l.agent.summary } : {}), createdAt: l.created_at }));
  }

  /** Who is on call right now for each service, through the service's escalation policy. */
  async oncallForServices(serviceIds: readonly string[]): Promise<PdOncall[]> {
    const services = await Promise.all(
      serviceIds.map(async (sid) => {
        const e = '/services/{id}';
        const s = this.parse(OneServicePayload, await this.call('GET', `/services/${encodeURIComponent(sid)}`, e), 'GET', e).service;
        return { id: s.id, name: s.name ?? s.summary ?? s.id, policy: s.escalation_policy.id };
      }),
    );
    if (services.length === 0) return [];
    const e = '/oncalls';
    const oncalls = await collect(
      morePages(async (offset) => {
        const body = await this.call('GET', e, e, { query: { 'escalation_policy_ids[]': [...new Set(services.map((s) => s.policy))], offset, limit: 100 } });
        const page = this.parse(OncallListPayload, body, 'GET', e);
        return { items: page.oncalls, more: page.more, offset: page.offset };
      }, 10),
    );
    return services.flatMap((s) =>
      oncalls
        .filter((o) => o.escalation_policy.id === s.policy && o.user)
        .map((o) => ({
          serviceId: s.id,
          serviceName: s.name,
          user: o.user!.summary ?? o.user!.id,
          ...(o.escalation_level !== undefined ? { escalationLevel: o.escalation_level } : {}),
          ...(o.end ? { until: o.end } : {}),
        })),
    );
  }
}
