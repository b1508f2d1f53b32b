// Teaches the redactor every secret already in the vault at start-up (by reading each configured connector's secrets
// once), so a value is redacted from the first log line on, not only after a connector has used it.
import type { ConnectorSettings } from '../connectors/connector-settings';
import type { MetricsSettings } from '../metrics/metrics-settings';

export async function primeRedactor(connectors: ConnectorSettings, metrics: MetricsSettings): Promise<void> {
  // Each call goes through the RedactingVault, which remembers what it reads; failures (damaged vault) are reported by the callers' own paths.
  await connectors.jiraView().catch(() => undefined);
  const pagerDuty = await connectors.pagerDutyView().catch(() => undefined);
  for (const name of pagerDuty?.routingKeyNames ?? []) await connectors.pagerDutyEvents(name).catch(() => undefined);
  await metrics.current().catch(() => undefined);
}
