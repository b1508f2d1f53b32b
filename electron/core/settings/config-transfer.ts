// Export / import of every non-secret setting as one JSON file. Import checks every section with its domain's schema
// first and writes nothing unless all pass; secrets in the file are dropped, never stored; a failed write restores the rest.
import { readFile, rm, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { OutputOf } from '../../../shared/ipc';
import { liftUrlCredentials, redactEndpointAuth, redactHeaders, type Endpoint, type MetricsConfig } from '../../../shared/metrics/metrics-config';
import { DomainError } from '../../../shared/result';
import { CONFIG_FORMAT, ConfigFileEnvelope, configSectionLabels, configSectionNames, configSections, sectionIssues, type ConfigSectionName } from '../../../shared/settings/config-file';
import type { ConnectorSettings } from '../connectors/connector-settings';
import { writeFileAtomic } from '../metrics/atomic-file';
import type { MetricsSettings } from '../metrics/metrics-settings';
import type { RunbookLibrary } from '../runbooks/runbook-library';
import type { ServiceCatalogue } from '../services/service-catalogue';
import type { CadencePolicyFile } from '../updates/cadence-policy-file';

export interface ConfigTransferDeps {
  dataDir: string;
  version: string;
  connectors: ConnectorSettings;
  metrics: MetricsSettings;
  catalogue: ServiceCatalogue;
  runbooks: Pick<RunbookLibrary, 'status' | 'configure'>;
  cadence: CadencePolicyFile;
  now?: () => Date;
}

type Sections = { [K in ConfigSectionName]?: unknown };

/** Header values are secrets (see redactHeaders): they travel by name only, and values in an imported file are dropped. */
function withoutHeaderValues<E extends Pick<Endpoint, 'headers' | 'baseUrl' | 'auth'>>(endpoint: E, where: string, notes: string[]): E {
  const lifted = liftUrlCredentials(endpoint);
  const withValues = Object.entries(lifted.headers).filter(([, value]) => value !== '').map(([name]) => name);
  if (withValues.length > 0) notes.push(`${where}: the value(s) of header(s) ${withValues.join(', ')} were left out; enter them in Settings → Metrics.`);
  if (lifted !== endpoint && lifted.auth === endpoint.auth) notes.push(`${where}: the credentials in the URL were left out (the endpoint has its own authentication).`);
  return { ...lifted, headers: redactHeaders(lifted.headers).headers };
}

/** The metrics configuration as it may travel: no passwords, no tokens, no credential headers. */
function shareableMetrics(config: MetricsConfig, notes: string[]): MetricsConfig {
  return {
    ...config,
    prometheus: config.prometheus.map((s) => {
      const shared = withoutHeaderValues(s, `metrics: server "${s.id}"`, notes);
      return { ...shared, auth: redactEndpointAuth(shared.auth).auth };
    }),
    ...(config.alertmanager ? { alertmanager: (({ auth, ...rest }) => ({ ...rest, auth: redactEndpointAuth(auth).auth }))(withoutHeaderValues(config.alertmanager, 'metrics: alertmanager', notes)) } : {}),
  };
}

function normaliseUrl(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
}

export async function exportConfig(deps: ConfigTransferDeps): Promise<OutputOf<'settings.exportConfig'>> {
  const notes: string[] = [];
  const sections: Sections = {};
  const jira = await deps.connectors.jiraView();
  if (jira.siteUrl && jira.email) sections.jira = { siteUrl: jira.siteUrl, email: jira.email };
  const pd = await deps.connectors.pagerDutyView();
  if (pd.fromEmail) sections.pagerDuty = { fromEmail: pd.fromEmail, apiUrl: pd.apiUrl, eventsUrl: pd.eventsUrl, routingKeyNames: pd.routingKeyNames };
  const metrics = await deps.metrics.current();
  if (!metrics.problem) sections.metrics = shareableMetrics(metrics.config, notes);
  const services = await deps.catalogue.read();
  if (!services.problem) sections.services = { services: services.services };
  sections.runbookSync = deps.runbooks.status().source;
  const cadence = await deps.cadence.load();
  if (cadence.origin === 'file') sections.updateCadence = cadence.policy;
  const now = (deps.now ?? (() => new Date()))();
  const file = { format: CONFIG_FORMAT, version: 1, exportedAt: now.toISOString(), exportedBy: `Firebreak ${deps.version}`, secrets: 'never included: enter tokens, passwords and routing keys again after importing', ...sections };
  return {
    fileName: `firebreak-config-${now.toISOString().slice(0, 10)}.json`,
    content: `${JSON.stringify(file, null, 2)}\n`,
    sections: configSectionNames.filter((name) => name in sections),
  };
}

/** Removes anything secret from the imported sections, saying what was left out. */
function dropSecrets(raw: Record<string, unknown>, notes: string[]): void {
  for (const key of ['jira', 'pagerDuty'] as const) {
    const section = raw[key];
    if (section && typeof section === 'object') {
      const s = { ...(section as Record<string, unknown>) };
      for (const secret of ['apiToken', 'token', 'routingKeys']) {
        if (secret in s) {
          delete s[secret];
          notes.push(`${key}: "${secret}" was ignored — secrets are never imported; enter it in Settings → Connectors.`);
        }
      }
      raw[key] = s;
    }
  }
}

function metricsWithoutSecrets(config: MetricsConfig, notes: string[]): MetricsConfig {
  const strip = (auth: Endpoint['auth'], where: string) => {
    const r = redactEndpointAuth(auth);
    if (r.secretStored) notes.push(`${where}: the password/token in the file was ignored — secrets are never imported; enter it in Settings → Metrics.`);
    return r.auth;
  };
  return {
    ...config,
    prometheus: config.prometheus.map((s) => {
      const shared = withoutHeaderValues(s, `metrics: server "${s.id}"`, notes);
      return { ...shared, auth: strip(shared.auth, `metrics: server "${s.id}"`) };
    }),
    ...(config.alertmanager ? { alertmanager: (({ auth, ...rest }) => ({ ...rest, auth: strip(auth, 'metrics: alertmanager') }))(withoutHeaderValues(config.alertmanager, 'metrics: alertmanager', notes)) } : {}),
  };
}

interface PlannedWrite {
  file: string;
  content: string;
  mode: number;
}

export async function importConfig(deps: ConfigTransferDeps, content: string): Promise<OutputOf<'settings.importConfig'>> {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (e) {
    throw new DomainError('validation', `The configuration file is not valid JSON: ${(e as Error).message}`, ['(file): not valid JSON']);
  }
  const envelope = ConfigFileEnvelope.safeParse(json);
  if (!envelope.success) throw new DomainError('validation', envelope.error.issues[0]?.message ?? 'Not a Firebreak configuration file', envelope.error.issues.map((i) => `(file): ${i.message}`));
  const raw = { ...(envelope.data as Record<string, unknown>) };
  const notes: string[] = [];
  dropSecrets(raw, notes);

  // 1. Check every section present, all of them, before anything is written.
  const problems: string[] = [];
  const parsed: Sections = {};
  const present = configSectionNames.filter((name) => raw[name] !== undefined);
  if (present.length === 0) throw new DomainError('validation', 'The configuration file has no sections to import.', [`(file): expected one of ${configSectionNames.join(', ')}`]);
  for (const name of present) {
    const result = configSections[name].safeParse(raw[name]);
    if (result.success) parsed[name] = result.data;
    else problems.push(...sectionIssues(name, result.error));
  }
  const source = parsed.runbookSync as ReturnType<RunbookLibrary['status']>['source'] | undefined;
  if (source?.kind === 'folder') {
    const info = isAbsolute(source.path) ? await stat(source.path).catch(() => undefined) : undefined;
    if (!info?.isDirectory()) problems.push(`runbookSync: path: ${source.path} is not an absolute path to a folder on this machine`);
  }
  if (problems.length > 0) {
    const sections = [...new Set(problems.map((p) => p.split(':')[0] as ConfigSectionName))].map((s) => configSectionLabels[s] ?? s);
    throw new DomainError('validation', `Nothing was imported: ${problems.length} problem(s) in ${sections.join(', ')}. First: ${problems[0]}`, problems);
  }

  // 2. Plan the file writes, keep what is there now, write, and put everything back if any write fails.
  const writes: PlannedWrite[] = [];
  if (parsed.jira || parsed.pagerDuty) {
    const file = join(deps.dataDir, 'connectors', 'settings.json');
    const current = JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as Record<string, unknown>;
    const jira = parsed.jira as { siteUrl: string; email: string } | undefined;
    const pd = parsed.pagerDuty as { fromEmail: string; apiUrl: string; eventsUrl: string; routingKeyNames: string[] } | undefined;
    const next = {
      ...current,
      ...(jira ? { jira: { siteUrl: normaliseUrl(jira.siteUrl), email: jira.email } } : {}),
      ...(pd ? { pagerDuty: { ...pd, apiUrl: normaliseUrl(pd.apiUrl), eventsUrl: normaliseUrl(pd.eventsUrl), routingKeyNames: [...new Set(pd.routingKeyNames)].sort() } } : {}),
    };
    writes.push({ file, content: JSON.stringify(next, null, 2), mode: 0o600 });
    if (jira && !(await deps.connectors.jiraView()).tokenConfigured) notes.push('jira: enter the API token in Settings → Connectors to finish connecting.');
    if (pd && !(await deps.connectors.pagerDutyView()).tokenConfigured) notes.push('pagerDuty: enter the REST API token (and routing keys) in Settings → Connectors.');
  }
  if (parsed.metrics) writes.push({ file: deps.metrics.file, content: `${JSON.stringify(metricsWithoutSecrets(parsed.metrics as MetricsConfig, notes), null, 2)}\n`, mode: 0o600 });
  if (parsed.services) writes.push({ file: deps.catalogue.file, content: `${JSON.stringify(parsed.services, null, 2)}\n`, mode: 0o644 });
  if (parsed.updateCadence) writes.push({ file: deps.cadence.path, content: `${JSON.stringify(parsed.updateCadence, null, 2)}\n`, mode: 0o644 });

  const previous = await Promise.all(writes.map(async (w) => ({ file: w.file, content: await readFile(w.file, 'utf8').catch(() => undefined) })));
  const restore = async () => {
    for (const p of previous) await (p.content === undefined ? rm(p.file, { force: true }) : writeFileAtomic(p.file, p.content, 0o600)).catch(() => undefined);
  };
  try {
    for (const w of writes) await writeFileAtomic(w.file, w.content, w.mode);
    if (source && JSON.stringify(source) !== JSON.stringify(deps.runbooks.status().source)) await deps.runbooks.configure(source);
  } catch (e) {
    await restore();
    throw new DomainError('unavailable', `The configuration could not be saved, so nothing was changed: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { applied: present, notes };
}
