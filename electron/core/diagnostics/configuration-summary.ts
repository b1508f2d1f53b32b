// What is configured, for the diagnostics report: connector endpoints and whether their secrets are stored — never the secrets.
import type { ConnectorSettings } from '../connectors/connector-settings';
import type { MetricsSettings } from '../metrics/metrics-settings';
import type { ServiceCatalogue } from '../services/service-catalogue';

export interface ConfigurationSources {
  connectors: ConnectorSettings;
  metrics: MetricsSettings;
  catalogue: ServiceCatalogue;
}

async function orProblem<T>(read: () => Promise<T>): Promise<T | { problem: string }> {
  try {
    return await read();
  } catch (e) {
    return { problem: e instanceof Error ? e.message : String(e) };
  }
}

export async function configurationSummary({ connectors, metrics, catalogue }: ConfigurationSources): Promise<Record<string, unknown>> {
  const jira = await orProblem(async () => {
    const v = await connectors.jiraView();
    return { configured: v.configured, siteUrl: v.siteUrl ?? null, email: v.email ?? null, tokenStored: v.tokenConfigured, secrets: v.protection };
  });
  const pagerDuty = await orProblem(async () => {
    const v = await connectors.pagerDutyView();
    return { configured: v.configured, apiUrl: v.apiUrl, eventsUrl: v.eventsUrl, fromEmail: v.fromEmail ?? null, tokenStored: v.tokenConfigured, routingKeyNames: v.routingKeyNames };
  });
  const prometheus = await orProblem(async () => {
    const v = await metrics.view();
    return {
      servers: v.config.prometheus.map((s) => ({ id: s.id, baseUrl: s.baseUrl, auth: s.auth.type, secretStored: v.secretsStored[`prometheus:${s.id}`] ?? false, extraHeaders: Object.keys(s.headers) })),
      alertmanager: v.config.alertmanager ? { baseUrl: v.config.alertmanager.baseUrl, auth: v.config.alertmanager.auth.type, secretStored: v.secretsStored.alertmanager ?? false } : null,
      servicesWithPanels: Object.keys(v.config.services),
      ...(v.problem ? { problem: v.problem } : {}),
    };
  });
  const services = await orProblem(async () => {
    const read = await catalogue.read();
    return { names: read.services.map((s) => s.name), ...(read.problem ? { problem: read.problem.message } : {}) };
  });
  return { jira, pagerDuty, prometheus, services };
}
