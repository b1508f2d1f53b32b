// Secrets never leak: Jira, PagerDuty and Prometheus secrets configured through the real core, the app exercised (settings,
// connection tests against unreachable hosts and a server that echoes credentials, outbox deliveries, diagnostics, review
// bundle export, app logs), then every router answer, every file in the data directory and the bundle are scanned.
import { readdir, readFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/result';
import { startLocalServer, type LocalServer } from '../connectors/testing/local-server';
import { startCore, type FirebreakCore } from '../firebreak-core';
import { openBrowserVault } from '../secrets/vault-key';

const SECRETS = {
  jira: 'ATATT3xJiraSecretToken0123456789abcdef',
  pagerDuty: 'pd-rest-secret-u+Zx81kQ2',
  routingKey: 'R0UTINGkeySECRET55aa77bb',
  prometheus: 'prom-bearer-secret-9f8e7d',
  alertmanagerPassword: 'am-basic-pass-4412',
};
const secretValues = Object.values(SECRETS);

let dir: string;
let dataDir: string;
let core: FirebreakCore;
let refused: string;
let echoing: LocalServer;
const responses: { channel: string; result: Result<unknown> }[] = [];

async function dispatch(channel: string, input: unknown = {}): Promise<Result<unknown>> {
  const result = await core.router.dispatch(channel, input);
  responses.push({ channel, result });
  return result;
}

async function call<T>(channel: string, input: unknown = {}): Promise<T> {
  const result = await dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

function leaksIn(text: string): string[] {
  // Also look for the base64 of "email:token" (Basic auth) and JSON-escaped forms.
  const forms = secretValues.flatMap((s) => [s, JSON.stringify(s).slice(1, -1), Buffer.from(`ic@example.com:${s}`).toString('base64'), encodeURIComponent(s)]);
  return forms.filter((f) => text.includes(f));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fb-leaks-'));
  dataDir = join(dir, 'data');
  // A port that was free a moment ago: connections are refused, like a host that is down.
  const probe = await startLocalServer(() => undefined);
  refused = probe.url;
  await probe.close();
  // A misbehaving server that answers every request with a 500 quoting the request's credentials back.
  echoing = await startLocalServer((req, res, body) => {
    res.writeHead(500, { 'Content-Type': 'application/json', 'WWW-Authenticate': req.headers.authorization ?? '' });
    res.end(JSON.stringify({ error: `denied for ${req.headers.authorization ?? ''} at ${req.url ?? ''}`, message: body, errorMessages: [String(req.headers.authorization), body] }));
  });
  const rendererDir = join(dir, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<html><head><script type="module" crossorigin src="./assets/index-a.js"></script></head><body></body></html>');
  await writeFile(join(rendererDir, 'assets', 'index-a.js'), 'console.log("cockpit")');
  const vault = await openBrowserVault({ dataDir, keyDir: join(dir, 'keys'), env: {} });
  core = await startCore({ dataDir, assetsDir: join(dir, 'assets'), rendererDir, mode: 'browser', version: 'test', operator: 'ic', seedDemo: false, vault });
});

afterAll(async () => {
  await core.close();
  await echoing.close();
  await rm(dir, { recursive: true, force: true });
});

describe('secrets never leak', () => {
  it('stay out of every router answer, every data-directory file, the diagnostics and the review bundle', async () => {
    await call('jira.settings.save', { siteUrl: echoing.url, email: 'ic@example.com', apiToken: SECRETS.jira });
    await call('pagerduty.settings.save', { fromEmail: 'ic@example.com', apiUrl: refused, eventsUrl: echoing.url, apiToken: SECRETS.pagerDuty, routingKeys: { checkout: SECRETS.routingKey } });
    await call('metrics.settings.save', {
      prometheus: [{ id: 'prod', name: 'Prod', baseUrl: echoing.url, auth: { type: 'bearer', token: SECRETS.prometheus } }],
      alertmanager: { baseUrl: refused, auth: { type: 'basic', username: 'ops', password: SECRETS.alertmanagerPassword } },
    });

    await call('jira.settings.get');
    await call('pagerduty.settings.get');
    await call('metrics.settings.get');
    await call('app.info');
    await dispatch('jira.testConnection');
    await dispatch('pagerduty.testConnection');
    await dispatch('metrics.testConnection', { kind: 'prometheus', serverId: 'prod', endpoint: { baseUrl: echoing.url, auth: { type: 'bearer' } } });
    await dispatch('metrics.testConnection', { kind: 'alertmanager', endpoint: { baseUrl: refused, auth: { type: 'basic', username: 'ops' } } });
    await dispatch('jira.search', { jql: 'project = OPS' });

    const incident = await call<{ id: string }>('incidents.declare', { title: 'Checkout errors', severity: 'SEV2', commander: 'ic', services: ['checkout'] });
    await dispatch('pagerduty.event', { incidentId: incident.id, routingKeyName: 'checkout', action: 'trigger', severity: 'critical' });
    await dispatch('jira.comment', { incidentId: incident.id, issueKey: 'OPS-1', markdown: 'Mitigation in progress' });
    await dispatch('incidents.addNote', { incidentId: incident.id, text: 'Rotated the credentials' });
    // Give the outbox a moment to attempt its deliveries against the failing hosts (their outcomes land in the incident log).
    await new Promise((r) => setTimeout(r, 1500));
    const outbox = await call<{ attempts?: number; lastError?: string }[]>('outbox.list', { incidentId: incident.id });
    // The Events API delivery really went out and failed against the echoing server.
    expect(JSON.stringify(outbox)).toMatch(/500|denied|unavailable|failed/i);
    await dispatch('timeline.events', { incidentId: incident.id });

    // An unexpected failure that carries credentials, as a careless connector error would.
    core.log.error('connectors', `request failed: Authorization: Basic ${Buffer.from(`ic@example.com:${SECRETS.jira}`).toString('base64')}`, {
      error: new Error(`token ${SECRETS.pagerDuty} rejected`),
      url: `${echoing.url}/api?token=${SECRETS.routingKey}`,
      headers: { Authorization: `Bearer ${SECRETS.prometheus}` },
      note: `password was ${SECRETS.alertmanagerPassword}`,
    });

    const diagnostics = await call<{ text: string }>('app.diagnostics');
    expect(diagnostics.text).toContain('## Configuration');
    expect(diagnostics.text).toContain('checkout');
    const bundle = await call<{ content: string }>('review.exportBundle', { incidentId: incident.id });
    await core.log.flush();

    const found: string[] = [];
    const scan = (where: string, text: string) => found.push(...leaksIn(text).map((form) => `${where}: ${form}`));
    scan('review bundle', bundle.content);
    scan('diagnostics', diagnostics.text);
    for (const { channel, result } of responses) scan(`router answer to ${channel}`, JSON.stringify(result));
    const files = await filesUnder(dataDir);
    const vaultFile = join(dataDir, 'secrets', 'connectors.vault');
    expect(files).toContain(vaultFile);
    expect(files).toContain(join(dataDir, 'logs', 'firebreak.log'));
    for (const file of files.filter((f) => f !== vaultFile)) scan(relative(dataDir, file), await readFile(file, 'latin1'));
    expect(found).toEqual([]);
    // The log did record the failure, just without the secrets.
    expect(await readFile(join(dataDir, 'logs', 'firebreak.log'), 'utf8')).toContain('request failed: Authorization: Basic [hidden]');
  });
});
