// Reads and writes <dataDir>/metrics.json: validated on the way in, never overwritten silently when the file on disk is broken;
// passwords, tokens, header values and URL credentials go to the secret vault when there is one, so the file itself holds none.
// A file written before that (or edited by hand) is migrated on start: its secrets move into the vault and the file is rewritten.
import { copyFile, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  emptyMetricsConfig,
  headerSecretKey,
  keepStoredHeaders,
  keepStoredSecret,
  liftUrlCredentials,
  MetricsConfig,
  redactEndpointAuth,
  redactHeaders,
  type Endpoint,
  type EndpointAuth,
  type MetricsConfigInput,
} from '../../../shared/metrics/metrics-config';
import { DomainError } from '../../../shared/result';
import type { SecretVault } from '../secrets/secret-vault';
import { writeFileAtomic } from './atomic-file';

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

  /** Vault name for a header value; header names are case-insensitive and may hold characters vault names do not allow. */
  private headerSecretName(endpoint: string, header: string): string {
    const safe = header.toLowerCase().replace(/[^a-z0-9-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`);
    return `metrics.${endpoint}.header.${safe}`;
  }

  /** Puts the vault's header values back into headers the file stores empty. */
  private async withVaultHeaders(headers: Record<string, string>, endpoint: string): Promise<Record<string, string>> {
    if (!this.vault) return headers;
    const filled: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) filled[name] = value || ((await this.vault.get(this.headerSecretName(endpoint, name))) ?? '');
    return filled;
  }

  /** Moves header values into the vault (forgetting headers that were removed); returns the headers as the file stores them. */
  private async headersToVault(headers: Record<string, string>, before: Record<string, string> | undefined, endpoint: string): Promise<Record<string, string>> {
    if (!this.vault) return headers;
    const kept = new Set(Object.keys(headers).map((n) => n.toLowerCase()));
    for (const gone of Object.keys(before ?? {}).filter((n) => !kept.has(n.toLowerCase()))) await this.vault.delete(this.headerSecretName(endpoint, gone));
    for (const [name, value] of Object.entries(headers)) if (value !== '') await this.vault.set(this.headerSecretName(endpoint, name), value);
    return redactHeaders(headers).headers;
  }

  /** Loads an endpoint's secrets from the vault into the form the file stores; URL credentials become basic authentication. */
  private async withVaultSecrets<E extends Endpoint>(endpoint: E, key: string): Promise<E> {
    const lifted = liftUrlCredentials(endpoint);
    return { ...lifted, auth: await this.withVaultSecret(lifted.auth, key), headers: await this.withVaultHeaders(lifted.headers, key) };
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
      config.prometheus = await Promise.all(config.prometheus.map((server) => this.withVaultSecrets(server, `prometheus.${server.id}`)));
      if (config.alertmanager) config.alertmanager = await this.withVaultSecrets(config.alertmanager, 'alertmanager');
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
      prometheus: config.prometheus.map((s) => redactEndpoint(s, `prometheus:${s.id}`, secretsStored)),
    };
    if (config.alertmanager) redacted.alertmanager = redactEndpoint(config.alertmanager, 'alertmanager', secretsStored);
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
    next.prometheus = next.prometheus.map((s, i) => withKeptSecrets(s, previous.config.prometheus.find((p) => p.id === s.id), `prometheus.${i}`, problems));
    if (next.alertmanager) next.alertmanager = withKeptSecrets(next.alertmanager, previous.config.alertmanager, 'alertmanager', problems);
    if (problems.length > 0) throw new DomainError('validation', `The metrics settings are invalid: ${problems[0]}`, problems);
    if (previous.problem) await copyFile(this.file, `${this.file}.broken-${Date.now()}`).catch(() => undefined);
    await this.persist(next, previous.config);
    return this.view();
  }

  /** Writes the settings with every secret moved into the vault (vault entries of removed servers and headers are deleted). */
  private async persist(next: MetricsConfig, previous: MetricsConfig): Promise<void> {
    const toDisk = async <E extends Endpoint>(endpoint: E, before: E | undefined, key: string): Promise<E> => ({
      ...endpoint,
      auth: await this.toVault(endpoint.auth, key),
      headers: await this.headersToVault(endpoint.headers, before?.headers, key),
    });
    const onDisk: MetricsConfig = {
      ...next,
      prometheus: await Promise.all(next.prometheus.map((s) => toDisk(s, previous.prometheus.find((p) => p.id === s.id), `prometheus.${s.id}`))),
    };
    if (next.alertmanager) onDisk.alertmanager = await toDisk(next.alertmanager, previous.alertmanager, 'alertmanager');
    else if (previous.alertmanager) await this.forget(previous.alertmanager, 'alertmanager');
    for (const gone of previous.prometheus.filter((p) => !next.prometheus.some((s) => s.id === p.id))) await this.forget(gone, `prometheus.${gone.id}`);
    // Without a vault the file holds passwords and tokens: readable by this user only either way.
    await writeFileAtomic(this.file, JSON.stringify(onDisk, null, 2) + '\n', 0o600);
    this.cached = undefined;
  }

  private async forget(endpoint: Endpoint, key: string): Promise<void> {
    await this.vault?.delete(this.secretName(key));
    for (const name of Object.keys(endpoint.headers)) await this.vault?.delete(this.headerSecretName(key, name));
  }

  /**
   * Start-up migration: a file that still holds a password, token, header value or URL credentials (written by an older
   * Firebreak, or by hand) has them moved into the vault and is rewritten without them. Does nothing without a vault.
   */
  async migrateSecretsToVault(): Promise<boolean> {
    if (!this.vault) return false;
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(this.file, 'utf8'));
    } catch {
      return false;
    }
    const parsed = MetricsConfig.safeParse(raw);
    if (!parsed.success || !holdsSecrets(parsed.data)) return false;
    const { config, problem } = await this.current();
    if (problem) return false;
    await this.persist(config, parsed.data);
    return true;
  }
}

function holdsSecrets(config: MetricsConfig): boolean {
  const endpoints: Endpoint[] = [...config.prometheus, ...(config.alertmanager ? [config.alertmanager] : [])];
  return endpoints.some((e) => redactEndpointAuth(e.auth).secretStored || Object.values(e.headers).some((v) => v !== '') || liftUrlCredentials(e) !== e);
}

/** An endpoint as settings views show it: no password, token or header value; which of them are stored goes to `stored`. */
function redactEndpoint<E extends Endpoint>(endpoint: E, key: string, stored: Record<string, boolean>): E {
  const auth = redactEndpointAuth(endpoint.auth);
  stored[key] = auth.secretStored;
  const headers = redactHeaders(endpoint.headers);
  for (const [name, set] of Object.entries(headers.stored)) stored[headerSecretKey(key, name)] = set;
  return { ...endpoint, auth: auth.auth, headers: headers.headers };
}

/** Lifts URL credentials and fills secrets left out of a saved endpoint from the stored one, naming what is missing. */
function withKeptSecrets<E extends Endpoint>(endpoint: E, before: E | undefined, where: string, problems: string[]): E {
  const lifted = liftUrlCredentials(endpoint);
  const auth = keepStoredSecret(lifted.auth, before?.auth);
  if (auth.problem) problems.push(`${where}.auth: ${auth.problem}`);
  const headers = keepStoredHeaders(lifted.headers, before?.headers);
  for (const name of headers.missing) problems.push(`${where}.headers.${name}: Enter the value of header "${name}"`);
  return { ...lifted, auth: auth.auth, headers: headers.headers };
}
