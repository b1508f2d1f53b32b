// Jira Cloud REST v3 client over the shared transport: issues, comments (ADF), transitions, remote links and JQL search.
import { adfToText, markdownToAdf, type AdfDoc } from '../../../../shared/connectors/adf';
import { hasIntentMarker, markerFooter } from '../../../../shared/connectors/intent-marker';
import type { HttpMethod, HttpTransport, QueryValue } from '../http/http-transport';
import { collect, startAtPages, tokenPages } from '../http/paginate';
import { parsePayload } from '../http/parse-payload';
import {
  CommentPagePayload,
  CreatedIssuePayload,
  IssuePayload,
  MyselfPayload,
  RemoteLinkPayload,
  SearchPayload,
  readIssueFields,
  ServerInfoPayload,
  TransitionsPayload,
} from './jira-payloads';

export interface JiraCredentials {
  siteUrl: string;
  email: string;
  apiToken: string;
}

export interface JiraIssue {
  id: string;
  key: string;
  summary: string;
  status: string;
  statusCategory?: string;
  issueType?: string;
  projectKey?: string;
  url: string;
  updated?: string;
  labels: string[];
  /** Used fields Jira sent in a shape Firebreak cannot read; the rest of the issue is still shown, with these as a note. */
  malformed?: { field: string; problem: string }[];
}

/** "Jira sent status in an unexpected shape (…); shown without it." for the UI. */
export function malformedNote(issue: Pick<JiraIssue, 'malformed'>): string | undefined {
  if (!issue.malformed?.length) return undefined;
  return `Jira sent ${issue.malformed.map((m) => `${m.field} (${m.problem})`).join(', ')} in an unexpected shape; shown without ${issue.malformed.length === 1 ? 'it' : 'them'}.`;
}

export interface JiraComment {
  id: string;
  author: string;
  text: string;
  created?: string;
}

export interface NewJiraIssue {
  projectKey: string;
  issueType: string;
  summary: string;
  /** Markdown; converted to ADF. */
  description?: string;
  labels?: string[];
}

const ISSUE_FIELDS = 'summary,status,issuetype,project,labels,updated';
/** Label carried by issues Firebreak creates, so a resend after a crash can find the first copy by JQL. */
export const intentLabel = (intentKey: string): string => `firebreak-${intentKey}`;

export class JiraClient {
  private readonly base: string;
  private readonly auth: string;

  constructor(
    private readonly http: HttpTransport,
    credentials: JiraCredentials,
  ) {
    this.base = credentials.siteUrl.replace(/\/+$/, '');
    this.auth = `Basic ${Buffer.from(`${credentials.email}:${credentials.apiToken}`, 'utf8').toString('base64')}`;
  }

  private async call(
    method: HttpMethod,
    path: string,
    endpoint: string,
    options: { query?: Record<string, QueryValue>; body?: unknown; idempotencyKey?: string; signal?: AbortSignal } = {},
  ): Promise<unknown> {
    const res = await this.http.request({
      method,
      url: this.base + path,
      endpoint: `${method} ${endpoint}`,
      headers: { Authorization: this.auth },
      ...options,
    });
    return res.body;
  }

  private parse<S extends Parameters<typeof parsePayload>[0]>(schema: S, body: unknown, method: HttpMethod, endpoint: string) {
    return parsePayload(schema, body, `${method} ${endpoint}`, 'Jira');
  }

  issueUrl(key: string): string {
    return `${this.base}/browse/${encodeURIComponent(key)}`;
  }

  private toIssue(p: IssuePayload): JiraIssue {
    const { fields: f, malformed } = readIssueFields(p.fields);
    return {
      ...(malformed.length > 0 ? { malformed } : {}),
      id: p.id,
      key: p.key,
      summary: f.summary ?? '',
      status: f.status?.name ?? 'unknown',
      ...(f.status?.statusCategory?.key ? { statusCategory: f.status.statusCategory.key } : {}),
      ...(f.issuetype ? { issueType: f.issuetype.name } : {}),
      ...(f.project ? { projectKey: f.project.key } : {}),
      url: this.issueUrl(p.key),
      ...(f.updated ? { updated: f.updated } : {}),
      labels: f.labels ?? [],
    };
  }

  async serverInfo(signal?: AbortSignal) {
    const e = '/rest/api/3/serverInfo';
    return this.parse(ServerInfoPayload, await this.call('GET', e, e, { signal }), 'GET', e);
  }

  async myself(signal?: AbortSignal) {
    const e = '/rest/api/3/myself';
    return this.parse(MyselfPayload, await this.call('GET', e, e, { signal }), 'GET', e);
  }

  async getIssue(key: string): Promise<JiraIssue> {
    const e = '/rest/api/3/issue/{issueIdOrKey}';
    const body = await this.call('GET', `/rest/api/3/issue/${encodeURIComponent(key)}`, e, { query: { fields: ISSUE_FIELDS } });
    return this.toIssue(this.parse(IssuePayload, body, 'GET', e));
  }

  async createIssue(issue: NewJiraIssue, intentKey: string): Promise<JiraIssue> {
    const e = '/rest/api/3/issue';
    const fields: Record<string, unknown> = {
      project: { key: issue.projectKey },
      issuetype: { name: issue.issueType },
      summary: issue.summary,
      labels: [...(issue.labels ?? []), intentLabel(intentKey)],
    };
    if (issue.description) fields.description = markdownToAdf(issue.description);
    const body = await this.call('POST', e, e, { body: { fields, properties: [{ key: 'firebreak', value: { intentKey } }] } });
    const created = this.parse(CreatedIssuePayload, body, 'POST', e);
    return { id: created.id, key: created.key, summary: issue.summary, status: 'unknown', url: this.issueUrl(created.key), labels: fields.labels as string[] };
  }

  /** The issue an earlier attempt of this intent created, if any (JQL on the intent label). */
  async findIssueByIntent(intentKey: string): Promise<JiraIssue | undefined> {
    const found = await this.search(`labels = "${intentLabel(intentKey)}" ORDER BY created ASC`, 1);
    return found[0];
  }

  /** JQL search through /rest/api/3/search/jql, following nextPageToken up to `limit` issues. */
  async search(jql: string, limit = 100): Promise<JiraIssue[]> {
    const e = '/rest/api/3/search/jql';
    const out: JiraIssue[] = [];
    const pages = tokenPages(async (token) => {
      const body = await this.call('GET', e, e, { query: { jql, fields: ISSUE_FIELDS, maxResults: Math.min(100, limit), nextPageToken: token } });
      const page = this.parse(SearchPayload, body, 'GET', e);
      return { items: page.issues, nextPageToken: page.nextPageToken, isLast: page.isLast };
    });
    for await (const items of pages) {
      // One entry without an id or key is left out; it must not cost the user the other results.
      for (const raw of items) {
        const issue = IssuePayload.safeParse(raw);
        if (issue.success) out.push(this.toIssue(issue.data));
      }
      if (out.length >= limit) break;
    }
    return out.slice(0, limit);
  }

  commentBody(markdown: string, intentKey: string): AdfDoc {
    const doc = markdownToAdf(markdown);
    doc.content.push({ type: 'paragraph', content: [{ type: 'text', text: markerFooter(intentKey), marks: [{ type: 'em' }] }] });
    return doc;
  }

  async addComment(issueKey: string, markdown: string, intentKey: string): Promise<JiraComment> {
    const e = '/rest/api/3/issue/{issueIdOrKey}/comment';
    const body = await this.call('POST', `/rest/api/3/issue/${encodeURIComponent(issueKey)}/comment`, e, {
      body: { body: this.commentBody(markdown, intentKey), properties: [{ key: 'firebreak', value: { intentKey } }] },
    });
    return this.toComment(this.parse(CommentPagePayload.shape.comments.element, body, 'POST', e));
  }

  private toComment(c: { id: string; author?: { displayName?: string | undefined; accountId?: string | undefined } | undefined; body: unknown; created?: string | undefined }): JiraComment {
    return { id: c.id, author: c.author?.displayName ?? c.author?.accountId ?? 'unknown', text: adfToText(c.body), ...(c.created ? { created: c.created } : {}) };
  }

  /** All comments of an issue, oldest first (startAt/maxResults/total paging). */
  async comments(issueKey: string): Promise<JiraComment[]> {
    const e = '/rest/api/3/issue/{issueIdOrKey}/comment';
    const all = await collect(
      startAtPages(async (startAt) => {
        const body = await this.call('GET', `/rest/api/3/issue/${encodeURIComponent(issueKey)}/comment`, e, { query: { startAt, maxResults: 100, orderBy: 'created' } });
        const page = this.parse(CommentPagePayload, body, 'GET', e);
        return { items: page.comments, startAt: page.startAt, maxResults: page.maxResults, total: page.total };
      }),
    );
    return all.map((c) => this.toComment(c));
  }

  async findCommentByIntent(issueKey: string, intentKey: string): Promise<JiraComment | undefined> {
    return (await this.comments(issueKey)).find((c) => hasIntentMarker(c.text, intentKey));
  }

  async transitions(issueKey: string): Promise<{ id: string; name: string; to?: string }[]> {
    const e = '/rest/api/3/issue/{issueIdOrKey}/transitions';
    const body = await this.call('GET', `/rest/api/3/issue/${encodeURIComponent(issueKey)}/transitions`, e);
    return this.parse(TransitionsPayload, body, 'GET', e).transitions.map((t) => ({ id: t.id, name: t.name, ...(t.to ? { to: t.to.name } : {}) }));
  }

  async transition(issueKey: string, transitionId: string): Promise<void> {
    const e = '/rest/api/3/issue/{issueIdOrKey}/transitions';
    await this.call('POST', `/rest/api/3/issue/${encodeURIComponent(issueKey)}/transitions`, e, { body: { transition: { id: transitionId } } });
  }

  /** Creates or updates (same globalId) a remote link, so repeating it is harmless. */
  async remoteLink(issueKey: string, link: { globalId: string; url: string; title: string; summary?: string }): Promise<{ id: number }> {
    const e = '/rest/api/3/issue/{issueIdOrKey}/remotelink';
    const body = await this.call('POST', `/rest/api/3/issue/${encodeURIComponent(issueKey)}/remotelink`, e, {
      idempotencyKey: link.globalId,
      body: {
        globalId: link.globalId,
        application: { type: 'com.pagerduty', name: 'PagerDuty' },
        relationship: 'incident',
        object: { url: link.url, title: link.title, ...(link.summary ? { summary: link.summary } : {}) },
      },
    });
    return this.parse(RemoteLinkPayload, body, 'POST', e);
  }
}
