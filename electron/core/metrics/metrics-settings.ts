// Reads and writes <dataDir>/metrics.json: validated on the way in, never overwritten silently when the file on disk is broken;
// passwords and tokens go to the secret vault when there is one, so the file itself holds none.
import { copyFile, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { keepStoredSecret, MetricsConfig, emptyMetricsConfig, redactEndpointAuth, type EndpointAuth, type MetricsConfigInput } from '../../../shared/metrics/metrics-config';
import { DomainError } from '../../../shared/result';
import type { SecretVault } from '../secrets/secret-vault';
import { writeFileDurably } from '../base/durable-file';

export const SETTINGS_FILE = 'metrics.json';

export interface SettingsView {
  config: MetricsConfig;
  /** Which endpoints have a stored password or token (the values themselves never leave the core). */
  secretsStored: Record<string, boolean>;
  file: string;
  secretsProtection: string;
  /** Why the file on disk could not be used, if it could not; the settings then start empty. */
  problem?: string;
}

function issuesOf(error: { issues: { path: PropertyKey[]; message: string }[] }): string[] {
  return error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
}

export class MetricsSettings {
  readonly file: string;
  private cached: { mtimeMs: number; config: MetricsConfig; problem?: string } | undefined;

  constructor(
    dataDir: string,
    private readonly vault?: SecretVault,
  ) {
    this.file = join(dataDir, SETTINGS_FILE);
  }

  /** Vault names for an endpoint's secret: metrics.prometheus.<id> or metrics.alertmanager. */
  private secretName(endpoint: string): string {
    return `metrics.${endpoint}.secret`;
  }

  /** Puts the vault's secret back into an auth that the file stores without one. */
  private async withVaultSecret(auth: EndpointAuth, endpoint: string): Promise<EndpointAuth> {
    if (!this.vault) return auth;
    if (auth.type === 'basic' && auth.password === undefined) {
      const password = await this.vault.get(this.secretName(endpoint));
      return password === undefined ? auth : { ...auth, password };
    }
    if (auth.type === 'bearer' && !auth.token) {
      const token = await this.vault.get(this.secretName(endpoint));
      return token === undefined ? auth : { ...auth, token };
    }
    return auth;
  }

  /** Moves an auth's secret into the vault; returns the auth as the file stores it. */
  private async toVault(auth: EndpointAuth, endpoint: string): Promise<EndpointAuth> {
    if (!this.vault) return auth;
    const name = this.secretName(endpoint);
    if (auth.type === 'basic' && auth.password !== undefined) {
      await this.vault.set(name, auth.password);
      return { type: 'basic', username: auth.username };
    }
    if (auth.type === 'bearer' && auth.token) {
      await this.vault.set(name, auth.token);
      return { type: 'bearer' };
    }
    await this.vault.delete(name);
    return auth;
  }

  /** The current settings; re-read when the file changed on disk (people edit the catalogue by hand). */
  async current(): Promise<{ config: MetricsConfig; problem?: string }> {
    let mtimeMs: number;
    try {
      mtimeMs = (await stat(this.file)).mtimeMs;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { config: emptyMetricsConfig() };
      return { config: emptyMetricsConfig(), problem: `${this.file} cannot be read: ${(e as Error).message}` };
    }
    if (this.cached?.mtimeMs === mtimeMs) return this.cached;
    this.cached = { mtimeMs, ...(await this.load()) };
    return this.cached;
  }

  private async load(): Promise<{ config: MetricsConfig; problem?: string }> {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(this.file, 'utf8'));
    } catch (e) {
      return { config: emptyMetricsConfig(), problem: `${this.file} is not valid JSON (${(e as Error).message}); metrics are off until it is fixed or saved again.` };
    }
    const parsed = MetricsConfig.safeParse(raw);
    if (!parsed.success) {
      const issues = issuesOf(parsed.error);
      return { config: emptyMetricsConfig(), problem: `${this.file} has ${issues.length} problem(s): ${issues.slice(0, 3).join('; ')}` };
    }
    const config = parsed.data;
    try {
      for (const server of config.prometheus) server.auth = await this.withVaultSecret(server.auth, `prometheus.${server.id}`);
      if (config.alertmanager) config.alertmanager.auth = await this.withVaultSecret(config.alertmanager.auth, 'alertmanager');
    } catch (e) {
      return { config, problem: `The secret vault could not be read (${(e as Error).message}); servers that need a password or token will fail.` };
    }
    return { config };
  }

  async view(): Promise<SettingsView> {
    const { config, problem } = await this.current();
    const secretsStored: Record<string, boolean> = {};
    const redacted: MetricsConfig = {
      ...config,
      prometheus: config.prometheus.map((s) => {
        const r = redactEndpointAuth(s.auth);
        secretsStored[`prometheus:${s.id}`] = r.secretStored;
        return { ...s, auth: r.auth };
      }),
    };
    if (config.alertmanager) {
      const r = redactEndpointAuth(config.alertmanager.auth);
      secretsStored.alertmanager = r.secretStored;
      redacted.alertmanager = { ...config.alertmanager, auth: r.auth };
    }
    return { config: redacted, secretsStored, file: this.file, secretsProtection: this.vault ? `secret vault (${this.vault.protection})` : `${this.file} (readable by you only)`, ...(problem ? { problem } : {}) };
  }

  /** Validates and saves; secrets left out keep their stored values. A broken file on disk is kept aside, not lost. */
  async save(input: MetricsConfigInput): Promise<SettingsView> {
    const parsed = MetricsConfig.safeParse(input);
    if (!parsed.success) {
      const details = issuesOf(parsed.error);
      throw new DomainError('validation', `The metrics settings are invalid: ${details[0]}`, details);
    }
    const previous = await this.current();
    const next = parsed.data;
    const problems: string[] = [];
    next.prometheus = next.prometheus.map((s, i) => {
      const before = previous.config.prometheus.find((p) => p.id === s.id);
      const kept = keepStoredSecret(s.auth, before?.auth);
      if (kept.problem) problems.push(`prometheus.${i}.auth: ${kept.problem}`);
      return { ...s, auth: kept.auth };
    });
    if (next.alertmanager) {
      const kept = keepStoredSecret(next.alertmanager.auth, previous.config.alertmanager?.auth);
      if (kept.problem) problems.push(`alertmanager.auth: ${kept.problem}`);
      next.alertmanager = { ...next.alertmanager, auth: kept.auth };
    }
    if (problems.length > 0) throw new DomainError('validation', `The metrics settings are invalid: ${problems[0]}`, problems);
    if (previous.problem) await copyFile(this.file, `${this.file}.broken-${Date.now()}`).catch(() => undefined);
    const onDisk: MetricsConfig = {
      ...next,
      prometheus: await Promise.all(next.prometheus.map(async (s) => ({ ...s, auth: await this.toVault(s.auth, `prometheus.${s.id}`) }))),
    };
    if (next.alertmanager) onDisk.alertmanager = { ...next.alertmanager, auth: await this.toVault(next.alertmanager.auth, 'alertmanager') };
    else await this.vault?.delete(this.secretName('alertmanager'));
    for (const gone of previous.config.prometheus.filter((p) => !next.prometheus.some((s) => s.id === p.id))) {
      await this.vault?.delete(this.secretName(`prometheus.${gone.id}`));
    }
    // Without a vault the file holds passwords and tokens: readable by this user only either way.
    await writeFileDurably(this.file, JSON.stringify(onDisk, null, 2) + '\n');
    this.cached = undefined;
    return this.view();
  }
}
