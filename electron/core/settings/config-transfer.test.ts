// Config export / import through the real core: round trip to a fresh data directory, secrets never exported or
// imported, and a file with a broken section is refused as a whole with one error line per problem.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/result';
import { MemoryVault } from '../connectors/testing/memory-vault';
import { startCore, type FirebreakCore } from '../firebreak-core';

let dir: string;
let source: FirebreakCore;
let target: FirebreakCore;

async function call<T>(core: FirebreakCore, channel: string, input: unknown = {}): Promise<T> {
  const result = await core.router.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

const start = (name: string) =>
  startCore({ dataDir: join(dir, name), assetsDir: join(dir, 'assets'), mode: 'browser', version: 'test', operator: 'ic', seedDemo: false, vault: new MemoryVault() });

const service = { name: 'checkout', displayName: 'Checkout' };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fb-config-'));
  source = await start('source');
  target = await start('target');
  await call(source, 'jira.settings.save', { siteUrl: 'https://acme.atlassian.net/', email: 'ic@example.com', apiToken: 'jira-secret-token-1' });
  await call(source, 'pagerduty.settings.save', { fromEmail: 'ic@example.com', apiToken: 'pd-secret-token-1', routingKeys: { checkout: 'rk-secret-1' } });
  await call(source, 'metrics.settings.save', {
    prometheus: [{ id: 'prod', name: 'Prod', baseUrl: 'http://prometheus:9090', auth: { type: 'bearer', token: 'prom-secret-1' }, headers: { 'X-Scope-OrgID': 'tenant-a', 'X-Api-Key': 'header-secret-1' } }],
  });
  await call(source, 'services.put', { service });
  const policy = await call<{ policy: Record<string, unknown> }>(source, 'updates.policy');
  await call(source, 'updates.savePolicy', { policy: { ...policy.policy, SEV4: null, SEV3: null } });
});

afterAll(async () => {
  await source.close();
  await target.close();
  await rm(dir, { recursive: true, force: true });
});

describe('settings.exportConfig / settings.importConfig', () => {
  it('exports every configured section without a single secret', async () => {
    const exported = await call<{ fileName: string; content: string; sections: string[] }>(source, 'settings.exportConfig');
    expect(exported.fileName).toMatch(/^firebreak-config-\d{4}-\d{2}-\d{2}\.json$/);
    expect(exported.sections).toEqual(['jira', 'pagerDuty', 'metrics', 'services', 'runbookSync', 'updateCadence']);
    expect(exported.content).not.toMatch(/secret-token|rk-secret|prom-secret|header-secret/);
    const file: unknown = JSON.parse(exported.content);
    expect(file).toMatchObject({
      format: 'firebreak-config',
      version: 1,
      jira: { siteUrl: 'https://acme.atlassian.net', email: 'ic@example.com' },
      pagerDuty: { routingKeyNames: ['checkout'] },
      metrics: { prometheus: [{ id: 'prod', auth: { type: 'bearer' }, headers: { 'X-Scope-OrgID': '' } }] },
    });
    // Header values are secrets like passwords: the name travels, the value is entered again after importing.
    expect(exported.content).not.toContain('tenant-a');
  });

  it('imports the file into a fresh data directory and asks for the secrets there', async () => {
    const { content } = await call<{ content: string }>(source, 'settings.exportConfig');
    const imported = await call<{ applied: string[]; notes: string[] }>(target, 'settings.importConfig', { content });
    expect(imported.applied).toEqual(['jira', 'pagerDuty', 'metrics', 'services', 'runbookSync', 'updateCadence']);
    expect(imported.notes.join('\n')).toMatch(/jira: enter the API token/);
    expect(await call(target, 'jira.settings.get')).toMatchObject({ siteUrl: 'https://acme.atlassian.net', email: 'ic@example.com', tokenConfigured: false, configured: false });
    expect(await call(target, 'pagerduty.settings.get')).toMatchObject({ fromEmail: 'ic@example.com', routingKeyNames: ['checkout'] });
    expect(await call(target, 'metrics.settings.get')).toMatchObject({ config: { prometheus: [{ id: 'prod', baseUrl: 'http://prometheus:9090' }] } });
    expect(await call(target, 'services.list')).toMatchObject({ services: [{ name: 'checkout' }] });
    expect(await call(target, 'updates.policy')).toMatchObject({ origin: 'file', policy: { SEV3: null, SEV4: null } });
  });

  it('ignores secrets placed in an imported file', async () => {
    const { content } = await call<{ content: string }>(source, 'settings.exportConfig');
    const file = JSON.parse(content) as { jira: Record<string, unknown>; metrics: { prometheus: Record<string, unknown>[] } };
    file.jira.apiToken = 'smuggled-jira-token';
    file.metrics.prometheus[0]!.auth = { type: 'basic', username: 'ops', password: 'smuggled-password' };
    const imported = await call<{ notes: string[] }>(target, 'settings.importConfig', { content: JSON.stringify(file) });
    expect(imported.notes.join('\n')).toMatch(/"apiToken" was ignored/);
    expect(imported.notes.join('\n')).toMatch(/password\/token in the file was ignored/);
    const onDisk = (await readFile(join(dir, 'target', 'metrics.json'), 'utf8')) + (await readFile(join(dir, 'target', 'connectors', 'settings.json'), 'utf8'));
    expect(onDisk).not.toMatch(/smuggled/);
  });

  it('refuses a file with a broken section as a whole, naming every problem by section', async () => {
    const before = await stat(join(dir, 'target', 'services.json'));
    const beforeJira = await readFile(join(dir, 'target', 'connectors', 'settings.json'), 'utf8');
    const broken = {
      format: 'firebreak-config',
      version: 1,
      jira: { siteUrl: 'https://other.atlassian.net', email: 'ic@example.com' },
      services: { services: [{ name: 'has spaces' }] },
      metrics: { prometheus: [{ id: 'prod', name: 'Prod', baseUrl: 'ftp://nope' }] },
    };
    const result = (await target.router.dispatch('settings.importConfig', { content: JSON.stringify(broken) })) as Result<unknown>;
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('validation');
    expect(result.error.message).toMatch(/^Nothing was imported: \d+ problem\(s\) in Metrics \(Prometheus \/ Alertmanager\), Service catalogue\./);
    expect(result.error.details?.some((d) => d.startsWith('metrics: prometheus.0.baseUrl: '))).toBe(true);
    expect(result.error.details?.some((d) => d.startsWith('services: services.0.name: '))).toBe(true);
    // The valid jira section was not applied either.
    expect(await readFile(join(dir, 'target', 'connectors', 'settings.json'), 'utf8')).toBe(beforeJira);
    expect((await stat(join(dir, 'target', 'services.json'))).mtimeMs).toBe(before.mtimeMs);
  });

  it('explains files that are not configuration files at all', async () => {
    for (const [content, message] of [
      ['not json', /not valid JSON/],
      ['{"format":"something-else","version":1}', /Not a Firebreak configuration file/],
      ['{"format":"firebreak-config","version":2}', /newer Firebreak/],
      ['{"format":"firebreak-config","version":1}', /no sections to import/],
    ] as const) {
      const result = await target.router.dispatch('settings.importConfig', { content });
      expect(result).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(message) } });
    }
  });
});
