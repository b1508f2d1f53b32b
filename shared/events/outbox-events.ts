// Events of the durable outbox: an outbound write is queued as an intent first, then sent, failed, retried or cancelled.
// Only changes of state are recorded (queued, failing since…, sent, given up); attempts in between live in the worker and its
// in-flight journal, so a long outage does not flood the timeline. `outbox.attempted` is kept for logs written before that.
import { z } from 'zod';
import { OutboxOperation } from '../outbox/outbox-operation';
import { eventOf } from './envelope';

export const IntentKey = z.string().regex(/^[A-Za-z0-9_-]{8,80}$/, 'Not an outbox intent key');

export const OutboxIntentQueued = eventOf(
  'outbox.intent_queued',
  z.object({
    intentKey: IntentKey,
    operation: OutboxOperation,
    /** What asked for the write, e.g. "update:<publicationId>", so other panes can follow their deliveries. */
    origin: z.string().max(200).optional(),
  }),
);

export const OutboxAttempted = eventOf('outbox.attempted', z.object({ intentKey: IntentKey, attempt: z.number().int().positive() }));

export const OutboxSent = eventOf(
  'outbox.sent',
  z.object({
    intentKey: IntentKey,
    /** Id of what the write created or changed remotely (comment id, issue key, note id, dedup key). */
    remoteId: z.string().max(200).optional(),
    url: z.string().max(2000).optional(),
    /** True when an earlier attempt had already arrived and was found instead of being sent again. */
    foundExisting: z.boolean().default(false),
    /** How many attempts it took (attempts are no longer recorded one by one; see outbox.failed). */
    attempts: z.number().int().positive().optional(),
  }),
);

export const OutboxFailed = eventOf(
  'outbox.failed',
  z.object({
    intentKey: IntentKey,
    attempt: z.number().int().nonnegative(),
    reason: z.string().min(1).max(2000),
    /** Retryable failures are retried by the worker at retryAt; the others wait for a person to retry or cancel. */
    retryable: z.boolean(),
    retryAt: z.iso.datetime().optional(),
    /** The request provably never reached the remote (refused, DNS, TLS): the next attempt needs no check for an earlier copy. */
    notSent: z.boolean().optional(),
  }),
);

export const OutboxRetryRequested = eventOf('outbox.retry_requested', z.object({ intentKey: IntentKey }));

export const OutboxCancelled = eventOf('outbox.cancelled', z.object({ intentKey: IntentKey, reason: z.string().max(500).optional() }));

export const outboxEventSchemas = [OutboxIntentQueued, OutboxAttempted, OutboxSent, OutboxFailed, OutboxRetryRequested, OutboxCancelled] as const;
