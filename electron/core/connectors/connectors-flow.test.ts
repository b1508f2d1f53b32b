// Integration: the connector channels through the real core and router against spec-validated stand-ins.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentEvent } from '../../../shared/events';
import { startCore, type FirebreakCore } from '../firebreak-core';
import { openBrowserVault } from '../secrets/vault-key';
import { JiraStandIn } from './testing/jira-stand-in';
import { PagerDutyStandIn } from './testing/pagerduty-stand-in';

let dir: string;
let core: FirebreakCore;
let jira: JiraStandIn;
let pd: PagerDutyStandIn;

async function call<T>(channel: string, input: unknown = {}): Promise<T> {
  const result = await core.router.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 8000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fb-connectors-'));
  jira = await new JiraStandIn().start();
  pd = await new PagerDutyStandIn({ routingKeys: ['rk-secret-checkout'], apiToken: 'pd-token-123' }).start();
  const dataDir = join(dir, 'data');
  // The real browser-mode vault, with its key folder inside this test's temp dir instead of the user's home.
  const vault = await openBrowserVault({ dataDir, keyDir: join(dir, 'keys'), env: {} });
  core = await startCore({ dataDir, assetsDir: join(dir, 'assets'), mode: 'browser', version: 'test', operator: 'ic', seedDemo: false, vault });
});

afterAll(async () => {
  await core.close();
  await Promise.all([jira.close(), pd.close()]);
  await rm(dir, { recursive: true, force: true });
});

describe('connectors through the IPC router', () => {
  it('says not configured before settings exist, and keeps tokens out of every answer', async () => {
    expect(await call('jira.testConnection')).toMatchObject({ outcome: 'not_configured' });
    const saved = await call<Record<string, unknown>>('jira.settings.save', { siteUrl: jira.url, email: 'ic@example.com', apiToken: 'jira-token' });
    expect(saved).toMatchObject({ configured: true, tokenConfigured: true, siteUrl: jira.url });
    expect(JSON.stringify(saved)).not.toContain('jira-token');
    const pdSaved = await call<Record<string, unknown>>('pagerduty.settings.save', {
      fromEmail: 'dana@example.com',
      apiUrl: pd.url,
      eventsUrl: pd.url,
      apiToken: 'pd-token-123',
      routingKeys: { checkout: 'rk-secret-checkout' },
    });
    expect(pdSaved).toMatchObject({ configured: true, routingKeyNames: ['checkout'] });
    expect(JSON.stringify(pdSaved)).not.toMatch(/pd-token-123|rk-secret/);
    expect(await call('jira.testConnection')).toMatchObject({ outcome: 'ok' });
    expect(await call('pagerduty.testConnection')).toMatchObject({ outcome: 'ok' });
    expect((await call<{ capabilities: string[] }>('app.info')).capabilities).toEqual(expect.arrayContaining(['jira', 'pagerduty']));
    const invalid = await core.router.dispatch('jira.settings.save', { siteUrl: 'ftp://x', email: 'a@b.co' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('imports a PagerDuty incident, links a Jira issue, posts to both and shows it all on the timeline', async () => {
    const pdIncident = pd.seedIncident({ title: 'Checkout 5xx spike' });
    jira.seedIssue({ key: 'OPS-9', summary: 'Checkout 5xx spike' });
    const open = await call<{ id: string }[]>('pagerduty.openIncidents', { serviceIds: ['PSVC001'] });
    expect(open.map((i) => i.id)).toContain(pdIncident.id);
    const state = await call<{ id: string; title: string; severity: string; services: string[] }>('pagerduty.import', { pdIncidentId: pdIncident.id });
    expect(state).toMatchObject({ title: 'Checkout 5xx spike', severity: 'SEV2', services: ['checkout'] });
    expect((await core.router.dispatch('pagerduty.import', { pdIncidentId: pdIncident.id })).ok).toBe(false);
    await call('jira.link', { incidentId: state.id, issueKey: 'ops-9' });
    await call('pagerduty.note', { incidentId: state.id, content: 'Rolled back checkout to v41' });
    await call('jira.comment', { incidentId: state.id, issueKey: 'OPS-9', markdown: 'Rolled back **checkout** to v41' });
    await call('pagerduty.setStatus', { incidentId: state.id, status: 'acknowledged' });
    await call('pagerduty.event', { incidentId: state.id, routingKeyName: 'checkout', action: 'trigger' });
    await until(async () => (await call<{ status: string }[]>('outbox.list', { incidentId: state.id })).every((i) => i.status === 'sent'), 'outbox drained');
    expect(jira.issues.get('OPS-9')!.remoteLinks[0]).toMatchObject({ globalId: `system=pagerduty&id=${pdIncident.id}` });
    expect(pdIncident.notes).toHaveLength(1);
    expect(pd.alerts.get(`firebreak-${state.id}`)?.status).toBe('triggered');

    jira.addRemoteComment('OPS-9', 'Sam SRE', 'Customer tickets dropping');
    pd.incidents.get(pdIncident.id)!.notes.push({ id: 'PNOTEEXT', content: 'Paged payments too', userId: 'PUSER02', createdAt: new Date().toISOString() });
    const jiraSync = await call<{ imported: number }>('jira.sync', { incidentId: state.id });
    const pdSync = await call<{ imported: number }>('pagerduty.sync', { incidentId: state.id });
    expect(jiraSync.imported).toBe(1);
    expect(pdSync.imported).toBe(3); // trigger + acknowledge log entries, and the note from someone else
    expect((await call<{ imported: number }>('pagerduty.sync', { incidentId: state.id })).imported).toBe(0);

    const { events } = await call<{ events: IncidentEvent[] }>('timeline.events', { incidentId: state.id });
    const types = events.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['pagerduty.incident_linked', 'jira.issue_linked', 'jira.comment_imported', 'pagerduty.note_imported', 'pagerduty.log_entry_imported', 'outbox.sent']));
    expect(events.filter((e) => e.type === 'pagerduty.note_imported')).toHaveLength(1);
    expect(await call('pagerduty.linked', { incidentId: state.id })).toMatchObject({ id: pdIncident.id, status: 'acknowledged' });
    expect(await call('pagerduty.oncall', { incidentId: state.id })).toEqual([expect.objectContaining({ serviceName: 'checkout', user: 'Dana Ops' })]);
  });

  it('links, searches and syncs a Jira issue whose fields come in odd types (jira.issue, jira.search, jira.sync)', async () => {
    jira.seedIssue({ key: 'OPS-30', summary: 'Odd fields' });
    jira.oddFields.set('OPS-30', { updated: 1764662400000, priority: 3, customfield_10001: [{ weird: true }] });
    const state = await call<{ id: string }>('incidents.declare', { title: 'Odd Jira fields', severity: 'SEV3', commander: 'ic', services: [] });
    expect(await call('jira.issue', { issueKey: 'OPS-30' })).toEqual({ key: 'OPS-30', summary: 'Odd fields', status: 'To Do', statusCategory: 'new', issueType: 'Bug', url: `${jira.url}/browse/OPS-30` });
    await call('jira.link', { incidentId: state.id, issueKey: 'OPS-30' });
    // Now the status itself is malformed: shown with a note, and not taken for a status change by sync.
    jira.oddFields.set('OPS-30', { status: 'Done', updated: 1764662400000 });
    expect(await call('jira.issue', { issueKey: 'OPS-30' })).toMatchObject({ status: 'unknown', note: expect.stringMatching(/^Jira sent status \(.+\) in an unexpected shape; shown without it\.$/) });
    expect((await call<{ key: string }[]>('jira.search', { jql: 'project = OPS' })).map((i) => i.key)).toContain('OPS-30');
    jira.addRemoteComment('OPS-30', 'Sam SRE', 'Seen on the status page');
    expect(await call('jira.sync', { incidentId: state.id })).toEqual({ imported: 1 });
    const { events } = await call<{ events: IncidentEvent[] }>('timeline.events', { incidentId: state.id });
    expect(events.filter((e) => e.type === 'jira.status_seen')).toHaveLength(0);
  });

  it('never writes tokens or routing keys into the data directory in the clear', async () => {
    const found: string[] = [];
    const walk = async (d: string): Promise<void> => {
      for (const entry of await readdir(d, { withFileTypes: true })) {
        const p = join(d, entry.name);
        if (entry.isDirectory()) await walk(p);
        else if (/jira-token|pd-token-123|rk-secret-checkout/.test(await readFile(p, 'latin1'))) found.push(p);
      }
    };
    await walk(join(dir, 'data'));
    expect(found).toEqual([]);
    expect(jira.violations).toEqual([]);
    expect(pd.violations).toEqual([]);
  });
});
