// The incident status lifecycle: investigating → identified → mitigating → monitoring → resolved.
import { z } from 'zod';

export const incidentStatuses = ['investigating', 'identified', 'mitigating', 'monitoring', 'resolved'] as const;
export const IncidentStatus = z.enum(incidentStatuses);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

export const statusLabels: Record<IncidentStatus, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  mitigating: 'Mitigating',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
};

/**
 * Any status may follow any other except itself: real incidents move backwards
 * (a fix that did not hold sends "monitoring" back to "mitigating"), and a resolved
 * incident can be reopened to "investigating".
 */
export function statusChangeProblem(from: IncidentStatus, to: IncidentStatus): string | undefined {
  if (from === to) return `The incident is already ${statusLabels[to].toLowerCase()}.`;
  return undefined;
}
