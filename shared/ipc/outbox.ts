// IPC contract for the outbox: list pending / sent / failed writes, retry a failed one, cancel one that has not been sent.
import { z } from 'zod';
import { IntentKey } from '../events/outbox-events';
import { OutboxOperation } from '../outbox/outbox-operation';
import { request } from './define';
import { IncidentId } from './incidents';

export const OutboxItemSchema = z.object({
  incidentId: z.string(),
  intentKey: z.string(),
  operation: OutboxOperation,
  system: z.enum(['jira', 'pagerduty', 'statuspage']),
  description: z.string(),
  origin: z.string().optional(),
  status: z.enum(['pending', 'sent', 'failed', 'cancelled']),
  attempts: z.number().int(),
  lastAttemptAt: z.string().optional(),
  queuedAt: z.string(),
  updatedAt: z.string(),
  lastError: z.string().optional(),
  retryAt: z.string().optional(),
  inDoubt: z.boolean(),
  resendConfirmed: z.boolean(),
  checkBeforeResend: z.boolean(),
  failingSince: z.string().optional(),
  remoteId: z.string().optional(),
  url: z.string().optional(),
  foundExisting: z.boolean().optional(),
  queuedSeq: z.number().int(),
});
export type OutboxItemView = z.infer<typeof OutboxItemSchema>;

const ByIntent = z.object({ incidentId: IncidentId, intentKey: IntentKey });

export const outboxContract = {
  'outbox.list': request(
    'Outbound writes, newest first; one incident or all',
    z.object({ incidentId: IncidentId.optional(), status: z.enum(['pending', 'sent', 'failed', 'cancelled']).optional() }),
    z.array(OutboxItemSchema),
  ),
  'outbox.retry': request('Send a failed (or waiting) write again now', ByIntent, OutboxItemSchema),
  'outbox.cancel': request('Cancel a write that has not been sent', ByIntent.extend({ reason: z.string().max(500).optional() }), OutboxItemSchema),
};
