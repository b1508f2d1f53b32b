// Sends one outbox operation through the right connector, and checks the remote for an earlier copy before any resend.
import type { OutboxOperation } from '../../../shared/outbox/outbox-operation';
import type { NewEvent } from '../../../shared/events';
import { DomainError } from '../../../shared/result';
import type { ConnectorSettings } from '../connectors/connector-settings';
import { markNotSent } from '../connectors/http/connector-error';

export interface SendOutcome {
  remoteId?: string;
  url?: string;
  /** Events recorded together with "sent", e.g. the link to an issue the write created. */
  follow?: NewEvent[];
}

export type Verification = { state: 'present'; outcome: SendOutcome } | { state: 'absent' } | { state: 'unknown'; why: string };

export interface SendContext {
  incidentId: string;
  signal?: AbortSignal;
  /** When the previous attempt left, for checks against eventually consistent searches. */
  lastAttemptAt?: string;
  now?: number;
}

/** Jira's search index can lag a fresh issue by seconds; until then "not found" is not proof of absence. */
export const JIRA_SEARCH_LAG_MS = 60_000;

export interface OutboxDispatch {
  send(op: OutboxOperation, intentKey: string, ctx: SendContext): Promise<SendOutcome>;
  /** Did an earlier attempt of this intent already take effect? "absent" also for writes that are harmless to repeat. */
  verify(op: OutboxOperation, intentKey: string, ctx: SendContext): Promise<Verification>;
}

/** Writes the public status page; regenerating it is idempotent, so it needs no check for an earlier copy. */
export interface StatusPagePublisher {
  configured(): boolean;
  publish(reason: string): Promise<{ location: string; changed: boolean; commit?: string }>;
}

export class ConnectorDispatch implements OutboxDispatch {
  constructor(
    private readonly settings: ConnectorSettings,
    private readonly actor: () => string,
    private readonly statusPage?: StatusPagePublisher,
  ) {}

  private linkedIssue(op: Extract<OutboxOperation, { kind: 'jira.create_issue' }>, issue: { key: string; id: string; url: string }): NewEvent {
    return {
      type: 'jira.issue_linked',
      actor: this.actor(),
      payload: { issueKey: issue.key, issueId: issue.id, summary: op.summary, status: 'created', url: issue.url, created: true, ...(op.actionItem ? { actionItem: true } : {}) },
    };
  }

  /** Clients for sending: failing to get one (not configured, vault locked) means nothing left, so no check is needed after. */
  private async jira() {
    return this.settings.jiraClient().catch((e: unknown) => Promise.reject(markNotSent(e)));
  }

  private async pagerDuty() {
    return this.settings.pagerDutyClient().catch((e: unknown) => Promise.reject(markNotSent(e)));
  }

  async send(op: OutboxOperation, intentKey: string): Promise<SendOutcome> {
    switch (op.kind) {
      case 'jira.create_issue': {
        const jira = await this.jira();
        const issue = await jira.createIssue({ projectKey: op.projectKey, issueType: op.issueType, summary: op.summary, ...(op.description ? { description: op.description } : {}) }, intentKey);
        return { remoteId: issue.key, url: issue.url, follow: [this.linkedIssue(op, issue)] };
      }
      case 'jira.comment': {
        const jira = await this.jira();
        const comment = await jira.addComment(op.issueKey, op.markdown, intentKey);
        return { remoteId: comment.id, url: `${jira.issueUrl(op.issueKey)}?focusedCommentId=${comment.id}` };
      }
      case 'jira.transition': {
        const jira = await this.jira();
        await jira.transition(op.issueKey, op.transitionId);
        return { remoteId: op.issueKey, url: jira.issueUrl(op.issueKey) };
      }
      case 'jira.remote_link': {
        const jira = await this.jira();
        const link = await jira.remoteLink(op.issueKey, { globalId: op.globalId, url: op.url, title: op.title });
        return { remoteId: String(link.id), url: jira.issueUrl(op.issueKey) };
      }
      case 'pagerduty.note': {
        const note = await (await this.pagerDuty()).addNote(op.pdIncidentId, op.content, intentKey);
        return { remoteId: note.id };
      }
      case 'pagerduty.set_status': {
        const incident = await (await this.pagerDuty()).setStatus(op.pdIncidentId, op.status, op.resolution);
        return { remoteId: incident.id, ...(incident.url ? { url: incident.url } : {}) };
      }
      case 'pagerduty.reassign': {
        const incident = await (await this.pagerDuty()).reassign(op.pdIncidentId, op.userIds);
        return { remoteId: incident.id, ...(incident.url ? { url: incident.url } : {}) };
      }
      case 'pagerduty.status_update': {
        const update = await (await this.pagerDuty()).statusUpdate(op.pdIncidentId, op.message);
        return update.id ? { remoteId: update.id } : {};
      }
      case 'pagerduty.event': {
        const { client, routingKey } = await this.settings.pagerDutyEvents(op.routingKeyName).catch((e: unknown) => Promise.reject(markNotSent(e)));
        const sent = await client.send(routingKey, { action: op.action, dedupKey: op.dedupKey, ...(op.summary ? { summary: op.summary } : {}), ...(op.severity ? { severity: op.severity } : {}) });
        return { remoteId: sent.dedupKey };
      }
      case 'statuspage.publish': {
        if (!this.statusPage?.configured()) throw markNotSent(new DomainError('unavailable', 'The status page is not set up yet: choose where it is written in Settings → Status page.'));
        const written = await this.statusPage.publish(op.reason);
        return { remoteId: written.commit ?? written.location, ...(written.location.startsWith('/') ? { url: `file://${written.location}/index.html` } : {}) };
      }
    }
  }

  async verify(op: OutboxOperation, intentKey: string, ctx: SendContext): Promise<Verification> {
    switch (op.kind) {
      case 'jira.create_issue': {
        const jira = await this.settings.jiraClient();
        const issue = await jira.findIssueByIntent(intentKey);
        if (issue) return { state: 'present', outcome: { remoteId: issue.key, url: issue.url, follow: [this.linkedIssue(op, issue)] } };
        const sinceAttempt = (ctx.now ?? Date.now()) - (ctx.lastAttemptAt ? Date.parse(ctx.lastAttemptAt) : 0);
        if (sinceAttempt < JIRA_SEARCH_LAG_MS) {
          throw new DomainError('unavailable', `Jira search does not show the issue yet; it can lag a new issue by up to ${JIRA_SEARCH_LAG_MS / 1000} s, so Firebreak checks again before creating it a second time.`);
        }
        return { state: 'absent' };
      }
      case 'jira.comment': {
        const jira = await this.settings.jiraClient();
        const comment = await jira.findCommentByIntent(op.issueKey, intentKey);
        return comment ? { state: 'present', outcome: { remoteId: comment.id, url: `${jira.issueUrl(op.issueKey)}?focusedCommentId=${comment.id}` } } : { state: 'absent' };
      }
      case 'jira.transition': {
        if (!op.toStatus) return { state: 'unknown', why: `Firebreak cannot tell whether ${op.issueKey} was already moved via "${op.transitionName}".` };
        const jira = await this.settings.jiraClient();
        const issue = await jira.getIssue(op.issueKey);
        return issue.status === op.toStatus ? { state: 'present', outcome: { remoteId: op.issueKey, url: issue.url } } : { state: 'absent' };
      }
      case 'pagerduty.note': {
        const note = await (await this.settings.pagerDutyClient()).findNoteByIntent(op.pdIncidentId, intentKey);
        return note ? { state: 'present', outcome: { remoteId: note.id } } : { state: 'absent' };
      }
      case 'pagerduty.set_status': {
        const incident = await (await this.settings.pagerDutyClient()).incident(op.pdIncidentId);
        const done = incident.status === op.status || incident.status === 'resolved';
        return done ? { state: 'present', outcome: { remoteId: incident.id } } : { state: 'absent' };
      }
      case 'pagerduty.status_update':
        return { state: 'unknown', why: 'PagerDuty offers no way to list status updates, so an earlier attempt cannot be checked.' };
      // Upserts by globalId, PUTs and dedup-keyed events are harmless to repeat.
      case 'jira.remote_link':
      case 'pagerduty.reassign':
      case 'pagerduty.event':
      case 'statuspage.publish':
        return { state: 'absent' };
    }
  }
}
