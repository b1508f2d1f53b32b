// Severity levels and the criteria a commander reads when choosing one.
import { z } from 'zod';

export const severities = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export const Severity = z.enum(severities);
export type Severity = z.infer<typeof Severity>;

export const severityCriteria: Record<Severity, { label: string; criteria: string }> = {
  SEV1: {
    label: 'Critical',
    criteria:
      'Complete outage or data loss/security breach for many customers; revenue-critical path down. All hands, exec updates every 20 minutes.',
  },
  SEV2: {
    label: 'Major',
    criteria:
      'Major feature degraded or a significant share of customers affected; no workaround. Dedicated commander, regular stakeholder updates.',
  },
  SEV3: {
    label: 'Minor',
    criteria: 'Partial degradation with a workaround, or a small set of customers affected. Fix during working hours.',
  },
  SEV4: {
    label: 'Low',
    criteria: 'Cosmetic issue or internal-only impact; no customer-visible effect. Track as a normal ticket.',
  },
};
