// PagerDuty use cases behind the IPC channels: settings, incidents, import/link, writes through the outbox, on-call and timeline sync.
import type { ConnectionReport } from '../../../../shared/connectors/connection-report';
import { findIntentKey } from '../../../../shared/connectors/intent-marker';
import type { IncidentLinks, LinkedPagerDutyIncident } from '../../../../shared/connectors/incident-links';
import { linksProjection } from '../../../../shared/projections/domain-projections';
import { ServiceName, type NewEvent } from '../../../../shared/events';
import type { IncidentState } from '../../../../shared/incidents/incident-state';
import type { PdIncidentView } from '../../../../shared/ipc/pagerduty';
import type { OutboxItem } from '../../../../shared/outbox/outbox-state';
import { DomainError } from '../../../../shared/result';
import type { IncidentService } from '../../incidents/incident-service';
import type { OutboxService } from '../../outbox/outbox-service';
import type { IncidentStore } from '../../store/incident-store';
import type { ConnectorSettings } from '../connector-settings';
import { ownIntentKeysOf, type JiraService } from '../jira/jira-service';
import type { PdIncident, PdIncidentFilter, PdOncall } from './pagerduty-client';
import { testPagerDutyConnection } from './pagerduty-connection';

export class PagerDutyService {
  constructor(
    private readonly store: IncidentStore,
    private readonly incidents: IncidentService,
    private readonly settings: ConnectorSettings,
    private readonly outbox: OutboxService,
    private readonly jira: JiraService,
    private readonly operator: () => string,
  ) {}

  /** Throws when the incident's log is unreadable (reads no event: past its in-memory tail that would mean the whole file). */
  private requireLog(incidentId: string): void {
    if (!this.store.get(incidentId).log) throw new DomainError('conflict', `Incident ${incidentId} cannot be read; see its problems.`);
  }

  /** The incident's links from the cached incremental projection; throws like requireLog() when the log is unreadable. */
  private links(incidentId: string): IncidentLinks {
    this.requireLog(incidentId);
    return this.store.projection(incidentId, linksProjection);
  }

  private linkedOrFail(incidentId: string): LinkedPagerDutyIncident {
    const pd = this.links(incidentId).pagerDuty;
    if (!pd) throw new DomainError('conflict', 'This incident is not linked to a PagerDuty incident; import or link one first.');
    return pd;
  }

  async testConnection(): Promise<ConnectionReport> {
    if (!(await this.settings.pagerDutyConfigured())) return { outcome: 'not_configured', message: 'Add the PagerDuty REST API token and From email first.' };
    return testPagerDutyConnection(await this.settings.pagerDutyClient());
  }

  async services(query?: string): Promise<{ id: string; name: string }[]> {
    return (await (await this.settings.pagerDutyClient()).services(query)).map(({ id, name }) => ({ id, name }));
  }

  async incidentPage(filter: PdIncidentFilter): Promise<{ incidents: PdIncidentView[]; more: boolean; nextOffset?: number }> {
    return (await this.settings.pagerDutyClient()).incidentPage(filter);
  }

  async openIncidents(serviceIds: readonly string[]): Promise<PdIncidentView[]> {
    return (await this.settings.pagerDutyClient()).openIncidents(serviceIds);
  }

  private linkedEvent(incident: PdIncident): NewEvent {
    return {
      type: 'pagerduty.incident_linked',
      actor: this.operator(),
      payload: {
        pdIncidentId: incident.id,
        title: incident.title.slice(0, 1000),
        status: incident.status,
        ...(incident.number !== undefined ? { number: incident.number } : {}),
        ...(incident.urgency ? { urgency: incident.urgency } : {}),
        ...(incident.serviceId ? { serviceId: incident.serviceId } : {}),
        ...(incident.serviceName ? { serviceName: incident.serviceName.slice(0, 200) } : {}),
        ...(incident.url ? { url: incident.url } : {}),
      },
    };
  }

  private alreadyLinkedTo(pdIncidentId: string): string | undefined {
    return this.store.list().find((i) => (i.log ? this.store.projection(i.id, linksProjection).pagerDuty?.pdIncidentId : i.summary?.pdIncidentId) === pdIncidentId)?.id;
  }

  /** Declares a Firebreak incident from a PagerDuty incident (high urgency → SEV2, low → SEV3) and links the two. */
  async import(pdIncidentId: string, commander?: string): Promise<IncidentState> {
    const existing = this.alreadyLinkedTo(pdIncidentId);
    if (existing) throw new DomainError('conflict', `PagerDuty incident ${pdIncidentId} is already imported as ${existing}.`);
    const incident = await (await this.settings.pagerDutyClient()).incident(pdIncidentId);
    const service = incident.serviceName && ServiceName.safeParse(incident.serviceName).success ? [incident.serviceName] : [];
    const title = incident.title.trim().length >= 3 ? incident.title.trim().slice(0, 200) : `PagerDuty incident ${incident.id}`;
    const state = await this.incidents.declare({
      title,
      severity: incident.urgency === 'low' ? 'SEV3' : 'SEV2',
      commander: commander ?? this.operator(),
      services: service,
      summary: `Imported from PagerDuty${incident.number !== undefined ? ` #${incident.number}` : ''}${incident.url ? ` (${incident.url})` : ''}.`,
    });
    await this.store.append(state.id, [this.linkedEvent(incident)]);
    return this.incidents.state(state.id);
  }

  async link(incidentId: string, pdIncidentId: string): Promise<PdIncidentView> {
    const links = this.links(incidentId);
    if (links.pagerDuty) throw new DomainError('conflict', `This incident is already linked to PagerDuty incident ${links.pagerDuty.pdIncidentId}.`);
    const elsewhere = this.alreadyLinkedTo(pdIncidentId);
    if (elsewhere) throw new DomainError('conflict', `PagerDuty incident ${pdIncidentId} is already linked to ${elsewhere}.`);
    const incident = await (await this.settings.pagerDutyClient()).incident(pdIncidentId);
    await this.store.append(incidentId, [this.linkedEvent(incident)]);
    if (incident.url) for (const issue of links.jiraIssues) await this.jira.queueRemoteLink(incidentId, issue.issueKey, incident.id, incident.url, incident.title);
    return incident;
  }

  linked(incidentId: string): (Partial<PdIncidentView> & { id: string }) | null {
    const pd = this.links(incidentId).pagerDuty;
    if (!pd) return null;
    return {
      id: pd.pdIncidentId,
      title: pd.title,
      status: pd.status,
      ...(pd.number !== undefined ? { number: pd.number } : {}),
      ...(pd.serviceId ? { serviceId: pd.serviceId } : {}),
      ...(pd.serviceName ? { serviceName: pd.serviceName } : {}),
      ...(pd.url ? { url: pd.url } : {}),
    };
  }

  setStatus(incidentId: string, status: 'acknowledged' | 'resolved', resolution?: string): Promise<OutboxItem> {
    const pd = this.linkedOrFail(incidentId);
    if (pd.status === 'resolved') throw new DomainError('conflict', `PagerDuty incident ${pd.pdIncidentId} is already resolved.`);
    return this.outbox.queue(incidentId, { kind: 'pagerduty.set_status', pdIncidentId: pd.pdIncidentId, status, ...(resolution ? { resolution } : {}) });
  }

  reassign(incidentId: string, userIds: string[]): Promise<OutboxItem> {
    return this.outbox.queue(incidentId, { kind: 'pagerduty.reassign', pdIncidentId: this.linkedOrFail(incidentId).pdIncidentId, userIds });
  }

  note(incidentId: string, content: string): Promise<OutboxItem> {
    return this.outbox.queue(incidentId, { kind: 'pagerduty.note', pdIncidentId: this.linkedOrFail(incidentId).pdIncidentId, content });
  }

  statusUpdate(incidentId: string, message: string): Promise<OutboxItem> {
    return this.outbox.queue(incidentId, { kind: 'pagerduty.status_update', pdIncidentId: this.linkedOrFail(incidentId).pdIncidentId, message });
  }

  /** Events v2 with the Firebreak incident id as dedup key, so trigger/ack/resolve address the same alert. */
  async event(incidentId: string, routingKeyName: string, action: 'trigger' | 'acknowledge' | 'resolve', severity?: 'critical' | 'error' | 'warning' | 'info'): Promise<OutboxItem> {
    const state = this.incidents.state(incidentId);
    const names = (await this.settings.pagerDutyView()).routingKeyNames;
    if (!names.includes(routingKeyName)) throw new DomainError('validation', `No routing key named "${routingKeyName}" (configured: ${names.join(', ') || 'none'}).`, ['routingKeyName']);
    return this.outbox.queue(incidentId, {
      kind: 'pagerduty.event',
      routingKeyName,
      action,
      dedupKey: `firebreak-${incidentId}`,
      ...(action === 'trigger' ? { summary: `${state.title} (${state.severity})`.slice(0, 1024), severity: severity ?? (state.severity === 'SEV1' ? 'critical' : 'error') } : {}),
    });
  }

  async oncall(incidentId: string | undefined, serviceIds: string[]): Promise<PdOncall[]> {
    const ids = serviceIds.length > 0 ? serviceIds : incidentId ? [this.links(incidentId).pagerDuty?.serviceId].filter((s): s is string => Boolean(s)) : [];
    if (ids.length === 0) throw new DomainError('validation', 'Choose at least one PagerDuty service, or link the incident to a PagerDuty incident first.', ['serviceIds']);
    return (await this.settings.pagerDutyClient()).oncallForServices(ids);
  }

  /** Reads new log entries and notes of the linked incident into the log; notes Firebreak wrote itself are skipped. */
  async sync(incidentId: string): Promise<{ imported: number }> {
    const links = this.links(incidentId);
    if (!links.pagerDuty) return { imported: 0 };
    const id = links.pagerDuty.pdIncidentId;
    const client = await this.settings.pagerDutyClient();
    const own = ownIntentKeysOf(this.store, incidentId);
    const fresh: NewEvent[] = [];
    for (const entry of await client.logEntries(id)) {
      if (links.imported.has(`${id}/${entry.id}`) || entry.type === 'annotate_log_entry') continue;
      fresh.push({
        type: 'pagerduty.log_entry_imported',
        actor: 'pagerduty',
        payload: { pdIncidentId: id, entryId: entry.id, entryType: entry.type, summary: entry.summary.slice(0, 2000), createdAt: entry.createdAt, ...(entry.agent ? { agent: entry.agent.slice(0, 200) } : {}) },
      });
    }
    for (const note of await client.notes(id)) {
      if (links.imported.has(`${id}/${note.id}`)) continue;
      const marker = findIntentKey(note.content);
      if (marker && own.has(marker)) continue;
      fresh.push({
        type: 'pagerduty.note_imported',
        actor: 'pagerduty',
        payload: { pdIncidentId: id, noteId: note.id, author: note.author.slice(0, 200), content: note.content.slice(0, 25000), ...(note.createdAt ? { createdAt: note.createdAt } : {}) },
      });
    }
    if (fresh.length > 0) await this.store.append(incidentId, fresh);
    return { imported: fresh.length };
  }
}
