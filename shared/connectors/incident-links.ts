// Which Jira issues and PagerDuty incident a Firebreak incident is linked to, and what was already imported: a pure fold of its log.
import type { IncidentEvent } from '../events';

export interface LinkedJiraIssue {
  issueKey: string;
  summary: string;
  status: string;
  url: string;
  created: boolean;
  actionItem: boolean;
}

export interface LinkedPagerDutyIncident {
  pdIncidentId: string;
  number?: number;
  title: string;
  status: 'triggered' | 'acknowledged' | 'resolved';
  serviceId?: string;
  serviceName?: string;
  url?: string;
}

export interface IncidentLinks {
  jiraIssues: LinkedJiraIssue[];
  pagerDuty?: LinkedPagerDutyIncident;
  /** "ISSUE-1/commentId", "PINC/entryId", "PINC/noteId": what a sync must not import twice. */
  imported: Set<string>;
}

/** The links plus the queued outbox writes whose success changes a link's status: what folding one event at a time needs. */
export interface LinksFold {
  links: IncidentLinks;
  pendingOps: Map<string, { kind: string; status?: 'acknowledged' | 'resolved' }>;
}

export const emptyLinksFold = (): LinksFold => ({ links: { jiraIssues: [], imported: new Set() }, pendingOps: new Map() });

export function projectLinks(events: readonly IncidentEvent[]): IncidentLinks {
  const fold = emptyLinksFold();
  for (const e of events) applyLinksEvent(fold, e);
  return fold.links;
}

/** Folds one event into `fold` (in place: the fold is owned by one projection). */
export function applyLinksEvent(fold: LinksFold, e: IncidentEvent): LinksFold {
  const { links, pendingOps } = fold;
  switch (e.type) {
    case 'jira.issue_linked': {
      const p = e.payload;
      const issue: LinkedJiraIssue = { issueKey: p.issueKey, summary: p.summary, status: p.status, url: p.url, created: p.created, actionItem: p.actionItem === true };
      const i = links.jiraIssues.findIndex((x) => x.issueKey === p.issueKey);
      if (i >= 0) links.jiraIssues[i] = issue;
      else links.jiraIssues.push(issue);
      break;
    }
    case 'jira.status_seen': {
      const issue = links.jiraIssues.find((x) => x.issueKey === e.payload.issueKey);
      if (issue) issue.status = e.payload.to;
      break;
    }
    case 'jira.comment_imported':
      links.imported.add(`${e.payload.issueKey}/${e.payload.commentId}`);
      break;
    case 'pagerduty.incident_linked': {
      const p = e.payload;
      links.pagerDuty = {
        pdIncidentId: p.pdIncidentId,
        title: p.title,
        status: p.status,
        ...(p.number !== undefined ? { number: p.number } : {}),
        ...(p.serviceId ? { serviceId: p.serviceId } : {}),
        ...(p.serviceName ? { serviceName: p.serviceName } : {}),
        ...(p.url ? { url: p.url } : {}),
      };
      break;
    }
    case 'pagerduty.log_entry_imported': {
      links.imported.add(`${e.payload.pdIncidentId}/${e.payload.entryId}`);
      const pd = links.pagerDuty;
      if (pd && pd.pdIncidentId === e.payload.pdIncidentId) {
        if (e.payload.entryType === 'acknowledge_log_entry' && pd.status === 'triggered') pd.status = 'acknowledged';
        if (e.payload.entryType === 'resolve_log_entry') pd.status = 'resolved';
      }
      break;
    }
    case 'pagerduty.note_imported':
      links.imported.add(`${e.payload.pdIncidentId}/${e.payload.noteId}`);
      break;
    case 'outbox.intent_queued': {
      const op = e.payload.operation;
      pendingOps.set(e.payload.intentKey, op.kind === 'pagerduty.set_status' && links.pagerDuty?.pdIncidentId === op.pdIncidentId ? { kind: op.kind, status: op.status } : { kind: op.kind });
      break;
    }
    case 'outbox.sent': {
      const op = pendingOps.get(e.payload.intentKey);
      if (op?.status && links.pagerDuty) links.pagerDuty.status = op.status;
      break;
    }
    default:
      break;
  }
  return fold;
}
