// Timeline lines for Jira, PagerDuty and outbox events (the timeline's exhaustive switch delegates here).
import type { EventOfType } from '../events';
import { describeOperation } from '../outbox/outbox-operation';

export type ConnectorEventType =
  | 'jira.issue_linked'
  | 'jira.comment_imported'
  | 'jira.status_seen'
  | 'pagerduty.incident_linked'
  | 'pagerduty.log_entry_imported'
  | 'pagerduty.note_imported';

export type OutboxEventType = 'outbox.intent_queued' | 'outbox.attempted' | 'outbox.sent' | 'outbox.failed' | 'outbox.retry_requested' | 'outbox.cancelled';

export function describeConnectorEvent(event: EventOfType<ConnectorEventType>): { source: 'tickets' | 'pages'; text: string; happenedAt?: string } {
  switch (event.type) {
    case 'jira.issue_linked':
      return {
        source: 'tickets',
        text: event.payload.created
          ? `Created Jira ${event.payload.actionItem ? 'action item ' : ''}${event.payload.issueKey}: ${event.payload.summary}`
          : `Linked Jira ${event.payload.issueKey}: ${event.payload.summary} (${event.payload.status})`,
      };
    case 'jira.comment_imported':
      return { source: 'tickets', text: `Jira ${event.payload.issueKey} comment by ${event.payload.author}: ${event.payload.text}`, ...(event.payload.createdAt ? { happenedAt: event.payload.createdAt } : {}) };
    case 'jira.status_seen':
      return { source: 'tickets', text: `Jira ${event.payload.issueKey} status ${event.payload.from ? `${event.payload.from} → ` : ''}${event.payload.to}` };
    case 'pagerduty.incident_linked':
      return {
        source: 'pages',
        text: `Linked PagerDuty incident${event.payload.number !== undefined ? ` #${event.payload.number}` : ''} ${event.payload.title} (${event.payload.status}${event.payload.serviceName ? `, ${event.payload.serviceName}` : ''})`,
      };
    case 'pagerduty.log_entry_imported':
      return { source: 'pages', text: `PagerDuty: ${event.payload.summary}`, happenedAt: event.payload.createdAt };
    case 'pagerduty.note_imported':
      return { source: 'pages', text: `PagerDuty note by ${event.payload.author}: ${event.payload.content}`, ...(event.payload.createdAt ? { happenedAt: event.payload.createdAt } : {}) };
  }
}

export function describeOutboxEvent(event: EventOfType<OutboxEventType>): { source: 'outbox'; text: string } {
  const key = event.payload.intentKey.slice(0, 12);
  switch (event.type) {
    case 'outbox.intent_queued':
      return { source: 'outbox', text: `Queued: ${describeOperation(event.payload.operation)}` };
    case 'outbox.attempted':
      return { source: 'outbox', text: `Sending ${key} (attempt ${event.payload.attempt})` };
    case 'outbox.sent':
      return { source: 'outbox', text: `Sent ${key}${event.payload.remoteId ? ` → ${event.payload.remoteId}` : ''}${event.payload.foundExisting ? ' (found the earlier copy; not sent twice)' : ''}` };
    case 'outbox.failed':
      return {
        source: 'outbox',
        text: event.payload.retryable
          ? `Sending ${key} is failing: ${event.payload.reason} — retrying with backoff until it is delivered`
          : `Gave up sending ${key}: ${event.payload.reason} — needs retry or cancel`,
      };
    case 'outbox.retry_requested':
      return { source: 'outbox', text: `Retry requested for ${key}` };
    case 'outbox.cancelled':
      return { source: 'outbox', text: `Cancelled ${key}${event.payload.reason ? `: ${event.payload.reason}` : ''}` };
  }
}

/** When an imported Jira/PagerDuty item really happened (its remote timestamp), for the timeline's happenedAt. */
export function connectorHappenedAt(event: { type: string; payload: unknown }): string | undefined {
  if (event.type !== 'pagerduty.log_entry_imported' && event.type !== 'pagerduty.note_imported' && event.type !== 'jira.comment_imported') return undefined;
  const at = (event.payload as { createdAt?: unknown }).createdAt;
  return typeof at === 'string' && !Number.isNaN(Date.parse(at)) ? new Date(at).toISOString() : undefined;
}
