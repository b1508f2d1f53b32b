// Events from Jira and PagerDuty: links between a Firebreak incident and remote tickets/incidents, and what was read back from them.
import { z } from 'zod';
import { eventOf } from './envelope';

export const JiraIssueLinked = eventOf(
  'jira.issue_linked',
  z.object({
    issueKey: z.string().min(1).max(40),
    issueId: z.string().max(40).optional(),
    summary: z.string().max(500),
    status: z.string().max(120),
    url: z.string().max(2000),
    /** Created by Firebreak through the outbox, rather than an existing issue linked by hand. */
    created: z.boolean().default(false),
    actionItem: z.boolean().optional(),
  }),
);

export const JiraCommentImported = eventOf(
  'jira.comment_imported',
  z.object({ issueKey: z.string().min(1).max(40), commentId: z.string().min(1).max(40), author: z.string().max(200), text: z.string().max(30000), createdAt: z.string().max(40).optional() }),
);

export const JiraStatusSeen = eventOf(
  'jira.status_seen',
  z.object({ issueKey: z.string().min(1).max(40), from: z.string().max(120).optional(), to: z.string().min(1).max(120) }),
);

export const PagerDutyIncidentLinked = eventOf(
  'pagerduty.incident_linked',
  z.object({
    pdIncidentId: z.string().min(1).max(40),
    number: z.number().int().optional(),
    title: z.string().max(1000),
    status: z.enum(['triggered', 'acknowledged', 'resolved']),
    urgency: z.enum(['high', 'low']).optional(),
    serviceId: z.string().max(40).optional(),
    serviceName: z.string().max(200).optional(),
    url: z.string().max(2000).optional(),
  }),
);

export const PagerDutyLogEntryImported = eventOf(
  'pagerduty.log_entry_imported',
  z.object({
    pdIncidentId: z.string().min(1).max(40),
    entryId: z.string().min(1).max(40),
    entryType: z.string().max(80),
    summary: z.string().max(2000),
    agent: z.string().max(200).optional(),
    createdAt: z.string().max(40),
  }),
);

export const PagerDutyNoteImported = eventOf(
  'pagerduty.note_imported',
  z.object({ pdIncidentId: z.string().min(1).max(40), noteId: z.string().min(1).max(40), author: z.string().max(200), content: z.string().max(25000), createdAt: z.string().max(40).optional() }),
);

export const connectorEventSchemas = [JiraIssueLinked, JiraCommentImported, JiraStatusSeen, PagerDutyIncidentLinked, PagerDutyLogEntryImported, PagerDutyNoteImported] as const;
