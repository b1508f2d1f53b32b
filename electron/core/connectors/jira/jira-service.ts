// Jira use cases behind the IPC channels: settings, test connection, link/create/comment/transition through the outbox, JQL and sync.
import { findIntentKey } from '../../../../shared/connectors/intent-marker';
import type { ConnectionReport } from '../../../../shared/connectors/connection-report';
import type { IncidentLinks, LinkedJiraIssue } from '../../../../shared/connectors/incident-links';
import { linksProjection, outboxProjection } from '../../../../shared/projections/domain-projections';
import type { IncidentEvent, NewEvent } from '../../../../shared/events';
import type { JiraIssueView } from '../../../../shared/ipc/jira';
import type { OutboxItem } from '../../../../shared/outbox/outbox-state';
import { DomainError } from '../../../../shared/result';
import type { OutboxService } from '../../outbox/outbox-service';
import type { IncidentStore } from '../../store/incident-store';
import type { ConnectorSettings } from '../connector-settings';
import { malformedNote, type JiraIssue } from './jira-client';
import { testJiraConnection } from './jira-connection';

export const pagerDutyGlobalId = (pdIncidentId: string): string => `system=pagerduty&id=${pdIncidentId}`;

function view(issue: JiraIssue): JiraIssueView {
  return {
    key: issue.key,
    summary: issue.summary,
    status: issue.status,
    url: issue.url,
    ...(issue.statusCategory ? { statusCategory: issue.statusCategory } : {}),
    ...(issue.issueType ? { issueType: issue.issueType } : {}),
    ...(malformedNote(issue) ? { note: malformedNote(issue)! } : {}),
  };
}

/** Intent keys this incident queued: comments and notes carrying them are our own writes, not news from outside. */
export function ownIntentKeys(events: readonly IncidentEvent[]): Set<string> {
  const keys = new Set<string>();
  for (const e of events) if (e.type === 'outbox.intent_queued') keys.add(e.payload.intentKey);
  return keys;
}

/** The same keys from the cached outbox projection (every queued intent stays in it), without scanning the log. */
export function ownIntentKeysOf(store: IncidentStore, incidentId: string): Set<string> {
  return new Set(store.projection(incidentId, outboxProjection).map((i) => i.intentKey));
}

export class JiraService {
  constructor(
    private readonly store: IncidentStore,
    private readonly settings: ConnectorSettings,
    private readonly outbox: OutboxService,
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

  private linkedIssue(incidentId: string, issueKey: string): LinkedJiraIssue {
    const found = this.links(incidentId).jiraIssues.find((i) => i.issueKey === issueKey);
    if (!found) throw new DomainError('conflict', `${issueKey} is not linked to this incident; link it first.`);
    return found;
  }

  async testConnection(): Promise<ConnectionReport> {
    if (!(await this.settings.jiraConfigured())) return { outcome: 'not_configured', message: 'Add the Jira site URL, email and API token first.' };
    return testJiraConnection(await this.settings.jiraClient());
  }

  async issue(issueKey: string): Promise<JiraIssueView> {
    return view(await (await this.settings.jiraClient()).getIssue(issueKey));
  }

  async search(jql: string, limit: number): Promise<JiraIssueView[]> {
    return (await (await this.settings.jiraClient()).search(jql, limit)).map(view);
  }

  linked(incidentId: string): LinkedJiraIssue[] {
    return this.links(incidentId).jiraIssues;
  }

  async link(incidentId: string, issueKey: string): Promise<LinkedJiraIssue> {
    const links = this.links(incidentId);
    if (links.jiraIssues.some((i) => i.issueKey === issueKey)) throw new DomainError('conflict', `${issueKey} is already linked to this incident.`);
    const issue = await (await this.settings.jiraClient()).getIssue(issueKey);
    await this.store.append(incidentId, [
      { type: 'jira.issue_linked', actor: this.operator(), payload: { issueKey: issue.key, issueId: issue.id, summary: issue.summary || issue.key, status: issue.status, url: issue.url, created: false } },
    ]);
    if (links.pagerDuty?.url) await this.queueRemoteLink(incidentId, issue.key, links.pagerDuty.pdIncidentId, links.pagerDuty.url, links.pagerDuty.title);
    return this.linkedIssue(incidentId, issue.key);
  }

  /** Puts a link to the PagerDuty incident on the Jira issue; the globalId makes repeats update the same link. */
  queueRemoteLink(incidentId: string, issueKey: string, pdIncidentId: string, url: string, title: string): Promise<OutboxItem> {
    return this.outbox.queue(incidentId, { kind: 'jira.remote_link', issueKey, globalId: pagerDutyGlobalId(pdIncidentId), url, title: `PagerDuty: ${title}`.slice(0, 255) });
  }

  async createIssue(input: { incidentId: string; projectKey: string; issueType: string; summary: string; description?: string | undefined; actionItem?: boolean | undefined }): Promise<OutboxItem> {
    this.requireLog(input.incidentId);
    const { incidentId, ...op } = input;
    return this.outbox.queue(incidentId, {
      kind: 'jira.create_issue',
      projectKey: op.projectKey,
      issueType: op.issueType,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      ...(op.actionItem ? { actionItem: true } : {}),
    });
  }

  async comment(incidentId: string, issueKey: string, markdown: string): Promise<OutboxItem> {
    this.linkedIssue(incidentId, issueKey);
    return this.outbox.queue(incidentId, { kind: 'jira.comment', issueKey, markdown });
  }

  async transitions(issueKey: string): Promise<{ id: string; name: string; to?: string }[]> {
    return (await this.settings.jiraClient()).transitions(issueKey);
  }

  async transition(incidentId: string, issueKey: string, transitionId: string): Promise<OutboxItem> {
    this.linkedIssue(incidentId, issueKey);
    const available = await this.transitions(issueKey);
    const t = available.find((x) => x.id === transitionId);
    if (!t) throw new DomainError('validation', `Transition ${transitionId} is not available for ${issueKey} now (available: ${available.map((x) => `${x.id} ${x.name}`).join(', ') || 'none'}).`, ['transitionId']);
    return this.outbox.queue(incidentId, { kind: 'jira.transition', issueKey, transitionId, transitionName: t.name, ...(t.to ? { toStatus: t.to } : {}) });
  }

  /** Reads new comments and status changes of linked issues into the log; comments Firebreak wrote itself are skipped. */
  async sync(incidentId: string): Promise<{ imported: number }> {
    const links = this.links(incidentId);
    if (links.jiraIssues.length === 0) return { imported: 0 };
    const jira = await this.settings.jiraClient();
    const ownKeys = ownIntentKeysOf(this.store, incidentId);
    const fresh: NewEvent[] = [];
    for (const linked of links.jiraIssues) {
      const issue = await jira.getIssue(linked.issueKey);
      // A status Jira sent in an unreadable shape is not a status change.
      const statusKnown = !issue.malformed?.some((m) => m.field === 'status');
      if (statusKnown && issue.status !== linked.status) fresh.push({ type: 'jira.status_seen', actor: 'jira', payload: { issueKey: linked.issueKey, from: linked.status, to: issue.status } });
      for (const c of await jira.comments(linked.issueKey)) {
        if (links.imported.has(`${linked.issueKey}/${c.id}`)) continue;
        const marker = findIntentKey(c.text);
        if (marker && ownKeys.has(marker)) continue;
        fresh.push({
          type: 'jira.comment_imported',
          actor: 'jira',
          payload: { issueKey: linked.issueKey, commentId: c.id, author: c.author.slice(0, 200), text: c.text.slice(0, 30000), ...(c.created ? { createdAt: c.created } : {}) },
        });
      }
    }
    if (fresh.length > 0) await this.store.append(incidentId, fresh);
    return { imported: fresh.length };
  }
}
