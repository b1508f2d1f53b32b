// IPC contract for the Jira Cloud connector: settings (token never returned), test connection, link/create/comment/transition, JQL, sync.
import { z } from 'zod';
import { ConnectionReport } from '../connectors/connection-report';
import { ConnectorUrl } from '../connectors/connector-url';
import { JiraCreateIssueOp } from '../outbox/outbox-operation';
import { request } from './define';
import { IncidentId } from './incidents';
import { OutboxItemSchema } from './outbox';

const IssueKey = z.string().trim().toUpperCase().pipe(z.string().regex(/^[A-Z][A-Z0-9_]+-\d+$/, 'A Jira issue key looks like OPS-123'));

export const JiraSettingsView = z.object({
  configured: z.boolean(),
  siteUrl: z.string().optional(),
  email: z.string().optional(),
  /** Only whether a token is stored; the token itself never leaves the main process. */
  tokenConfigured: z.boolean(),
  protection: z.string(),
});
export type JiraSettingsView = z.infer<typeof JiraSettingsView>;

export const JiraIssueView = z.object({
  key: z.string(),
  summary: z.string(),
  status: z.string(),
  statusCategory: z.string().optional(),
  issueType: z.string().optional(),
  url: z.string(),
  /** Set when a field Firebreak uses came in an unexpected shape: the issue is shown without it, and this says so. */
  note: z.string().optional(),
});
export type JiraIssueView = z.infer<typeof JiraIssueView>;

export const LinkedJiraIssueView = z.object({ issueKey: z.string(), summary: z.string(), status: z.string(), url: z.string(), created: z.boolean(), actionItem: z.boolean() });

const ByIncident = z.object({ incidentId: IncidentId });

export const jiraContract = {
  'jira.settings.get': request('Jira connection settings without the token', z.object({}), JiraSettingsView),
  'jira.settings.save': request(
    'Save the Jira site, email and (optionally new) API token',
    z.object({ siteUrl: ConnectorUrl, email: z.email('Use the email of the Atlassian account'), apiToken: z.string().trim().min(8, 'Paste the whole API token').max(500).optional() }),
    JiraSettingsView,
  ),
  'jira.settings.clear': request('Forget the Jira site and token', z.object({}), JiraSettingsView),
  'jira.testConnection': request('Check the Jira site and credentials', z.object({}), ConnectionReport),
  'jira.issue': request('Read one Jira issue', z.object({ issueKey: IssueKey }), JiraIssueView),
  'jira.search': request(
    'Related issues by JQL (enhanced search, nextPageToken paging)',
    z.object({ jql: z.string().trim().min(1, 'Enter a JQL query').max(4000), limit: z.number().int().positive().max(200).default(50) }),
    z.array(JiraIssueView),
  ),
  'jira.linked': request('Jira issues linked to an incident', ByIncident, z.array(LinkedJiraIssueView)),
  'jira.link': request('Link an existing Jira issue to the incident', ByIncident.extend({ issueKey: IssueKey }), LinkedJiraIssueView),
  'jira.createIssue': request('Queue creation of a Jira issue (incident ticket or action item)', ByIncident.extend(JiraCreateIssueOp.omit({ kind: true }).shape), OutboxItemSchema),
  'jira.comment': request(
    'Queue a comment (Markdown, sent as ADF) on a linked issue',
    ByIncident.extend({ issueKey: IssueKey, markdown: z.string().trim().min(1, 'A comment cannot be empty').max(30000) }),
    OutboxItemSchema,
  ),
  'jira.transitions': request('Transitions available for an issue', z.object({ issueKey: IssueKey }), z.array(z.object({ id: z.string(), name: z.string(), to: z.string().optional() }))),
  'jira.transition': request('Queue a transition of a linked issue', ByIncident.extend({ issueKey: IssueKey, transitionId: z.string().min(1).max(20) }), OutboxItemSchema),
  'jira.sync': request('Read comments and status changes of linked issues into the timeline', ByIncident, z.object({ imported: z.number().int() })),
};
