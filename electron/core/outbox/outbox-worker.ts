// Sends queued outbox intents: rebuilt from the incident logs on start, retried with backoff while offline, never sent twice.
import type { NewEvent } from '../../../shared/events';
import { isDue, projectOutbox, type OutboxItem } from '../../../shared/outbox/outbox-state';
import { DomainError } from '../../../shared/result';
import { backoffDelay, type BackoffOptions } from '../connectors/http/retry-policy';
import type { IncidentStore } from '../store/incident-store';
import type { OutboxDispatch, SendOutcome } from './outbox-dispatch';

export interface OutboxWorkerOptions {
  now?: () => number;
  random?: () => number;
  /** Delay between automatic retries; the cap keeps an offline laptop retrying every few minutes, never giving up on its own. */
  backoff?: Partial<BackoffOptions>;
  /** Cleans a failure reason before it enters the incident log: remote error bodies can quote tokens or routing keys back. */
  redact?: (text: string) => string;
}

const STALL_PAUSE_MS = 5_000;
const DEFAULT_BACKOFF: BackoffOptions = { baseDelayMs: 2_000, maxDelayMs: 300_000, maxServerWaitMs: 300_000 };

export class OutboxWorker {
  private running: Promise<void> | undefined;
  private again = false;
  private ignoreBackoff = false;
  private stopped = true;
  private timer: NodeJS.Timeout | undefined;
  private readonly held = new Set<string>();
  private readonly abort = new AbortController();
  private unsubscribe: (() => void) | undefined;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly backoff: BackoffOptions;
  private readonly redact: (text: string) => string;
  /** Set when recording an outcome itself failed (e.g. the disk is full): pause instead of spinning. */
  private stalledUntil = 0;
  lastStall: string | undefined;

  constructor(
    private readonly store: IncidentStore,
    private readonly dispatch: OutboxDispatch,
    private readonly actor: () => string,
    options: OutboxWorkerOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.redact = options.redact ?? ((text) => text);
  }

  /** Starts sending everything pending in any incident log (including intents left in doubt by a crash). */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.unsubscribe = this.store.onAppend((_id, events) => {
      if (events.some((e) => e.type === 'outbox.intent_queued' || e.type === 'outbox.retry_requested')) this.kick();
    });
    this.kick();
  }

  /** Runs a pass soon; `now` also sends items that are still waiting out a backoff (connectivity or settings came back). */
  kick(options: { now?: boolean } = {}): void {
    if (this.stopped) return;
    if (options.now) this.ignoreBackoff = true;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = undefined;
      this.scheduleWake();
    });
  }

  /** Resolves when no pass is running (tests and shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort(new DomainError('unavailable', 'Firebreak is shutting down.'));
    if (this.timer) clearTimeout(this.timer);
    this.unsubscribe?.();
    await this.idle();
  }

  /** Exclusive hold on an intent, so cancelling and sending can never interleave. */
  tryHold(intentKey: string): boolean {
    if (this.held.has(intentKey)) return false;
    this.held.add(intentKey);
    return true;
  }

  release(intentKey: string): void {
    this.held.delete(intentKey);
  }

  isSending(intentKey: string): boolean {
    return this.held.has(intentKey);
  }

  private items(): OutboxItem[] {
    return this.store
      .list()
      .filter((i) => i.log && !i.problems.some((p) => p.kind === 'unreadable'))
      .flatMap((i) => projectOutbox(i.id, i.log!.events));
  }

  private current(incidentId: string, intentKey: string): OutboxItem | undefined {
    const log = this.store.get(incidentId).log;
    return log ? projectOutbox(incidentId, log.events).find((i) => i.intentKey === intentKey) : undefined;
  }

  /** Pending items in queue order; a later write to the same system of the same incident waits behind an earlier pending one. */
  private dueNow(): OutboxItem[] {
    const now = this.now();
    const blocked = new Set<string>();
    const due: OutboxItem[] = [];
    for (const item of this.items().sort((a, b) => a.queuedAt.localeCompare(b.queuedAt) || a.queuedSeq - b.queuedSeq)) {
      if (item.status !== 'pending') continue;
      const lane = `${item.incidentId}/${item.system}`;
      if (blocked.has(lane)) continue;
      blocked.add(lane);
      if (this.ignoreBackoff || isDue(item, now)) due.push(item);
    }
    return due;
  }

  private async loop(): Promise<void> {
    if (this.now() < this.stalledUntil) return;
    do {
      this.again = false;
      const due = this.dueNow();
      this.ignoreBackoff = false;
      for (const item of due) {
        if (this.stopped) return;
        try {
          await this.process(item);
        } catch (e) {
          // The log could not be written; nothing is lost (the intent stays pending), but retrying at once would spin.
          this.lastStall = e instanceof Error ? e.message : String(e);
          this.stalledUntil = this.now() + STALL_PAUSE_MS;
          return;
        }
        this.again = true; // the next item of that lane may now be due
      }
    } while (this.again && !this.stopped);
  }

  private scheduleWake(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    const waits = this.items()
      .filter((i) => i.status === 'pending' && i.retryAt)
      .map((i) => Date.parse(i.retryAt!) - this.now());
    if (this.stalledUntil > this.now()) waits.push(this.stalledUntil - this.now());
    if (waits.length === 0) return;
    this.timer = setTimeout(() => this.kick(), Math.max(50, Math.min(...waits)));
    this.timer.unref();
  }

  private append(incidentId: string, events: NewEvent[]): Promise<unknown> {
    return this.store.append(incidentId, events);
  }

  private async process(candidate: OutboxItem): Promise<void> {
    const { incidentId, intentKey } = candidate;
    if (!this.tryHold(intentKey)) return;
    try {
      // Re-read under the hold: it may have been cancelled or settled since the pass began.
      const item = this.current(incidentId, intentKey);
      if (!item || item.status !== 'pending') return;
      const ctx = { incidentId, signal: this.abort.signal, now: this.now(), ...(item.lastAttemptAt ? { lastAttemptAt: item.lastAttemptAt } : {}) };
      if (item.attempts > 0 && !item.resendConfirmed) {
        let verdict;
        try {
          verdict = await this.dispatch.verify(item.operation, intentKey, ctx);
        } catch (e) {
          return void (await this.recordFailure(item, e, `Could not check whether attempt ${item.attempts} arrived`));
        }
        if (verdict.state === 'present') return void (await this.recordSent(item, verdict.outcome, true));
        if (verdict.state === 'unknown') {
          return void (await this.append(incidentId, [
            {
              type: 'outbox.failed',
              actor: this.actor(),
              payload: { intentKey, attempt: item.attempts, retryable: false, reason: `${verdict.why} Check ${item.system === 'jira' ? 'Jira' : 'PagerDuty'}; Retry sends it again, Cancel drops it.` },
            },
          ]));
        }
      }
      const attempt = item.attempts + 1;
      // Durable before the request leaves: after a crash, this record is what makes the next run check before resending.
      await this.append(incidentId, [{ type: 'outbox.attempted', actor: this.actor(), payload: { intentKey, attempt } }]);
      let outcome: SendOutcome;
      try {
        outcome = await this.dispatch.send(item.operation, intentKey, ctx);
      } catch (e) {
        return void (await this.recordFailure({ ...item, attempts: attempt }, e));
      }
      await this.recordSent(item, outcome, false);
    } finally {
      this.release(intentKey);
    }
  }

  private async recordSent(item: OutboxItem, outcome: SendOutcome, foundExisting: boolean): Promise<void> {
    await this.append(item.incidentId, [
      {
        type: 'outbox.sent',
        actor: this.actor(),
        payload: { intentKey: item.intentKey, foundExisting, ...(outcome.remoteId ? { remoteId: outcome.remoteId } : {}), ...(outcome.url ? { url: outcome.url } : {}) },
      },
      ...(outcome.follow ?? []),
    ]);
  }

  private async recordFailure(item: OutboxItem, error: unknown, prefix?: string): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    const reason = this.redact(prefix ? `${prefix}: ${message}` : message).slice(0, 2000);
    // Offline, timeouts, 429 and 5xx are worth waiting out; bad input, auth and missing resources need a person.
    const retryable = error instanceof DomainError && error.code === 'unavailable';
    const payload = retryable
      ? { intentKey: item.intentKey, attempt: item.attempts, reason, retryable, retryAt: new Date(this.now() + backoffDelay(Math.max(1, item.attempts), this.random, this.backoff)).toISOString() }
      : { intentKey: item.intentKey, attempt: item.attempts, reason, retryable };
    await this.append(item.incidentId, [{ type: 'outbox.failed', actor: this.actor(), payload }]);
  }
}
