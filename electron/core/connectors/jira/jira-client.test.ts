// Tests for the Jira client and Test connection against the spec-validated Jira stand-in.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adfSchemaErrors } from '../../../../shared/markdown/adf-schema.test-support';
import { HttpTransport } from '../http/http-transport';
import { fakeClock } from '../testing/local-server';
import { JiraStandIn } from '../testing/jira-stand-in';
import { intentLabel, JiraClient, malformedNote } from './jira-client';
import { testJiraConnection } from './jira-connection';

let jira: JiraStandIn;
let client: JiraClient;
let clock: ReturnType<typeof fakeClock>;

function clientFor(url: string, apiToken = 'jira-token', timeoutMs = 2000) {
  clock = fakeClock();
  return new JiraClient(new HttpTransport({ product: 'Jira', clock, timeoutMs, maxAttempts: 3 }), { siteUrl: url, email: 'ic@example.com', apiToken });
}

beforeEach(async () => {
  jira = await new JiraStandIn({ pageSize: 2 }).start();
  client = clientFor(jira.url);
});

afterEach(async () => {
  expect(jira.violations).toEqual([]);
  await jira.close();
});

describe('JiraClient against the stand-in', () => {
  it('creates an issue with an ADF description and the intent label, then finds it by intent', async () => {
    const created = await client.createIssue({ projectKey: 'OPS', issueType: 'Task', summary: 'Checkout 5xx', description: 'Rolled back **v42**' }, 'intent-abc12345');
    expect(created.key).toBe('OPS-1');
    const stored = jira.issues.get('OPS-1')!;
    expect(stored.labels).toContain(intentLabel('intent-abc12345'));
    expect(stored.description).toMatchObject({ type: 'doc', version: 1 });
    expect((await client.findIssueByIntent('intent-abc12345'))?.key).toBe('OPS-1');
    expect(await client.findIssueByIntent('intent-other999')).toBeUndefined();
  });

  it('adds a comment carrying the intent marker, and finds it across comment pages', async () => {
    jira.seedIssue({ key: 'OPS-7', summary: 'Payments latency' });
    for (let i = 0; i < 3; i++) jira.addRemoteComment('OPS-7', 'Dana', `older ${i}`);
    await client.addComment('OPS-7', 'Mitigated by **rollback**', 'intent-comment01');
    const comments = await client.comments('OPS-7');
    expect(comments).toHaveLength(4);
    expect(comments[3]!.text).toContain('Mitigated by rollback');
    expect((await client.findCommentByIntent('OPS-7', 'intent-comment01'))?.id).toBe(comments[3]!.id);
    expect(await client.findCommentByIntent('OPS-7', 'intent-missing01')).toBeUndefined();
  });

  it('posts an update as ADF that keeps its table, line breaks and strikethrough, valid by Atlassian\'s ADF schema', async () => {
    jira.seedIssue({ key: 'OPS-8', summary: 'Checkout errors' });
    await client.addComment('OPS-8', '~~Investigating~~ Identified\nRolling back.\n\n| Service | Status |\n| --- | --- |\n| checkout | degraded |', 'intent-table0001');
    const body = jira.issues.get('OPS-8')!.comments[0]!.body as { content: { type: string; content?: unknown[] }[] };
    expect(adfSchemaErrors(body)).toEqual([]);
    const json = JSON.stringify(body);
    expect(body.content.map((n) => n.type)).toEqual(['paragraph', 'table', 'paragraph']);
    for (const cell of ['Service', 'Status', 'checkout', 'degraded']) expect(json).toContain(`{"type":"text","text":"${cell}"}`);
    expect(json).toContain('{"type":"text","text":"Investigating","marks":[{"type":"strike"}]}');
    expect(json).toContain('{"type":"hardBreak"}');
  });

  it('searches JQL across nextPageToken pages', async () => {
    for (let i = 1; i <= 5; i++) jira.seedIssue({ key: `OPS-${i}`, summary: `issue ${i}`, labels: ['checkout'] });
    const found = await client.search('labels = checkout ORDER BY created DESC');
    expect(found.map((i) => i.key)).toEqual(['OPS-1', 'OPS-2', 'OPS-3', 'OPS-4', 'OPS-5']);
    expect(jira.log.filter((l) => l.operationId === 'searchAndReconsileIssuesUsingJql')).toHaveLength(3);
  });

  it('reads issues with odd field types: tolerates what it does not use, shows the rest with a note where a used field is malformed', async () => {
    jira.seedIssue({ key: 'OPS-20', summary: 'Numbers for dates' });
    jira.seedIssue({ key: 'OPS-21', summary: 'A status that is a string' });
    jira.oddFields.set('OPS-20', { updated: 1764662400000, customfield_10020: [{ id: 7, state: 42 }], timetracking: 'n/a', priority: 3 });
    jira.oddFields.set('OPS-21', { status: 'Done', labels: 'ops', updated: { epoch: 1 } });
    const odd = await client.getIssue('OPS-20');
    expect(odd).toMatchObject({ key: 'OPS-20', summary: 'Numbers for dates', status: 'To Do', updated: '2025-12-02T08:00:00.000Z' });
    expect(odd.malformed).toBeUndefined();
    const broken = await client.getIssue('OPS-21');
    expect(broken).toMatchObject({ key: 'OPS-21', summary: 'A status that is a string', status: 'unknown', labels: [] });
    expect(broken.malformed!.map((m) => m.field)).toEqual(['status', 'labels', 'updated']);
    expect(malformedNote(broken)).toMatch(/^Jira sent status \(.+\), labels \(.+\), updated \(.+\) in an unexpected shape; shown without them\.$/);
    const found = await client.search('project = OPS');
    expect(found.map((i) => i.key)).toEqual(['OPS-20', 'OPS-21']);
  });

  it('lists and performs transitions', async () => {
    jira.seedIssue({ key: 'OPS-2', summary: 'x' });
    const transitions = await client.transitions('OPS-2');
    expect(transitions.map((t) => t.to)).toEqual(['In Progress', 'Done']);
    await client.transition('OPS-2', '31');
    expect((await client.getIssue('OPS-2')).status).toBe('Done');
  });

  it('upserts a remote link by globalId', async () => {
    jira.seedIssue({ key: 'OPS-3', summary: 'x' });
    const link = { globalId: 'pagerduty-incident=PABC123', url: 'https://acme.pagerduty.com/incidents/PABC123', title: 'PD #42' };
    const first = await client.remoteLink('OPS-3', link);
    const again = await client.remoteLink('OPS-3', { ...link, title: 'PD #42 (resolved)' });
    expect(again.id).toBe(first.id);
    expect(jira.issues.get('OPS-3')!.remoteLinks).toHaveLength(1);
  });

  it('retries a rate-limited read after Retry-After and a 503', async () => {
    jira.seedIssue({ key: 'OPS-4', summary: 'x' });
    jira.inject({ operation: 'GET /rest/api/3/issue/{issueIdOrKey}', kind: 'rate_limit', retryAfter: '3', times: 1 });
    jira.inject({ operation: 'GET /rest/api/3/issue/{issueIdOrKey}', kind: 'server_error', times: 1 });
    expect((await client.getIssue('OPS-4')).key).toBe('OPS-4');
    expect(clock.sleeps[0]).toBe(3000);
    expect(clock.sleeps).toHaveLength(2);
  });

  it('does not blindly repeat a comment POST after a 503', async () => {
    jira.seedIssue({ key: 'OPS-5', summary: 'x' });
    jira.inject({ operation: 'POST /rest/api/3/issue/{issueIdOrKey}/comment', kind: 'server_error', times: 1 });
    await expect(client.addComment('OPS-5', 'hello', 'intent-503test01')).rejects.toMatchObject({ status: 503 });
    expect(jira.issues.get('OPS-5')!.comments).toHaveLength(0);
  });

  it('reports truncated JSON and wrong payload shapes with endpoint and field', async () => {
    jira.inject({ operation: 'GET /rest/api/3/search/jql', kind: 'truncated', times: 1 });
    await expect(client.search('project = OPS')).rejects.toThrow(/GET \/rest\/api\/3\/search\/jql with malformed JSON/);
    // Without its key an issue cannot be shown at all: that one is still an error naming the field.
    jira.inject({ operation: 'GET /rest/api/3/issue/{issueIdOrKey}', kind: 'wrong_shape', times: 1, body: { id: '5', key: 9, fields: {} } });
    await expect(client.getIssue('OPS-9')).rejects.toThrow(/GET \/rest\/api\/3\/issue\/\{issueIdOrKey\} with an unexpected payload at key/);
  });

  it('times out a hanging Jira', async () => {
    const slow = clientFor(jira.url, 'jira-token', 100);
    jira.inject({ operation: 'GET /rest/api/3/issue/{issueIdOrKey}', kind: 'hang', times: 3 });
    await expect(slow.getIssue('OPS-1')).rejects.toMatchObject({ kind: 'timeout' });
  });
});

describe('testJiraConnection', () => {
  it('says ok with the account name for good credentials', async () => {
    expect(await testJiraConnection(client)).toMatchObject({ outcome: 'ok', account: 'Incident Commander' });
  });

  it('tells a bad token (401) apart', async () => {
    expect((await testJiraConnection(clientFor(jira.url, 'wrong'))).outcome).toBe('unauthorized');
  });

  it('tells a 403 apart', async () => {
    jira.inject({ operation: 'GET /rest/api/3/myself', kind: 'server_error', status: 403, times: 1 });
    expect((await testJiraConnection(client)).outcome).toBe('forbidden');
  });

  it('tells a non-Jira server (404) and Jira Data Center apart', async () => {
    expect((await testJiraConnection(clientFor(`${jira.url}/not-jira`))).outcome).toBe('wrong_product');
    const dc = await new JiraStandIn({ deploymentType: 'Server' }).start();
    try {
      expect((await testJiraConnection(clientFor(dc.url))).outcome).toBe('wrong_product');
    } finally {
      await dc.close();
    }
    jira.violations.length = 0; // the 404 above is the point of the test, not a client mistake
  });

  it('tells a bad URL and an unknown host apart', async () => {
    expect((await testJiraConnection(clientFor('acme.atlassian.net'))).outcome).toBe('bad_url');
    expect((await testJiraConnection(clientFor('https://firebreak-no-such-site.invalid'))).outcome).toBe('dns');
  });
});
