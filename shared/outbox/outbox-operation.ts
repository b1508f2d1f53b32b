// The outbound writes Firebreak can queue for Jira and PagerDuty: each is data (no secrets), so it can live in the incident log.
import { z } from 'zod';

const IssueKey = z.string().trim().regex(/^[A-Z][A-Z0-9_]+-\d+$/, 'A Jira issue key looks like OPS-123');
const PdId = z.string().trim().regex(/^[A-Z0-9]{5,20}$/, 'A PagerDuty id looks like PABC123');

export const JiraCreateIssueOp = z.object({
  kind: z.literal('jira.create_issue'),
  projectKey: z.string().trim().regex(/^[A-Z][A-Z0-9_]{0,19}$/, 'A Jira project key looks like OPS'),
  issueType: z.string().trim().min(1).max(60),
  summary: z.string().trim().min(1).max(255),
  description: z.string().max(30000).optional(),
  /** A post-incident action item rather than the incident ticket itself. */
  actionItem: z.boolean().optional(),
});

export const JiraCommentOp = z.object({ kind: z.literal('jira.comment'), issueKey: IssueKey, markdown: z.string().trim().min(1).max(30000) });
export const JiraTransitionOp = z.object({
  kind: z.literal('jira.transition'),
  issueKey: IssueKey,
  transitionId: z.string().min(1).max(20),
  transitionName: z.string().max(120),
  /** Status the transition leads to; lets a resend after a crash see that it already happened. */
  toStatus: z.string().max(120).optional(),
});
export const JiraRemoteLinkOp = z.object({ kind: z.literal('jira.remote_link'), issueKey: IssueKey, globalId: z.string().min(1).max(255), url: z.url(), title: z.string().min(1).max(255) });
export const PdNoteOp = z.object({ kind: z.literal('pagerduty.note'), pdIncidentId: PdId, content: z.string().trim().min(1).max(25000) });
export const PdSetStatusOp = z.object({ kind: z.literal('pagerduty.set_status'), pdIncidentId: PdId, status: z.enum(['acknowledged', 'resolved']), resolution: z.string().max(2000).optional() });
export const PdReassignOp = z.object({ kind: z.literal('pagerduty.reassign'), pdIncidentId: PdId, userIds: z.array(PdId).min(1).max(10) });
export const PdStatusUpdateOp = z.object({ kind: z.literal('pagerduty.status_update'), pdIncidentId: PdId, message: z.string().trim().min(1).max(10000) });
export const PdEventOp = z.object({
  kind: z.literal('pagerduty.event'),
  /** Name of a routing key in the settings; the key itself is a secret and never enters the log. */
  routingKeyName: z.string().trim().min(1).max(80),
  action: z.enum(['trigger', 'acknowledge', 'resolve']),
  dedupKey: z.string().min(1).max(255),
  summary: z.string().max(1024).optional(),
  severity: z.enum(['critical', 'error', 'warning', 'info']).optional(),
});

/** Regenerates the public status page from every incident's log and writes it to the configured folder or git branch. */
export const StatusPagePublishOp = z.object({
  kind: z.literal('statuspage.publish'),
  /** Why it is published (a customers update, the automatic "Resolved" entry), for the outbox list. */
  reason: z.string().trim().min(1).max(200),
});

export const OutboxOperation = z.discriminatedUnion('kind', [
  JiraCreateIssueOp,
  JiraCommentOp,
  JiraTransitionOp,
  JiraRemoteLinkOp,
  PdNoteOp,
  PdSetStatusOp,
  PdReassignOp,
  PdStatusUpdateOp,
  PdEventOp,
  StatusPagePublishOp,
]);
export type OutboxOperation = z.infer<typeof OutboxOperation>;
export type OutboxKind = OutboxOperation['kind'];

export type OutboxSystem = 'jira' | 'pagerduty' | 'statuspage';
export const targetSystem = (op: OutboxOperation): OutboxSystem => (op.kind.startsWith('jira.') ? 'jira' : op.kind.startsWith('statuspage.') ? 'statuspage' : 'pagerduty');

/** One line saying what the write does, for the outbox list and the timeline. */
export function describeOperation(op: OutboxOperation): string {
  switch (op.kind) {
    case 'jira.create_issue':
      return `Create Jira ${op.actionItem ? 'action item' : op.issueType} in ${op.projectKey}: ${op.summary}`;
    case 'jira.comment':
      return `Comment on ${op.issueKey}: ${op.markdown.slice(0, 140)}`;
    case 'jira.transition':
      return `Move ${op.issueKey} via "${op.transitionName}"`;
    case 'jira.remote_link':
      return `Link ${op.issueKey} to ${op.title}`;
    case 'pagerduty.note':
      return `PagerDuty note on ${op.pdIncidentId}: ${op.content.slice(0, 140)}`;
    case 'pagerduty.set_status':
      return `${op.status === 'acknowledged' ? 'Acknowledge' : 'Resolve'} PagerDuty incident ${op.pdIncidentId}`;
    case 'pagerduty.reassign':
      return `Reassign PagerDuty incident ${op.pdIncidentId} to ${op.userIds.join(', ')}`;
    case 'pagerduty.status_update':
      return `PagerDuty status update on ${op.pdIncidentId}: ${op.message.slice(0, 140)}`;
    case 'pagerduty.event':
      return `PagerDuty event ${op.action} (${op.routingKeyName}, dedup ${op.dedupKey})`;
    case 'statuspage.publish':
      return `Publish the status page: ${op.reason}`;
  }
}
