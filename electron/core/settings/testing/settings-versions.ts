// Test support for the settings crash test: version n of every settings file the app writes, and how to read n back from what the app loads.
import { join } from 'node:path';
import type { MetricsConfigInput } from '../../../../shared/metrics/metrics-config';
import { CONFIG_FORMAT } from '../../../../shared/settings/config-file';
import { defaultCadencePolicy, type CadencePolicy } from '../../../../shared/updates/cadence';

/** Each thing that is saved and must come back whole: a file, or one section or secret inside one. */
export const settingKinds = ['metrics', 'metricsSecret', 'services', 'cadence', 'runbooks', 'jira', 'jiraToken', 'pagerduty', 'pdToken', 'vaultKey'] as const;
export type SettingKind = (typeof settingKinds)[number];

/** The kinds an import of the configuration file rewrites (secrets are never imported). */
export const importedKinds: SettingKind[] = ['jira', 'pagerduty', 'metrics', 'services', 'runbooks', 'cadence'];

export const VAULT_KEY = '5e'.repeat(32);
export const METRICS_SECRET = 'metrics.prometheus.prod.secret';
export const JIRA_TOKEN = 'jira.apiToken';
export const PD_TOKEN = 'pagerduty.apiToken';
const SITE = 'https://example.atlassian.net';

export const versioned = {
  metrics: (v: number, withPassword = true): MetricsConfigInput => ({
    prometheus: [
      {
        id: 'prod',
        name: `Prod v${v}`,
        baseUrl: 'http://prometheus.internal:9090',
        auth: withPassword ? { type: 'basic', username: 'firebreak', password: `prom-pw-${v}` } : { type: 'basic', username: 'firebreak' },
      },
    ],
  }),
  service: (v: number) => ({
    name: 'checkout',
    git: { clonePath: '/srv/checkout' },
    deploy: { branch: `release-${v}` },
    rollback: { strategies: [{ kind: 'revert' }] },
  }),
  /** v is spread over two fields of SEV4 (each 1..1440 minutes) so it reads back exactly. */
  cadence: (v: number): CadencePolicy => ({
    ...defaultCadencePolicy,
    SEV4: { ...defaultCadencePolicy.SEV3!, firstWithinMinutes: 1 + (v % 1440), thenEveryMinutes: 1 + (Math.floor(v / 1440) % 1440) },
  }),
  runbookFolder: (dataDir: string, v: number) => join(dataDir, 'runbook-sources', `v${v}`),
  jira: (v: number) => ({ siteUrl: SITE, email: `ic+${v}@example.com`, apiToken: `jira-token-${v}` }),
  pagerDuty: (v: number) => ({ fromEmail: `pd+${v}@example.com`, apiToken: `pd-token-${v}` }),
  configFile: (dataDir: string, v: number): string =>
    JSON.stringify({
      format: CONFIG_FORMAT,
      version: 1,
      jira: { siteUrl: SITE, email: `ic+${v}@example.com` },
      pagerDuty: { fromEmail: `pd+${v}@example.com`, apiUrl: 'https://api.pagerduty.com', eventsUrl: 'https://events.pagerduty.com', routingKeyNames: [] },
      metrics: versioned.metrics(v, false),
      services: { services: [versioned.service(v)] },
      runbookSync: { kind: 'folder', path: versioned.runbookFolder(dataDir, v) },
      updateCadence: versioned.cadence(v),
    }),
};

/** Reads the version back from a value the app loaded; throws when it is not one this test wrote. */
export function versionIn(text: string | undefined, pattern: RegExp): number {
  const match = text === undefined ? null : pattern.exec(text);
  if (!match) throw new Error(`"${text}" is not a version this test wrote (${pattern})`);
  return Number(match[1]);
}

export function cadenceVersion(policy: CadencePolicy): number {
  const rule = policy.SEV4;
  if (!rule) throw new Error('SEV4 cadence is off: not a version this test wrote');
  return rule.firstWithinMinutes - 1 + 1440 * (rule.thenEveryMinutes - 1);
}
