// Secrets never leak: Jira, PagerDuty and Prometheus secrets configured through the real core, the app exercised (settings,
// connection tests against unreachable hosts and a server that echoes credentials, outbox deliveries, diagnostics, review
// bundle export, app logs), then every router answer, every file in the data directory and the bundle are scanned.
import { readdir, readFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
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
  metricsHeader: 'hdr-authz-secret-71c3',
  apiKeyHeader: 'x-api-key-secret-0b2d',
  urlPassword: 'url-pass-secret-5e6f',
  legacyHeader: 'legacy-file-header-secret-aa01',
  legacyUrlPassword: 'legacy-url-pass-secret-bb02',
};
const secretValues = Object.values(SECRETS);

let dir: string;
let dataDir: string;
let core: FirebreakCore;
let refused: string;
let echoing: LocalServer;
const seenApiKeys: string[] = [];
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
    seenApiKeys.push(String(req.headers['x-api-key'] ?? ''));
    res.writeHead(500, { 'Content-Type': 'application/json', 'WWW-Authenticate': req.headers.authorization ?? '' });
    res.end(JSON.stringify({ error: `denied for ${req.headers.authorization ?? ''} at ${req.url ?? ''}`, message: body, errorMessages: [String(req.headers.authorization), body] }));
  });
  const rendererDir = join(dir, 'renderer');
  // The single-file cockpit build that review bundles inline (see bundle-export.ts).
  await mkdir(join(rendererDir, 'review-bundle', 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'review-bundle', 'index.html'), '<html><head><script type="module" crossorigin src="./assets/index-a.js"></script></head><body></body></html>');
  await writeFile(join(rendererDir, 'review-bundle', 'assets', 'index-a.js'), 'console.log("cockpit")');
  // A metrics.json written by an older Firebreak (or by hand) with credentials in it: start-up must move them into the vault.
  await mkdir(dataDir, { recursive: true });
  await writeFile(
    join(dataDir, 'metrics.json'),
    JSON.stringify({
      version: 1,
      prometheus: [{ id: 'legacy', name: 'Legacy', baseUrl: `http://ops:${SECRETS.legacyUrlPassword}@127.0.0.1:1`, headers: { 'X-Api-Key': SECRETS.legacyHeader } }],
    }),
  );
  const vault = await openBrowserVault({ dataDir, keyDir: join(dir, 'keys'), env: {} });
  core = await startCore({ dataDir, assetsDir: join(dir, 'assets'), rendererDir, mode: 'browser', version: 'test', operator: 'ic', seedDemo: false, vault });
});

afterAll(async () => {
  await core.close();
  await echoing.close();
  await rm(dir, { recursive: true, force: true });
});

describe('secrets never leak', () => {
  it('moves credentials an existing metrics.json holds into the vault at start-up, keeping them usable', async () => {
    const onDisk = await readFile(join(dataDir, 'metrics.json'), 'utf8');
    expect(onDisk).not.toContain(SECRETS.legacyHeader);
    expect(onDisk).not.toContain(SECRETS.legacyUrlPassword);
    const view = await call<{ config: { prometheus: { baseUrl: string; auth: unknown; headers: Record<string, string> }[] }; secretsStored: Record<string, boolean> }>('metrics.settings.get');
    expect(view.config.prometheus[0]).toMatchObject({ baseUrl: 'http://127.0.0.1:1', auth: { type: 'basic', username: 'ops' }, headers: { 'X-Api-Key': '' } });
    expect(view.secretsStored).toMatchObject({ 'prometheus:legacy': true, 'prometheus:legacy header X-Api-Key': true });
  });

  it('stay out of every router answer, every data-directory file, the diagnostics, the config export and the review bundle', async () => {
    const found: string[] = [];
    const scan = (where: string, text: string) => found.push(...leaksIn(text).map((form) => `${where}: ${form}`));
    await call('jira.settings.save', { siteUrl: echoing.url, email: 'ic@example.com', apiToken: SECRETS.jira });
    await call('pagerduty.settings.save', { fromEmail: 'ic@example.com', apiUrl: refused, eventsUrl: echoing.url, apiToken: SECRETS.pagerDuty, routingKeys: { checkout: SECRETS.routingKey } });
    await call('metrics.settings.save', {
      prometheus: [
        { id: 'prod', name: 'Prod', baseUrl: echoing.url, auth: { type: 'bearer', token: SECRETS.prometheus } },
        { id: 'proxy', name: 'Proxy', baseUrl: echoing.url, headers: { Authorization: `Bearer ${SECRETS.metricsHeader}`, 'X-Api-Key': SECRETS.apiKeyHeader } },
        { id: 'inurl', name: 'In URL', baseUrl: echoing.url.replace('http://', `http://ops:${SECRETS.urlPassword}@`) },
      ],
      alertmanager: { baseUrl: refused, auth: { type: 'basic', username: 'ops', password: SECRETS.alertmanagerPassword } },
    });
    // Settings answers say which secrets are set, never what they are; a header left empty keeps its stored value.
    const view = await call<{ config: { prometheus: { id: string; baseUrl: string; headers: Record<string, string> }[] }; secretsStored: Record<string, boolean> }>('metrics.settings.get');
    expect(view.config.prometheus.find((s) => s.id === 'proxy')?.headers).toEqual({ Authorization: '', 'X-Api-Key': '' });
    expect(view.config.prometheus.find((s) => s.id === 'inurl')?.baseUrl).toBe(echoing.url);
    expect(view.secretsStored).toMatchObject({ 'prometheus:proxy header Authorization': true, 'prometheus:proxy header X-Api-Key': true, 'prometheus:inurl': true });
    await call('metrics.settings.save', { ...view.config });
    const exported = await call<{ content: string }>('settings.exportConfig');
    expect(exported.content).toContain('"proxy"');

    await call('jira.settings.get');
    await call('pagerduty.settings.get');
    await call('metrics.settings.get');
    await call('app.info');
    await dispatch('jira.testConnection');
    await dispatch('pagerduty.testConnection');
    await dispatch('metrics.testConnection', { kind: 'prometheus', serverId: 'prod', endpoint: { baseUrl: echoing.url, auth: { type: 'bearer' } } });
    await dispatch('metrics.testConnection', { kind: 'alertmanager', endpoint: { baseUrl: refused, auth: { type: 'basic', username: 'ops' } } });
    // The stored header values still travel to the server (which quotes them back in its 500), so the test exercises them.
    const proxied = await dispatch('metrics.testConnection', { kind: 'prometheus', serverId: 'proxy', endpoint: { baseUrl: echoing.url, headers: { Authorization: '', 'X-Api-Key': '' } } });
    expect(proxied).toMatchObject({ ok: true, value: { ok: false } });
    expect(seenApiKeys).toContain(SECRETS.apiKeyHeader);
    await dispatch('jira.search', { jql: 'project = OPS' });

    const incident = await call<{ id: string }>('incidents.declare', { title: 'Checkout errors', severity: 'SEV2', commander: 'ic', services: ['checkout'] });
    await dispatch('pagerduty.event', { incidentId: incident.id, routingKeyName: 'checkout', action: 'trigger', severity: 'critical' });
    await dispatch('jira.comment', { incidentId: incident.id, issueKey: 'OPS-1', markdown: 'Mitigation in progress' });
    await dispatch('incidents.addNote', { incidentId: incident.id, text: 'Rotated the credentials' });
    // Wait until the Events API delivery has really gone out and failed against the echoing server (it answers every request 500).
    const eventDelivery = await vi.waitFor(
      async () => {
        const outbox = await call<{ system: string; operation: { kind: string }; attempts: number; lastError?: string }[]>('outbox.list', { incidentId: incident.id });
        const item = outbox.find((o) => o.system === 'pagerduty' && o.operation.kind === 'pagerduty.event');
        if (!item || item.attempts < 1 || !item.lastError) throw new Error(`no failed attempt yet: ${JSON.stringify(item)}`);
        return item;
      },
      { timeout: 20_000, interval: 50 },
    );
    expect(eventDelivery.lastError).toMatch(/\b500\b/);
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
    const config = await call<{ content: string }>('settings.exportConfig');
    scan('config export', config.content);
    await core.log.flush();

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
