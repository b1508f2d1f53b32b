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

/**
 * The links as a fold that never mutates what it was given (playback keeps earlier states as checkpoints). Only the
 * PagerDuty status writes are remembered from the outbox: they are what moves the linked incident's status once sent.
 */
export interface LinkFold {
  jiraIssues: readonly LinkedJiraIssue[];
  pagerDuty?: LinkedPagerDutyIncident;
  pendingStatus: ReadonlyMap<string, 'acknowledged' | 'resolved'>;
}

export const noLinks: LinkFold = { jiraIssues: [], pendingStatus: new Map() };

export function applyLinkEvent(links: LinkFold, e: IncidentEvent): LinkFold {
  switch (e.type) {
    case 'jira.issue_linked': {
      const p = e.payload;
      const issue: LinkedJiraIssue = { issueKey: p.issueKey, summary: p.summary, status: p.status, url: p.url, created: p.created, actionItem: p.actionItem === true };
      const i = links.jiraIssues.findIndex((x) => x.issueKey === p.issueKey);
      return { ...links, jiraIssues: i >= 0 ? links.jiraIssues.map((x, j) => (j === i ? issue : x)) : [...links.jiraIssues, issue] };
    }
    case 'jira.status_seen': {
      if (!links.jiraIssues.some((x) => x.issueKey === e.payload.issueKey)) return links;
      // Only the first issue with the key changes, as before (keys are unique once linked).
      const i = links.jiraIssues.findIndex((x) => x.issueKey === e.payload.issueKey);
      return { ...links, jiraIssues: links.jiraIssues.map((x, j) => (j === i ? { ...x, status: e.payload.to } : x)) };
    }
    case 'pagerduty.incident_linked': {
      const p = e.payload;
      const pagerDuty: LinkedPagerDutyIncident = {
        pdIncidentId: p.pdIncidentId,
        title: p.title,
        status: p.status,
        ...(p.number !== undefined ? { number: p.number } : {}),
        ...(p.serviceId ? { serviceId: p.serviceId } : {}),
        ...(p.serviceName ? { serviceName: p.serviceName } : {}),
        ...(p.url ? { url: p.url } : {}),
      };
      return { ...links, pagerDuty };
    }
    case 'pagerduty.log_entry_imported': {
      const pd = links.pagerDuty;
      if (!pd || pd.pdIncidentId !== e.payload.pdIncidentId) return links;
      let status = pd.status;
      if (e.payload.entryType === 'acknowledge_log_entry' && status === 'triggered') status = 'acknowledged';
      if (e.payload.entryType === 'resolve_log_entry') status = 'resolved';
      return status === pd.status ? links : { ...links, pagerDuty: { ...pd, status } };
    }
    case 'outbox.intent_queued': {
      const op = e.payload.operation;
      const tracked = op.kind === 'pagerduty.set_status' && links.pagerDuty?.pdIncidentId === op.pdIncidentId;
      // A later intent with the same key replaces the earlier one, tracked or not.
      if (!tracked && !links.pendingStatus.has(e.payload.intentKey)) return links;
      const pendingStatus = new Map(links.pendingStatus);
      if (tracked) pendingStatus.set(e.payload.intentKey, op.status);
      else pendingStatus.delete(e.payload.intentKey);
      return { ...links, pendingStatus };
    }
    case 'outbox.sent': {
      const status = links.pendingStatus.get(e.payload.intentKey);
      if (!status || !links.pagerDuty) return links;
      return { ...links, pagerDuty: { ...links.pagerDuty, status } };
    }
    default:
      return links;
  }
}

const importKey = (e: IncidentEvent): string | undefined => {
  if (e.type === 'jira.comment_imported') return `${e.payload.issueKey}/${e.payload.commentId}`;
  if (e.type === 'pagerduty.log_entry_imported') return `${e.payload.pdIncidentId}/${e.payload.entryId}`;
  if (e.type === 'pagerduty.note_imported') return `${e.payload.pdIncidentId}/${e.payload.noteId}`;
  return undefined;
};

export function projectLinks(events: readonly IncidentEvent[]): IncidentLinks {
  let fold = noLinks;
  const imported = new Set<string>();
  for (const e of events) {
    fold = applyLinkEvent(fold, e);
    const key = importKey(e);
    if (key) imported.add(key);
  }
  return { jiraIssues: [...fold.jiraIssues], ...(fold.pagerDuty ? { pagerDuty: fold.pagerDuty } : {}), imported };
}

/**
 * The same fold for the core's cached per-incident projection (shared/projections), which owns its state and advances it in
 * place: the links fold itself stays immutable (playback checkpoints share it); only the set of imported ids grows in place.
 */
export interface LinksFold {
  fold: LinkFold;
  imported: Set<string>;
}

export const emptyLinksFold = (): LinksFold => ({ fold: noLinks, imported: new Set() });

export function applyLinksEvent(state: LinksFold, e: IncidentEvent): LinksFold {
  state.fold = applyLinkEvent(state.fold, e);
  const key = importKey(e);
  if (key) state.imported.add(key);
  return state;
}

export const linksOf = (state: LinksFold): IncidentLinks => ({
  jiraIssues: [...state.fold.jiraIssues],
  ...(state.fold.pagerDuty ? { pagerDuty: state.fold.pagerDuty } : {}),
  imported: state.imported,
});
