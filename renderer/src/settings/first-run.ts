// When to show the first-run hint: the demo is the only incident and no connector or service is configured yet.
import type { CapabilityName, IncidentListItem } from '../../../shared/ipc';

/** Capabilities that only exist once the user configured something (runbooks and updates work out of the box). */
const configuredCapabilities: readonly CapabilityName[] = ['metrics', 'rollback', 'jira', 'pagerduty'];

export function firstRunDemo(incidents: readonly IncidentListItem[], capabilities: readonly CapabilityName[]): IncidentListItem | undefined {
  if (incidents.length !== 1 || !incidents[0]?.state?.demo) return undefined;
  return capabilities.some((c) => configuredCapabilities.includes(c)) ? undefined : incidents[0];
}
