// Test support: an in-memory Jira Cloud stand-in serving only the operations Firebreak uses, checked against the official v3 spec.
import { StandInServer, type StandInReply, type StandInRequest } from './stand-in-server';

export interface StandInIssue {
  id: string;
  key: string;
  summary: string;
  status: string;
  issueType: string;
  projectKey: string;
  labels: string[];
  description?: unknown;
  comments: { id: string; author: string; body: unknown; created: string }[];
  remoteLinks: { id: number; globalId?: string; url: string; title: string }[];
  properties: Record<string, unknown>;
  updated: string;
}

const STATUS_CATEGORY: Record<string, string> = { 'To Do': 'new', 'In Progress': 'indeterminate', Done: 'done' };
const TRANSITIONS = [
  { id: '11', name: 'Reopen', to: 'To Do' },
  { id: '21', name: 'Start progress', to: 'In Progress' },
  { id: '31', name: 'Resolve', to: 'Done' },
];

export interface JiraStandInOptions {
  email?: string;
  apiToken?: string;
  deploymentType?: string;
  pageSize?: number;
}

export class JiraStandIn extends StandInServer {
  readonly issues = new Map<string, StandInIssue>();
  /** Simulates Jira's search index lag: keys here exist but are not found by JQL yet. */
  readonly hiddenFromSearch = new Set<string>();
  hideNewIssuesFromSearch = false;
  /** Per issue key, fields sent as given on top of the usual ones: odd but spec-valid shapes (the spec leaves `fields` open). */
  readonly oddFields = new Map<string, Record<string, unknown>>();
  private nextId = 10000;
  private nextComment = 50000;
  private readonly pageSize: number;
  private readonly expectedAuth: string;

  constructor(private readonly options: JiraStandInOptions = {}) {
    super([{ file: 'jira-platform-v3.openapi.json', prefix: '/' }]);
    this.pageSize = options.pageSize ?? 50;
    this.expectedAuth = `Basic ${Buffer.from(`${options.email ?? 'ic@example.com'}:${options.apiToken ?? 'jira-token'}`).toString('base64')}`;
    this.serve();
  }

  seedIssue(partial: Partial<StandInIssue> & { key: string; summary: string }): StandInIssue {
    const issue: StandInIssue = {
      id: String(this.nextId++),
      status: 'To Do',
      issueType: 'Bug',
      projectKey: partial.key.split('-')[0]!,
      labels: [],
      comments: [],
      remoteLinks: [],
      properties: {},
      updated: new Date().toISOString(),
      ...partial,
    };
    this.issues.set(issue.key, issue);
    return issue;
  }

  addRemoteComment(key: string, author: string, text: string): void {
    const issue = this.issues.get(key)!;
    issue.comments.push({ id: String(this.nextComment++), author, created: new Date().toISOString(), body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } });
  }

  private authorised(req: StandInRequest): StandInReply | undefined {
    if (req.headers.authorization !== this.expectedAuth) return { status: 401, body: { errorMessages: ['You are not authenticated. Authentication required to perform this operation.'], errors: {} } };
    return undefined;
  }

  private issueOr404(req: StandInRequest): StandInIssue | StandInReply {
    const key = req.params.issueIdOrKey!;
    const issue = this.issues.get(key) ?? [...this.issues.values()].find((i) => i.id === key);
    return issue ?? { status: 404, body: { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} } };
  }

  private issueBean(i: StandInIssue): Record<string, unknown> {
    return {
      id: i.id,
      key: i.key,
      self: `${this.url}/rest/api/3/issue/${i.id}`,
      fields: {
        summary: i.summary,
        status: { name: i.status, statusCategory: { key: STATUS_CATEGORY[i.status] ?? 'new', name: i.status } },
        issuetype: { name: i.issueType },
        project: { key: i.projectKey },
        labels: i.labels,
        updated: i.updated,
        ...this.oddFields.get(i.key),
      },
    };
  }

  private commentBean(c: StandInIssue['comments'][number]): Record<string, unknown> {
    return { id: c.id, author: { accountId: `acc-${c.author}`, displayName: c.author }, body: c.body, created: c.created, updated: c.created };
  }

  /** A tiny JQL subset: `labels = x`, `project = X`, `key = K`, `key in (A, B)` joined by AND, with ORDER BY ignored. */
  private matches(jql: string): ((i: StandInIssue) => boolean) | string {
    const where = jql.replace(/\s+ORDER\s+BY\s+.*$/i, '').trim();
    if (!where) return 'Unbounded JQL queries are not allowed here.';
    const clauses = where.split(/\s+AND\s+/i);
    const tests: ((i: StandInIssue) => boolean)[] = [];
    for (const clause of clauses) {
      const unq = (s: string) => s.trim().replace(/^"(.*)"$/, '$1');
      let m: RegExpExecArray | null;
      if ((m = /^labels\s*=\s*(.+)$/i.exec(clause))) tests.push((i) => i.labels.includes(unq(m![1]!)));
      else if ((m = /^project\s*=\s*(.+)$/i.exec(clause))) tests.push((i) => i.projectKey === unq(m![1]!));
      else if ((m = /^key\s*=\s*(.+)$/i.exec(clause))) tests.push((i) => i.key === unq(m![1]!));
      else if ((m = /^key\s+in\s*\((.*)\)$/i.exec(clause))) {
        const keys = m[1]!.split(',').map(unq);
        tests.push((i) => keys.includes(i.key));
      } else return `Error in the JQL Query: unsupported clause '${clause}'.`;
    }
    return (i) => tests.every((t) => t(i));
  }

  private serve(): void {
    this.on('GET /rest/api/3/serverInfo', () => ({
      status: 200,
      body: { baseUrl: this.url, version: '1001.0.0-SNAPSHOT', deploymentType: this.options.deploymentType ?? 'Cloud', serverTitle: 'Stand-in Jira', buildNumber: 100270 },
    }));
    this.on('GET /rest/api/3/myself', (req) => this.authorised(req) ?? { status: 200, body: { accountId: 'acc-ic', displayName: 'Incident Commander', emailAddress: this.options.email ?? 'ic@example.com', active: true } });
    this.on('GET /rest/api/3/issue/{issueIdOrKey}', (req) => {
      const denied = this.authorised(req);
      if (denied) return denied;
      const issue = this.issueOr404(req);
      return 'comments' in issue ? { status: 200, body: this.issueBean(issue) } : issue;
    });
    this.on('POST /rest/api/3/issue', (req) => {
      const denied = this.authorised(req);
      if (denied) return denied;
      const b = req.body as { fields: { project: { key: string }; issuetype: { name: string }; summary?: string; labels?: string[]; description?: unknown }; properties?: { key: string; value: unknown }[] };
      if (!b.fields.summary) return { status: 400, body: { errorMessages: [], errors: { summary: 'You must specify a summary of the issue.' } } };
      const projectKey = b.fields.project.key;
      const n = [...this.issues.values()].filter((i) => i.projectKey === projectKey).length + 1;
      const issue = this.seedIssue({
        key: `${projectKey}-${n}`,
        summary: b.fields.summary,
        issueType: b.fields.issuetype.name,
        labels: b.fields.labels ?? [],
        description: b.fields.description,
        properties: Object.fromEntries((b.properties ?? []).map((p) => [p.key, p.value])),
      });
      if (this.hideNewIssuesFromSearch) this.hiddenFromSearch.add(issue.key);
      return { status: 201, body: { id: issue.id, key: issue.key, self: `${this.url}/rest/api/3/issue/${issue.id}` } };
    });
    this.on('GET /rest/api/3/search/jql', (req) => {
      const denied = this.authorised(req);
      if (denied) return denied;
      const match = this.matches(req.query.get('jql') ?? '');
      if (typeof match === 'string') return { status: 400, body: { errorMessages: [match], errors: {} } };
      const all = [...this.issues.values()].filter((i) => !this.hiddenFromSearch.has(i.key)).filter(match);
      const start = Number(req.query.get('nextPageToken') ?? '0');
      const size = Math.min(Number(req.query.get('maxResults') ?? this.pageSize), this.pageSize);
      const page = all.slice(start, start + size);
      const isLast = start + size >= all.length;
      return { status: 200, body: { issues: page.map((i) => this.issueBean(i)), isLast, ...(isLast ? {} : { nextPageToken: String(start + size) }) } };
    });
    this.on('GET /rest/api/3/issue/{issueIdOrKey}/comment', (req) => {
      const denied = this.authorised(req);
      if (denied) return denied;
      const issue = this.issueOr404(req);
      if (!('comments' in issue)) return issue;
      const startAt = Number(req.query.get('startAt') ?? 0);
      const maxResults = Math.min(Number(req.query.get('maxResults') ?? this.pageSize), this.pageSize);
      const page = issue.comments.slice(startAt, startAt + maxResults);
      return { status: 200, body: { comments: page.map((c) => this.commentBean(c)), startAt, maxResults, total: issue.comments.length } };
    });
    this.on('POST /rest/api/3/issue/{issueIdOrKey}/comment', (req) => {
      const denied = this.authorised(req);
      if (denied) return denied;
      const issue = this.issueOr404(req);
      if (!('comments' in issue)) return issue;
      const comment = { id: String(this.nextComment++), author: 'Incident Commander', body: (req.body as { body: unknown }).body, created: new Date().toISOString() };
      issue.comments.push(comment);
      return { status: 201, body: this.commentBean(comment) };
    });
    this.on('GET /rest/api/3/issue/{issueIdOrKey}/transitions', (req) => {
      const denied = this.authorised(req);
      if (denied) return denied;
      const issue = this.issueOr404(req);
      if (!('comments' in issue)) return issue;
      const available = TRANSITIONS.filter((t) => t.to !== issue.status);
      return { status: 200, body: { transitions: available.map((t) => ({ id: t.id, name: t.name, to: { name: t.to, id: t.id } })) } };
    });
    this.on('POST /rest/api/3/issue/{issueIdOrKey}/transitions', (req) => {
      const denied = this.authorised(req);
      if (denied) return denied;
      const issue = this.issueOr404(req);
      if (!('comments' in issue)) return issue;
      const t = TRANSITIONS.find((x) => x.id === (req.body as { transition?: { id?: string } }).transition?.id);
      if (!t) return { status: 400, body: { errorMessages: ['Transition id is not valid for this issue.'], errors: {} } };
      issue.status = t.to;
      issue.updated = new Date().toISOString();
      return { status: 204 };
    });
    this.on('POST /rest/api/3/issue/{issueIdOrKey}/remotelink', (req) => {
      const denied = this.authorised(req);
      if (denied) return denied;
      const issue = this.issueOr404(req);
      if (!('comments' in issue)) return issue;
      const b = req.body as { globalId?: string; object: { url: string; title: string } };
      const existing = b.globalId ? issue.remoteLinks.find((l) => l.globalId === b.globalId) : undefined;
      if (existing) {
        Object.assign(existing, { url: b.object.url, title: b.object.title });
        return { status: 200, body: { id: existing.id, self: `${this.url}/rest/api/3/issue/${issue.key}/remotelink/${existing.id}` } };
      }
      const link = { id: 10000 + issue.remoteLinks.length, url: b.object.url, title: b.object.title, ...(b.globalId ? { globalId: b.globalId } : {}) };
      issue.remoteLinks.push(link);
      return { status: 201, body: { id: link.id, self: `${this.url}/rest/api/3/issue/${issue.key}/remotelink/${link.id}` } };
    });
  }
}
