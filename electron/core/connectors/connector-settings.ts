// Jira and PagerDuty settings: non-secret fields in <dataDir>/connectors/settings.json, tokens and routing keys in the SecretVault.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { JiraSettingsView } from '../../../shared/ipc/jira';
import type { PagerDutySettingsView } from '../../../shared/ipc/pagerduty';
import { DomainError } from '../../../shared/result';
import { writeFileDurably } from '../base/durable-file';
import type { SecretVault } from '../secrets/secret-vault';
import { HostLimiter } from './http/host-limiter';
import { HttpTransport, type TransportClock } from './http/http-transport';
import { JiraClient } from './jira/jira-client';
import { PAGERDUTY_EVENTS_URL, PagerDutyEventsClient } from './pagerduty/events-client';
import { PAGERDUTY_API_URL, PagerDutyClient } from './pagerduty/pagerduty-client';

const SettingsFile = z.object({
  jira: z.object({ siteUrl: z.string(), email: z.string() }).optional(),
  pagerDuty: z.object({ fromEmail: z.string(), apiUrl: z.string(), eventsUrl: z.string(), routingKeyNames: z.array(z.string()).default([]) }).optional(),
});
type SettingsFile = z.infer<typeof SettingsFile>;

const JIRA_TOKEN = 'jira.apiToken';
const PD_TOKEN = 'pagerduty.apiToken';
const routingSecret = (name: string) => `pagerduty.routingKey.${name}`;

export interface TransportTuning {
  fetch?: typeof fetch;
  clock?: TransportClock;
  timeoutMs?: number;
  maxAttempts?: number;
}

export class ConnectorSettings {
  private readonly file: string;
  private readonly limiter = new HostLimiter(4);
  private listeners = new Set<() => void>();
  private writing: Promise<unknown> = Promise.resolve();

  constructor(
    dataDir: string,
    private readonly vault: SecretVault,
    private readonly tuning: TransportTuning = {},
  ) {
    this.file = join(dataDir, 'connectors', 'settings.json');
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async read(): Promise<SettingsFile> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw e;
    }
    const parsed = SettingsFile.safeParse(JSON.parse(text));
    if (!parsed.success) throw new DomainError('unavailable', `Connector settings in ${this.file} are damaged (${parsed.error.issues[0]?.path.join('.')}); save them again in Settings.`);
    return parsed.data;
  }

  private async write(settings: SettingsFile): Promise<void> {
    await writeFileDurably(this.file, JSON.stringify(settings, null, 2));
    for (const l of this.listeners) l();
  }

  /** One read-modify-write of the file at a time: saving Jira and PagerDuty at once must not drop either. */
  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = this.writing.then(work, work);
    this.writing = run.catch(() => undefined);
    return run;
  }

  private transport(product: string): HttpTransport {
    return new HttpTransport({ product, limiter: this.limiter, ...this.tuning });
  }

  async jiraView(): Promise<JiraSettingsView> {
    const jira = (await this.read()).jira;
    const tokenConfigured = await this.vault.has(JIRA_TOKEN);
    return { configured: Boolean(jira) && tokenConfigured, ...(jira ? { siteUrl: jira.siteUrl, email: jira.email } : {}), tokenConfigured, protection: this.vault.protection };
  }

  async saveJira(input: { siteUrl: string; email: string; apiToken?: string | undefined }): Promise<JiraSettingsView> {
    await this.serialised(async () => {
      const current = await this.read();
      if (!input.apiToken && !(await this.vault.has(JIRA_TOKEN))) throw new DomainError('validation', 'Paste a Jira API token (none is stored yet).', ['apiToken']);
      if (input.apiToken) await this.vault.set(JIRA_TOKEN, input.apiToken);
      await this.write({ ...current, jira: { siteUrl: normaliseUrl(input.siteUrl), email: input.email } });
    });
    return this.jiraView();
  }

  async clearJira(): Promise<JiraSettingsView> {
    await this.serialised(async () => {
      const { jira: _drop, ...rest } = await this.read();
      await this.vault.delete(JIRA_TOKEN);
      await this.write(rest);
    });
    return this.jiraView();
  }

  async jiraConfigured(): Promise<boolean> {
    return (await this.jiraView()).configured;
  }

  /** A client for the saved settings; a clear error when Jira is not set up yet. */
  async jiraClient(): Promise<JiraClient> {
    const jira = (await this.read()).jira;
    const apiToken = await this.vault.get(JIRA_TOKEN);
    if (!jira || !apiToken) throw new DomainError('unavailable', 'Jira is not configured: add the site URL, email and API token in Settings → Connectors.');
    return new JiraClient(this.transport('Jira'), { siteUrl: jira.siteUrl, email: jira.email, apiToken });
  }

  async pagerDutyView(): Promise<PagerDutySettingsView> {
    const pd = (await this.read()).pagerDuty;
    const tokenConfigured = await this.vault.has(PD_TOKEN);
    return {
      configured: Boolean(pd) && tokenConfigured,
      apiUrl: pd?.apiUrl ?? PAGERDUTY_API_URL,
      eventsUrl: pd?.eventsUrl ?? PAGERDUTY_EVENTS_URL,
      ...(pd ? { fromEmail: pd.fromEmail } : {}),
      tokenConfigured,
      routingKeyNames: pd?.routingKeyNames ?? [],
      protection: this.vault.protection,
    };
  }

  async savePagerDuty(input: {
    fromEmail: string;
    apiUrl?: string | undefined;
    eventsUrl?: string | undefined;
    apiToken?: string | undefined;
    routingKeys?: Record<string, string> | undefined;
  }): Promise<PagerDutySettingsView> {
    await this.serialised(async () => {
      const current = await this.read();
      if (!input.apiToken && !(await this.vault.has(PD_TOKEN))) throw new DomainError('validation', 'Paste a PagerDuty REST API token (none is stored yet).', ['apiToken']);
      if (input.apiToken) await this.vault.set(PD_TOKEN, input.apiToken);
      const names = new Set(current.pagerDuty?.routingKeyNames ?? []);
      for (const [name, key] of Object.entries(input.routingKeys ?? {})) {
        if (key) {
          await this.vault.set(routingSecret(name), key);
          names.add(name);
        } else {
          await this.vault.delete(routingSecret(name));
          names.delete(name);
        }
      }
      await this.write({
        ...current,
        pagerDuty: {
          fromEmail: input.fromEmail,
          apiUrl: normaliseUrl(input.apiUrl ?? current.pagerDuty?.apiUrl ?? PAGERDUTY_API_URL),
          eventsUrl: normaliseUrl(input.eventsUrl ?? current.pagerDuty?.eventsUrl ?? PAGERDUTY_EVENTS_URL),
          routingKeyNames: [...names].sort(),
        },
      });
    });
    return this.pagerDutyView();
  }

  async clearPagerDuty(): Promise<PagerDutySettingsView> {
    await this.serialised(async () => {
      const { pagerDuty, ...rest } = await this.read();
      await this.vault.delete(PD_TOKEN);
      for (const name of pagerDuty?.routingKeyNames ?? []) await this.vault.delete(routingSecret(name));
      await this.write(rest);
    });
    return this.pagerDutyView();
  }

  async pagerDutyConfigured(): Promise<boolean> {
    return (await this.pagerDutyView()).configured;
  }

  async pagerDutyClient(): Promise<PagerDutyClient> {
    const pd = (await this.read()).pagerDuty;
    const apiToken = await this.vault.get(PD_TOKEN);
    if (!pd || !apiToken) throw new DomainError('unavailable', 'PagerDuty is not configured: add the REST API token and From email in Settings → Connectors.');
    return new PagerDutyClient(this.transport('PagerDuty'), { apiUrl: pd.apiUrl, apiToken, fromEmail: pd.fromEmail });
  }

  /** The Events v2 client and the routing key stored under `name`. */
  async pagerDutyEvents(name: string): Promise<{ client: PagerDutyEventsClient; routingKey: string }> {
    const pd = (await this.read()).pagerDuty;
    const routingKey = await this.vault.get(routingSecret(name));
    if (!routingKey) throw new DomainError('unavailable', `No PagerDuty Events routing key named "${name}"; add it in Settings → Connectors.`);
    return { client: new PagerDutyEventsClient(this.transport('PagerDuty Events'), pd?.eventsUrl ?? PAGERDUTY_EVENTS_URL), routingKey };
  }
}

function normaliseUrl(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
}
