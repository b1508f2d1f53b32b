import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SecretVault } from '../secrets/secret-vault';
import { MetricsSettings } from './metrics-settings';

class MemoryVault implements SecretVault {
  readonly protection = 'memory (test)';
  readonly values = new Map<string, string>();
  async get(name: string) {
    return this.values.get(name);
  }
  async set(name: string, value: string) {
    this.values.set(name, value);
  }
  async delete(name: string) {
    this.values.delete(name);
  }
  async has(name: string) {
    return this.values.has(name);
  }
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'firebreak-metrics-settings-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const server = { id: 'prod', name: 'Prod', baseUrl: 'https://prom.example.com/' };

describe('MetricsSettings', () => {
  it('starts empty, saves validated settings privately, and never sends secrets back', async () => {
    const settings = new MetricsSettings(dir);
    expect((await settings.view()).config.prometheus).toEqual([]);
    const view = await settings.save({ prometheus: [{ ...server, auth: { type: 'basic', username: 'ic', password: 'pw' } }] });
    expect(view.config.prometheus[0]).toMatchObject({ baseUrl: 'https://prom.example.com', auth: { type: 'basic', username: 'ic' }, timeoutMs: 10_000 });
    expect(JSON.stringify(view)).not.toContain('"pw"');
    expect(view.secretsStored).toEqual({ 'prometheus:prod': true });
    expect((await stat(settings.file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(settings.file, 'utf8')).prometheus[0].auth.password).toBe('pw');
  });

  it('keeps a stored secret when the form leaves it out, and asks for one when there is none', async () => {
    const settings = new MetricsSettings(dir);
    await settings.save({ prometheus: [{ ...server, auth: { type: 'bearer', token: 't0k' } }] });
    await settings.save({ prometheus: [{ ...server, name: 'Renamed', auth: { type: 'bearer' } }] });
    const stored = (await settings.current()).config.prometheus[0]!;
    expect(stored.name).toBe('Renamed');
    expect(stored.auth).toEqual({ type: 'bearer', token: 't0k' });
    await expect(settings.save({ prometheus: [{ ...server, id: 'other', auth: { type: 'bearer' } }] })).rejects.toMatchObject({
      code: 'validation',
      message: 'The metrics settings are invalid: prometheus.0.auth: Enter the bearer token',
    });
  });

  it('rejects invalid settings with the field that is wrong', async () => {
    await expect(new MetricsSettings(dir).save({ prometheus: [{ ...server, baseUrl: 'prom:9090' }] })).rejects.toMatchObject({
      code: 'validation',
      details: ['prometheus.0.baseUrl: Enter an http:// or https:// URL without query or fragment, e.g. http://prometheus:9090'],
    });
  });

  it('reports a broken file, picks up hand edits, and keeps the broken file aside when saving over it', async () => {
    const settings = new MetricsSettings(dir);
    await writeFile(settings.file, '{"prometheus": [');
    expect((await settings.view()).problem).toMatch(/is not valid JSON/);
    await writeFile(settings.file, JSON.stringify({ prometheus: [server], refreshSeconds: 1 }));
    expect((await settings.current()).problem).toMatch(/refreshSeconds/);
    await settings.save({ prometheus: [server] });
    const files = await readdir(dir);
    expect(files.filter((f) => f.startsWith('metrics.json.broken-'))).toHaveLength(1);
    expect((await settings.current()).config.prometheus).toHaveLength(1);
  });

  it('keeps passwords and tokens in the vault, not in the file, and forgets them with their server', async () => {
    const vault = new MemoryVault();
    const settings = new MetricsSettings(dir, vault);
    await settings.save({
      prometheus: [{ ...server, auth: { type: 'basic', username: 'ic', password: 'pw' } }],
      alertmanager: { baseUrl: 'http://am:9093', auth: { type: 'bearer', token: 'am-token' } },
    });
    const file = await readFile(settings.file, 'utf8');
    expect(file).not.toContain('pw');
    expect(file).not.toContain('am-token');
    expect([...vault.values.entries()].sort()).toEqual([
      ['metrics.alertmanager.secret', 'am-token'],
      ['metrics.prometheus.prod.secret', 'pw'],
    ]);
    const { config } = await new MetricsSettings(dir, vault).current();
    expect(config.prometheus[0]!.auth).toEqual({ type: 'basic', username: 'ic', password: 'pw' });
    expect(config.alertmanager!.auth).toEqual({ type: 'bearer', token: 'am-token' });
    expect((await settings.view()).secretsStored).toEqual({ 'prometheus:prod': true, alertmanager: true });

    await settings.save({ prometheus: [{ ...server, id: 'other', auth: { type: 'none' } }] });
    expect(vault.values.size).toBe(0);
  });
});
