// The rollback channels through the real core router: capability reporting, contract validation and the service catalogue.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCore, type FirebreakCore } from '../firebreak-core';
import { runGit } from '../connectors/git/git-runner';

let dataDir: string;
let core: FirebreakCore;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'fb-rollback-core-'));
  core = await startCore({ dataDir, assetsDir: join(dataDir, 'assets'), mode: 'browser', version: '0.0.0-test', operator: 'ines', seedDemo: false });
});
afterEach(async () => {
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

const call = (channel: string, input: unknown) => core.router.dispatch(channel, input);
const capabilities = async () => ((await call('app.info', {})) as { ok: true; value: { capabilities: string[] } }).value.capabilities;

describe('rollback channels', () => {
  it("reports 'rollback' only once a service is configured", async () => {
    expect(await capabilities()).not.toContain('rollback');
    const put = await call('services.put', { service: { name: 'search', rollback: { strategies: [{ kind: 'command', command: 'helm', args: ['rollback', 'search'] }] } } });
    expect(put.ok).toBe(true);
    expect(await capabilities()).toContain('rollback');
    expect(await call('services.list', {})).toMatchObject({ ok: true, value: { services: [{ name: 'search' }], file: join(dataDir, 'services.json') } });
    expect(await call('services.remove', { name: 'search' })).toEqual({ ok: true, value: {} });
    expect(await capabilities()).not.toContain('rollback');
  });

  it('refuses a bare repository as clonePath when the service is saved, and accepts a working clone', async () => {
    const bare = join(dataDir, 'checkout.git');
    const clone = join(dataDir, 'checkout');
    await runGit(['init', '--bare', bare], { cwd: dataDir });
    await runGit(['init', clone], { cwd: dataDir });
    const refused = await call('services.put', { service: { name: 'checkout', git: { clonePath: bare } } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/checkout\.git is a bare repository\. git\.clonePath must be a working clone/) } });
    expect(await call('services.list', {})).toMatchObject({ ok: true, value: { services: [] } });
    expect(await call('services.put', { service: { name: 'checkout', git: { clonePath: clone } } })).toMatchObject({ ok: true });
    await call('services.remove', { name: 'checkout' });
  });

  it('lists a broken catalogue as a problem instead of failing, and validates inputs at the boundary', async () => {
    await writeFile(join(dataDir, 'services.json'), '{"services": [{"name": "x", "rollback": {"strategies": [{"kind": "teleport"}]}}]}');
    const listed = await call('services.list', {});
    expect(listed).toMatchObject({ ok: true, value: { services: [], problem: { message: expect.stringContaining('problem') } } });
    const declared = (await call('incidents.declare', { title: 'Search down', severity: 'SEV3', commander: 'ines' })) as { ok: true; value: { id: string } };
    const injected = await call('rollback.plan', { incidentId: declared.value.id, service: 'x', strategy: 'revert', target: '--upload-pack=touch /tmp/pwned' });
    expect(injected).toMatchObject({ ok: false, error: { code: 'validation' } });
    const unknown = await call('rollback.plan', { incidentId: declared.value.id, service: 'x', strategy: 'revert' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringContaining('services.json') } });
    expect(await call('rollback.list', { incidentId: declared.value.id })).toEqual({ ok: true, value: [] });
  });
});
