// Test support: an in-memory PagerDuty stand-in (REST v2 + Events v2) serving only the operations Firebreak uses, checked against the specs.
import type { OpenApiContract } from './openapi-contract';
import { StandInServer, type StandInReply, type StandInRequest } from './stand-in-server';

interface PdUser {
  id: string;
  name: string;
  email: string;
}

export interface StandInPdIncident {
  id: string;
  number: number;
  title: string;
  status: 'triggered' | 'acknowledged' | 'resolved';
  urgency: 'high' | 'low';
  serviceId: string;
  assigneeIds: string[];
  createdAt: string;
  notes: { id: string; content: string; userId: string; createdAt: string }[];
  logEntries: { id: string; type: string; summary: string; agentId?: string; createdAt: string }[];
  statusUpdates: { id: string; message: string }[];
}

export interface PagerDutyStandInOptions {
  apiToken?: string;
  routingKeys?: string[];
  pageSize?: number;
}

const ref = (type: string, id: string, summary: string) => ({ id, type, summary, self: `https://api.pagerduty.com/${type.replace('_reference', '')}s/${id}`, html_url: `https://acme.pagerduty.com/${id}` });

export class PagerDutyStandIn extends StandInServer {
  /** When set, every incident list answers `more: true`, even past the end. */
  endlessMore = false;
  readonly incidents = new Map<string, StandInPdIncident>();
  readonly users: PdUser[] = [
    { id: 'PUSER01', name: 'Dana Ops', email: 'dana@example.com' },
    { id: 'PUSER02', name: 'Lee Oncall', email: 'lee@example.com' },
  ];
  readonly services = [
    { id: 'PSVC001', name: 'checkout', policy: 'PPOL001' },
    { id: 'PSVC002', name: 'payments', policy: 'PPOL002' },
  ];
  /** Events v2 alerts by dedup key, and every event received. */
  readonly alerts = new Map<string, { status: 'triggered' | 'acknowledged' | 'resolved'; summary: string }>();
  readonly events: { action: string; dedupKey: string }[] = [];
  private seq = 1;
  private readonly pageSize: number;

  constructor(private readonly options: PagerDutyStandInOptions = {}) {
    super([
      { file: 'pagerduty-events-v2.openapi.json', prefix: '/v2/' },
      { file: 'pagerduty-rest-v2.openapi.json', prefix: '/' },
    ]);
    this.pageSize = options.pageSize ?? 25;
    this.serve();
  }

  private id(prefix: string): string {
    return `${prefix}${String(this.seq++).padStart(6, '0')}`;
  }

  seedIncident(partial: Partial<StandInPdIncident> & { title: string }): StandInPdIncident {
    const incident: StandInPdIncident = {
      id: this.id('PINC'),
      number: this.incidents.size + 1,
      status: 'triggered',
      urgency: 'high',
      serviceId: 'PSVC001',
      assigneeIds: ['PUSER02'],
      createdAt: new Date().toISOString(),
      notes: [],
      logEntries: [],
      statusUpdates: [],
      ...partial,
    };
    incident.logEntries.push({ id: this.id('PLOG'), type: 'trigger_log_entry', summary: `Triggered through the API`, createdAt: incident.createdAt });
    this.incidents.set(incident.id, incident);
    return incident;
  }

  private user(id: string): PdUser {
    return this.users.find((u) => u.id === id) ?? this.users[0]!;
  }

  private incidentBody(i: StandInPdIncident): Record<string, unknown> {
    const service = this.services.find((s) => s.id === i.serviceId)!;
    return {
      id: i.id,
      type: 'incident',
      summary: `[#${i.number}] ${i.title}`,
      self: `https://api.pagerduty.com/incidents/${i.id}`,
      html_url: `https://acme.pagerduty.com/incidents/${i.id}`,
      incident_number: i.number,
      title: i.title,
      created_at: i.createdAt,
      updated_at: i.createdAt,
      status: i.status,
      urgency: i.urgency,
      incident_key: `key-${i.id}`,
      service: ref('service_reference', service.id, service.name),
      escalation_policy: ref('escalation_policy_reference', service.policy, `${service.name} policy`),
      assignments: i.status === 'resolved' ? [] : i.assigneeIds.map((u) => ({ at: i.createdAt, assignee: ref('user_reference', u, this.user(u).name) })),
    };
  }

  private authorised(req: StandInRequest): StandInReply | undefined {
    if (req.headers.authorization !== `Token token=${this.options.apiToken ?? 'pd-token'}`) return { status: 401, body: { error: { code: 2006, message: 'Unauthorized', errors: [] } } };
    return undefined;
  }

  private incidentOr404(req: StandInRequest): StandInPdIncident | StandInReply {
    return this.incidents.get(req.params.id!) ?? { status: 404, body: { error: { code: 2100, message: 'Not Found', errors: [] } } };
  }

  private page<T>(req: StandInRequest, items: T[]): { items: T[]; offset: number; limit: number; more: boolean } {
    const offset = Number(req.query.get('offset') ?? 0);
    const limit = Math.min(Number(req.query.get('limit') ?? this.pageSize), this.pageSize);
    return { items: items.slice(offset, offset + limit), offset, limit, more: offset + limit < items.length };
  }

  private actor(req: StandInRequest): PdUser {
    return this.users.find((u) => u.email === req.headers.from) ?? this.users[0]!;
  }

  private serve(): void {
    this.on('GET /abilities', (req) => this.authorised(req) ?? { status: 200, body: { abilities: ['teams', 'urgencies', 'read_only_users'] } });
    this.on('GET /services', (req) => {
      const denied = this.authorised(req);
      if (denied) return denied;
      const q = req.query.get('query')?.toLowerCase();
      const p = this.page(req, this.services.filter((s) => !q || s.name.includes(q)));
      return {
        status: 200,
        body: {
          services: p.items.map((s) => ({ id: s.id, type: 'service', summary: s.name, name: s.name, escalation_policy: ref('escalation_policy_reference', s.policy, `${s.name} policy`) })),
          offset: p.offset,
          limit: p.limit,
          more: p.more,
          total: null,
        },
      };
    });
    this.on('GET /services/{id}', (req) => {
      const denied = this.authorised(req);
      if (denied) return denied;
      const s = this.services.find((x) => x.id === req.params.id);
      if (!s) return { status: 404, body: { error: { code: 2100, message: 'Not Found', errors: [] } } };
      return { status: 200, body: { service: { id: s.id, type: 'service', summary: s.name, name: s.name, escalation_policy: ref('escalation_policy_reference', s.policy, `${s.name} policy`) } } };
    });
    this.on('GET /incidents', (req) => {
      const denied = this.authorised(req);
      if (denied) return denied;
      const statuses = req.query.getAll('statuses[]');
      const services = req.query.getAll('service_ids[]');
      const urgencies = req.query.getAll('urgencies[]');
      const since = req.query.get('since');
      const until = req.query.get('until');
      const matching = [...this.incidents.values()]
        .filter((i) => (statuses.length === 0 || statuses.includes(i.status)) && (services.length === 0 || services.includes(i.serviceId)))
        .filter((i) => (urgencies.length === 0 || urgencies.includes(i.urgency)) && (!since || i.createdAt >= new Date(since).toISOString()) && (!until || i.createdAt < new Date(until).toISOString()))
        .reverse();
      const p = this.page(req, matching);
      // endlessMore: a list that says `more: true` forever, as a misbehaving proxy or a very busy account can.
      return { status: 200, body: { incidents: p.items.map((i) => this.incidentBody(i)), offset: p.offset, limit: p.limit, more: this.endlessMore || p.more, total: null } };
    });
    this.on('GET /incidents/{id}', (req) => {
      const denied = this.authorised(req);
      if (denied) return denied;
      const i = this.incidentOr404(req);
      return 'notes' in i ? { status: 200, body: { incident: this.incidentBody(i) } } : i;
    });
    this.on('PUT /incidents/{id}', (req) => {
      const denied = this.authorised(req);
      if (denied) return denied;
      const i = this.incidentOr404(req);
      if (!('notes' in i)) return i;
      const change = (req.body as { incident: { status?: 'acknowledged' | 'resolved'; assignments?: { assignee: { id: string } }[] } }).incident;
      const by = this.actor(req);
      if (change.status && change.status !== i.status) {
        i.status = change.status;
        const type = change.status === 'acknowledged' ? 'acknowledge_log_entry' : 'resolve_log_entry';
        i.logEntries.push({ id: this.id('PLOG'), type, summary: `${change.status === 'acknowledged' ? 'Acknowledged' : 'Resolved'} by ${by.name}`, agentId: by.id, createdAt: new Date().toISOString() });
      }
      if (change.assignments) {
        i.assigneeIds = change.assignments.map((a) => a.assignee.id);
        i.logEntries.push({ id: this.id('PLOG'), type: 'assign_log_entry', summary: `Reassigned to ${i.assigneeIds.map((u) => this.user(u).name).join(', ')}`, agentId: by.id, createdAt: new Date().toISOString() });
      }
      return { status: 200, body: { incident: this.incidentBody(i) } };
    });
    this.on('GET /incidents/{id}/notes', (req) => {
      const denied = this.authorised(req);
      if (denied) return denied;
      const i = this.incidentOr404(req);
      if (!('notes' in i)) return i;
      return { status: 200, body: { notes: i.notes.map((n) => this.noteBody(n)) } };
    });
    this.on('POST /incidents/{id}/notes', (req) => {
      const denied = this.authorised(req);
      if (denied) return denied;
      const i = this.incidentOr404(req);
      if (!('notes' in i)) return i;
      const note = { id: this.id('PNOTE'), content: (req.body as { note: { content: string } }).note.content, userId: this.actor(req).id, createdAt: new Date().toISOString() };
      i.notes.push(note);
      return { status: 200, body: { note: this.noteBody(note) } };
    });
    this.on('POST /incidents/{id}/status_updates', (req) => {
      const denied = this.authorised(req);
      if (denied) return denied;
      const i = this.incidentOr404(req);
      if (!('notes' in i)) return i;
      const su = { id: this.id('PSTAT'), message: (req.body as { message: string }).message };
      i.statusUpdates.push(su);
      const by = this.actor(req);
      return { status: 200, body: { status_update: { id: su.id, message: su.message, created_at: new Date().toISOString(), sender: ref('user_reference', by.id, by.name) } } };
    });
    this.on('GET /incidents/{id}/log_entries', (req) => {
      const denied = this.authorised(req);
      if (denied) return denied;
      const i = this.incidentOr404(req);
      if (!('notes' in i)) return i;
      const p = this.page(req, i.logEntries);
      return {
        status: 200,
        body: {
          log_entries: p.items.map((l) => ({
            id: l.id,
            type: l.type,
            summary: l.summary,
            created_at: l.createdAt,
            ...(l.agentId ? { agent: ref('user_reference', l.agentId, this.user(l.agentId).name) } : {}),
            incident: ref('incident_reference', i.id, i.title),
          })),
          offset: p.offset,
          limit: p.limit,
          more: p.more,
          total: null,
        },
      };
    });
    this.on('GET /oncalls', (req) => {
      const denied = this.authorised(req);
      if (denied) return denied;
      const policies = req.query.getAll('escalation_policy_ids[]');
      const rows = this.services
        .filter((s) => policies.length === 0 || policies.includes(s.policy))
        .map((s, n) => ({
          escalation_policy: ref('escalation_policy_reference', s.policy, `${s.name} policy`),
          user: ref('user_reference', this.users[n % this.users.length]!.id, this.users[n % this.users.length]!.name),
          escalation_level: 1,
          start: '2026-11-25T00:00:00Z',
          end: '2026-11-26T00:00:00Z',
        }));
      const p = this.page(req, rows);
      return { status: 200, body: { oncalls: p.items, offset: p.offset, limit: p.limit, more: p.more, total: null } };
    });
    this.on('POST /enqueue', (req) => {
      const b = req.body as { routing_key: string; event_action: 'trigger' | 'acknowledge' | 'resolve'; dedup_key?: string; payload?: { summary: string } };
      if (this.options.routingKeys && !this.options.routingKeys.includes(b.routing_key)) {
        return { status: 400, body: { status: 'invalid event', message: 'Event object is invalid', errors: ['Invalid routing key'] } };
      }
      const dedupKey = b.dedup_key ?? this.id('dedup');
      this.events.push({ action: b.event_action, dedupKey });
      const existing = this.alerts.get(dedupKey);
      if (b.event_action === 'trigger' && (!existing || existing.status === 'resolved')) this.alerts.set(dedupKey, { status: 'triggered', summary: b.payload?.summary ?? '' });
      else if (existing && b.event_action === 'acknowledge' && existing.status === 'triggered') existing.status = 'acknowledged';
      else if (existing && b.event_action === 'resolve') existing.status = 'resolved';
      return { status: 202, body: { status: 'success', message: 'Event processed', dedup_key: dedupKey } };
    });
  }

  /**
   * PagerDuty's spec contradicts itself for acknowledgements: LogEntry.type allows "acknowledge_log_entry" (what the API sends)
   * while AcknowledgeLogEntry narrows type to "acknowledgement_log_entry", so no acknowledgement entry can satisfy the oneOf.
   * Those entries are checked against the LogEntry base schema instead; every other entry goes through the full oneOf.
   */
  protected override specQuirk(operation: string, body: unknown, contract: OpenApiContract): { body: unknown; problems: string[] } {
    if (operation !== 'GET /incidents/{id}/log_entries' || !body || typeof body !== 'object') return { body, problems: [] };
    const entries = (body as { log_entries: { type: string }[] }).log_entries;
    const acks = entries.filter((e) => e.type === 'acknowledge_log_entry');
    const problems = acks.flatMap((e) => contract.validateSchema('#/components/schemas/LogEntry', e));
    return { body: { ...body, log_entries: entries.filter((e) => e.type !== 'acknowledge_log_entry') }, problems };
  }

  private noteBody(n: StandInPdIncident['notes'][number]): Record<string, unknown> {
    return { id: n.id, content: n.content, created_at: n.createdAt, user: ref('user_reference', n.userId, this.user(n.userId).name) };
  }
}
