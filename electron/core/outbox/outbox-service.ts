// The outbox as the UI uses it: queue a write as an intent in the incident log, list writes, retry or cancel them.
import { randomBytes } from 'node:crypto';
import type { OutboxOperation } from '../../../shared/outbox/outbox-operation';
import type { OutboxItem } from '../../../shared/outbox/outbox-state';
import { outboxProjection } from '../../../shared/projections/domain-projections';
import { DomainError } from '../../../shared/result';
import type { IncidentStore } from '../store/incident-store';
import type { OutboxWorker } from './outbox-worker';

export const newIntentKey = (): string => `ob_${randomBytes(12).toString('base64url')}`;

export class OutboxService {
  constructor(
    private readonly store: IncidentStore,
    private readonly worker: OutboxWorker,
    private readonly actor: () => string,
  ) {}

  /** The log's items with the worker's attempts since the last change of state (attempt count, next try, last error). */
  private itemsOf(incidentId: string): OutboxItem[] {
    return this.store.projection(incidentId, outboxProjection).map((i) => this.worker.withAttempts(i));
  }

  private item(incidentId: string, intentKey: string): OutboxItem {
    const found = this.itemsOf(incidentId).find((i) => i.intentKey === intentKey);
    if (!found) throw new DomainError('not_found', `No outbox entry ${intentKey} in incident ${incidentId}.`);
    return found;
  }

  /** Records the intent (fsynced) and returns it; the worker sends it from the log, never from memory. */
  async queue(incidentId: string, operation: OutboxOperation, origin?: string): Promise<OutboxItem> {
    const intentKey = newIntentKey();
    await this.store.append(incidentId, [{ type: 'outbox.intent_queued', actor: this.actor(), payload: { intentKey, operation, ...(origin ? { origin } : {}) } }]);
    return this.item(incidentId, intentKey);
  }

  /** Opens the logs of incidents listed from summaries that hold outbox writes, so list() without an incident sees them all. */
  async openIncidentsWithWrites(): Promise<void> {
    for (const incident of this.store.list()) if ((incident.summary?.outboxItems ?? 0) > 0) await this.store.ensureOpen(incident.id);
  }

  list(filter: { incidentId?: string | undefined; status?: OutboxItem['status'] | undefined } = {}): OutboxItem[] {
    const ids = filter.incidentId ? [filter.incidentId] : this.store.list().filter((i) => i.log).map((i) => i.id);
    return ids
      .flatMap((id) => this.itemsOf(id))
      .filter((i) => !filter.status || i.status === filter.status)
      .sort((a, b) => b.queuedAt.localeCompare(a.queuedAt) || b.queuedSeq - a.queuedSeq);
  }

  async retry(incidentId: string, intentKey: string): Promise<OutboxItem> {
    const item = this.item(incidentId, intentKey);
    if (item.status === 'sent') throw new DomainError('conflict', 'This write was already sent; nothing to retry.');
    if (item.status === 'cancelled') throw new DomainError('conflict', 'This write was cancelled; queue it again instead.');
    if (!this.worker.tryHold(intentKey)) throw new DomainError('conflict', 'This write is being sent right now.');
    try {
      await this.store.append(incidentId, [{ type: 'outbox.retry_requested', actor: this.actor(), payload: { intentKey } }]);
    } finally {
      this.worker.release(intentKey);
    }
    this.worker.kick({ now: true });
    return this.item(incidentId, intentKey);
  }

  async cancel(incidentId: string, intentKey: string, reason?: string): Promise<OutboxItem> {
    const item = this.item(incidentId, intentKey);
    if (item.status === 'sent') throw new DomainError('conflict', 'This write was already sent and cannot be cancelled.');
    if (item.status === 'cancelled') return item;
    if (!this.worker.tryHold(intentKey)) throw new DomainError('conflict', 'This write is being sent right now; wait for the outcome, then cancel if it failed.');
    try {
      await this.store.append(incidentId, [{ type: 'outbox.cancelled', actor: this.actor(), payload: { intentKey, ...(reason ? { reason } : {}) } }]);
    } finally {
      this.worker.release(intentKey);
    }
    return this.item(incidentId, intentKey);
  }
}
