// The outbox as the UI and the worker see it: a pure fold of an incident's outbox events into pending / sent / failed / cancelled writes.
import type { EventOfType, IncidentEvent } from '../events';
import { describeOperation, targetSystem, type OutboxOperation, type OutboxSystem } from './outbox-operation';

export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'cancelled';

export interface OutboxItem {
  incidentId: string;
  intentKey: string;
  operation: OutboxOperation;
  system: OutboxSystem;
  description: string;
  origin?: string;
  status: OutboxStatus;
  attempts: number;
  /** When the latest attempt was recorded (before its request left). */
  lastAttemptAt?: string;
  queuedAt: string;
  updatedAt: string;
  lastError?: string;
  /** When the worker will try again (pending items after a retryable failure). */
  retryAt?: string;
  /** An attempt was recorded but no outcome: the process stopped mid-send, so the remote must be checked before resending. */
  inDoubt: boolean;
  /** A person asked to send again after the remote could not be checked; the next attempt skips the check. */
  resendConfirmed: boolean;
  /** An earlier attempt may have reached the remote, so the next one first looks for it (false after a refused connection). */
  checkBeforeResend: boolean;
  /** When the write started failing with errors worth waiting out (one "failing since" event, however many attempts follow). */
  failingSince?: string;
  remoteId?: string;
  url?: string;
  foundExisting?: boolean;
  queuedSeq: number;
}

type OutboxEvent = EventOfType<'outbox.intent_queued' | 'outbox.attempted' | 'outbox.sent' | 'outbox.failed' | 'outbox.retry_requested' | 'outbox.cancelled'>;

const isOutboxEvent = (e: IncidentEvent): e is OutboxEvent => e.type.startsWith('outbox.');

/** Applies one event to the items of one incident (a new Map is not made: callers own the map they pass). */
export function applyOutboxEvent(items: Map<string, OutboxItem>, incidentId: string, event: IncidentEvent): void {
  if (!isOutboxEvent(event)) return;
  if (event.type === 'outbox.intent_queued') {
    const op = event.payload.operation;
    items.set(event.payload.intentKey, {
      incidentId,
      intentKey: event.payload.intentKey,
      operation: op,
      system: targetSystem(op),
      description: describeOperation(op),
      ...(event.payload.origin ? { origin: event.payload.origin } : {}),
      status: 'pending',
      attempts: 0,
      queuedAt: event.ts,
      updatedAt: event.ts,
      inDoubt: false,
      resendConfirmed: false,
      checkBeforeResend: false,
      queuedSeq: event.seq,
    });
    return;
  }
  const item = items.get(event.payload.intentKey);
  // Outcomes for an unknown or already settled intent are ignored: a settled write never changes state again.
  if (!item || item.status === 'sent' || item.status === 'cancelled') return;
  const next: OutboxItem = { ...item, updatedAt: event.ts };
  switch (event.type) {
    case 'outbox.attempted':
      next.attempts = Math.max(item.attempts, event.payload.attempt);
      next.lastAttemptAt = event.ts;
      next.inDoubt = true;
      next.checkBeforeResend = true;
      delete next.retryAt;
      break;
    case 'outbox.sent':
      next.status = 'sent';
      next.inDoubt = false;
      next.resendConfirmed = false;
      next.checkBeforeResend = false;
      next.foundExisting = event.payload.foundExisting;
      if (event.payload.attempts) next.attempts = Math.max(item.attempts, event.payload.attempts);
      delete next.failingSince;
      if (event.payload.remoteId) next.remoteId = event.payload.remoteId;
      if (event.payload.url) next.url = event.payload.url;
      delete next.lastError;
      delete next.retryAt;
      break;
    case 'outbox.failed':
      next.status = event.payload.retryable ? 'pending' : 'failed';
      next.attempts = Math.max(item.attempts, event.payload.attempt);
      next.inDoubt = false;
      next.resendConfirmed = false;
      // Logs from before notSent existed: any failed attempt may have arrived.
      next.checkBeforeResend = next.attempts > 0 && event.payload.notSent !== true;
      next.lastError = event.payload.reason;
      if (!event.payload.retryable) delete next.failingSince;
      else next.failingSince ??= event.ts;
      if (event.payload.retryAt) next.retryAt = event.payload.retryAt;
      else delete next.retryAt;
      break;
    case 'outbox.retry_requested':
      if (item.status !== 'failed' && item.status !== 'pending') return;
      next.status = 'pending';
      next.resendConfirmed = true;
      next.checkBeforeResend = false;
      delete next.retryAt;
      break;
    case 'outbox.cancelled':
      next.status = 'cancelled';
      next.inDoubt = false;
      delete next.retryAt;
      delete next.failingSince;
      break;
  }
  items.set(item.intentKey, next);
}

export function projectOutbox(incidentId: string, events: readonly IncidentEvent[]): OutboxItem[] {
  const items = new Map<string, OutboxItem>();
  for (const e of events) applyOutboxEvent(items, incidentId, e);
  // Fold order (first queued first), exactly as the core's incremental projection keeps it and the same on every synced laptop;
  // sorting by queuedSeq would differ from it when a log queues one intent key twice (a hand-edited or hostile log).
  return [...items.values()];
}

/** Whether the worker should try this item now. */
export function isDue(item: OutboxItem, nowMs: number): boolean {
  return item.status === 'pending' && (!item.retryAt || Date.parse(item.retryAt) <= nowMs);
}

/** The pane's line for a write waiting out a failure, e.g. "retrying in 40 s (attempt 5)"; the attempt is the one to come. */
export function describeRetry(item: Pick<OutboxItem, 'status' | 'retryAt' | 'attempts'>, nowMs: number): string | undefined {
  if (item.status !== 'pending' || !item.retryAt) return undefined;
  const seconds = Math.max(0, Math.ceil((Date.parse(item.retryAt) - nowMs) / 1000));
  const wait = seconds === 0 ? 'retrying now' : seconds < 120 ? `retrying in ${seconds} s` : `retrying in ${Math.round(seconds / 60)} min`;
  return `${wait} (attempt ${item.attempts + 1})`;
}
