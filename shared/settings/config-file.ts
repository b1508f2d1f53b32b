// The exported configuration file: every non-secret setting in one JSON document, one section per domain, each section
// checked with that domain's own schema. Tokens, passwords and routing keys are never part of it.
import { z } from 'zod';
import { ConnectorUrl } from '../connectors/connector-url';
import { MetricsConfig } from '../metrics/metrics-config';
import { SyncSource } from '../ipc/runbooks';
import { ServicesFile } from '../services/service-config';
import { CadencePolicy } from '../updates/cadence';

export const CONFIG_FORMAT = 'firebreak-config';

export const JiraConfigSection = z.strictObject({ siteUrl: ConnectorUrl, email: z.email('Use the email of the Atlassian account') });
export const PagerDutyConfigSection = z.strictObject({
  fromEmail: z.email('PagerDuty needs the email of a PagerDuty user for writes'),
  apiUrl: ConnectorUrl,
  eventsUrl: ConnectorUrl,
  /** Names only: each routing key itself is entered again on the machine that imports the file. */
  routingKeyNames: z.array(z.string().trim().regex(/^[a-z0-9][a-z0-9._-]{0,79}$/i, 'Name routing keys with letters, digits, dot, dash, underscore')).max(100).default([]),
});

/** Each section, in the order they are checked and applied; a missing section leaves that part of the settings alone. */
export const configSections = {
  jira: JiraConfigSection,
  pagerDuty: PagerDutyConfigSection,
  metrics: MetricsConfig,
  services: ServicesFile,
  runbookSync: SyncSource,
  updateCadence: CadencePolicy,
} as const;
export type ConfigSectionName = keyof typeof configSections;
export const configSectionNames = Object.keys(configSections) as ConfigSectionName[];

export const configSectionLabels: Record<ConfigSectionName, string> = {
  jira: 'Jira',
  pagerDuty: 'PagerDuty',
  metrics: 'Metrics (Prometheus / Alertmanager)',
  services: 'Service catalogue',
  runbookSync: 'Runbook library sync',
  updateCadence: 'Update cadence',
};

/** The envelope; sections stay `unknown` here so a broken one is reported by name instead of failing the whole file. */
export const ConfigFileEnvelope = z.looseObject({
  format: z.literal(CONFIG_FORMAT, `Not a Firebreak configuration file (expected "format": "${CONFIG_FORMAT}")`),
  version: z.literal(1, 'This configuration file was written by a newer Firebreak (version must be 1)'),
});

/** "metrics: prometheus.0.baseUrl: Enter an http:// …" — the per-section error lines the settings screen lists. */
export function sectionIssues(section: ConfigSectionName, error: z.ZodError): string[] {
  return error.issues.map((i) => `${section}: ${i.path.map(String).join('.') || '(section)'}: ${i.message}`);
}
