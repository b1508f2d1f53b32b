// Sends queued outbox intents: rebuilt from the incident logs on start, retried with backoff while offline, never sent twice.
// The incident log records changes of state only (queued, failing since…, sent, given up); the attempts in between are kept
// here and in the in-flight journal, so an outage of hours adds one "failing" event to the timeline, not one per attempt.
import { dirname, join } from 'node:path';
import type { NewEvent } from '../../../shared/events';
import { isDue, type OutboxItem } from '../../../shared/outbox/outbox-state';
import { outboxProjection } from '../../../shared/projections/domain-projections';
import { DomainError } from '../../../shared/result';
import { ConnectorError, provablyNotSent } from '../connectors/http/connector-error';
import { backoffDelay, type BackoffOptions } from '../connectors/http/retry-policy';
import type { IncidentStore } from '../store/incident-store';
import { InflightJournal } from './inflight-journal';
import type { OutboxDispatch, SendOutcome } from './outbox-dispatch';

export interface OutboxWorkerOptions {
  now?: () => number;
  random?: () => number;
  /** Runs fn after ms and returns a cancel function; tests drive it with a simulated clock. */
  setTimer?: (fn: () => void, ms: number) => () => void;
  /** Delay between automatic retries (full-jitter exponential, capped); a longer Retry-After from the server wins. */
  backoff?: Partial<BackoffOptions>;
  /** A write failing this long is given up and waits for a person (Retry / Cancel); 0 never gives up. */
  giveUpAfterMs?: number;
  /** Cleans a failure reason before it enters the incident log: remote error bodies can quote tokens or routing keys back. */
  redact?: (text: string) => string;
  /** Told about every failed attempt (the application log), already redacted. */
  onAttemptFailed?: (item: OutboxItem, reason: string) => void;
  /**
   * Team sync: several laptops hold the same outbox items; only the laptop that claims an item (a compare-and-set on the
   * team's KV bucket) sends it, the others see its outcome arrive with the synced events. Absent when sync is off.
   */
  claim?: (incidentId: string, intentKey: string, system: OutboxItem['system']) => Promise<boolean>;
  /** Where the in-flight journal lives; by default beside the incidents folder. */
  inflightFile?: string;
}

/** What this process knows about an intent's attempts since its last recorded change of state. */
interface LiveAttempts {
  attempts: number;
  lastAttemptAt: string;
  retryAt?: string;
  lastError?: string;
  checkBeforeResend: boolean;
}

const STALL_PAUSE_MS = 5_000;
/** How soon an item claimed by another laptop is looked at again (its claim may have gone stale by then). */
const CLAIMED_ELSEWHERE_RECHECK_MS = 30_000;
// Capped at a minute: during an incident a write should go out soon after the remote is back, and a refused attempt costs no log event.
const DEFAULT_BACKOFF: BackoffOptions = { baseDelayMs: 2_000, maxDelayMs: 60_000, maxServerWaitMs: 900_000 };
const DEFAULT_GIVE_UP_MS = 24 * 3_600_000;

const defaultTimer = (fn: () => void, ms: number): (() => void) => {
  const t = setTimeout(fn, ms);
  t.unref();
  return () => clearTimeout(t);
};

export class OutboxWorker {
  private running: Promise<void> | undefined;
  private again = false;
  private ignoreBackoff = false;
  private stopped = true;
  private cancelTimer: (() => void) | undefined;
  private readonly held = new Set<string>();
  private readonly live = new Map<string, LiveAttempts>();
  /** Items another laptop claimed (team sync), and when to look at them again if their outcome has not arrived by then. */
  private readonly claimedElsewhere = new Map<string, number>();
  private readonly abort = new AbortController();
  private unsubscribe: (() => void) | undefined;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => () => void;
  private readonly backoff: BackoffOptions;
  private readonly giveUpAfterMs: number;
  private readonly redact: (text: string) => string;
  private readonly journal: InflightJournal;
  /** Set when recording an outcome itself failed (e.g. the disk is full): pause instead of spinning. */
  private stalledUntil = 0;
  lastStall: string | undefined;

  constructor(
    private readonly store: IncidentStore,
    private readonly dispatch: OutboxDispatch,
    private readonly actor: () => string,
    private readonly options: OutboxWorkerOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.setTimer = options.setTimer ?? defaultTimer;
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.giveUpAfterMs = options.giveUpAfterMs ?? DEFAULT_GIVE_UP_MS;
    this.redact = options.redact ?? ((text) => text);
    this.journal = new InflightJournal(options.inflightFile ?? join(dirname(store.incidentsDir), 'outbox-inflight.json'));
  }

  /** Starts sending everything pending in any incident log (including intents left in doubt by a crash). */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.unsubscribe = this.store.onAppend((_id, events) => {
      let settledElsewhere = false;
      for (const e of events) {
        if (e.type === 'outbox.cancelled') this.live.delete(e.payload.intentKey);
        // "Send now" skips the wait, not the check for an earlier copy.
        if (e.type === 'outbox.retry_requested') delete this.live.get(e.payload.intentKey)?.retryAt;
        // Team sync: the outcome of an item another laptop claimed arrived; what it may have held up goes now, not at the recheck.
        if ((e.type === 'outbox.sent' || e.type === 'outbox.failed' || e.type === 'outbox.cancelled') && this.claimedElsewhere.delete(e.payload.intentKey)) settledElsewhere = true;
      }
      if (settledElsewhere || events.some((e) => e.type === 'outbox.intent_queued' || e.type === 'outbox.retry_requested')) this.kick();
    });
    this.kick();
  }

  /** Runs a pass soon; `now` also sends items that are still waiting out a backoff (connectivity or settings came back). */
  kick(options: { now?: boolean } = {}): void {
    if (this.stopped) return;
    if (options.now) {
      this.ignoreBackoff = true;
      this.stalledUntil = 0; // a person asked, or settings changed: worth trying to record again at once
    }
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = undefined;
      // A kick that arrived after the pass last looked must not be lost (once: a stalled pass returns without looking).
      const rerun = this.again && this.now() >= this.stalledUntil;
      this.again = false;
      if (rerun && !this.stopped) this.kick();
      else this.scheduleWake();
    });
  }

  /** Resolves when no pass is running (tests and shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort(new DomainError('unavailable', 'Firebreak is shutting down.'));
    this.cancelTimer?.();
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

  /** The item as the pane should show it: the log's state plus this process's attempts, next try and last error. */
  withAttempts(item: OutboxItem): OutboxItem {
    const live = item.status === 'pending' ? this.live.get(item.intentKey) : undefined;
    if (!live) return item;
    const { retryAt, lastError, attempts, lastAttemptAt } = live;
    const merged: OutboxItem = { ...item, attempts: Math.max(item.attempts, attempts), lastAttemptAt, ...(lastError ? { lastError } : {}) };
    if (retryAt) merged.retryAt = retryAt;
    else delete merged.retryAt;
    return merged;
  }

  private items(): OutboxItem[] {
    return this.store
      .list()
      .filter((i) => i.log && !i.problems.some((p) => p.kind === 'unreadable'))
      .flatMap((i) => this.store.projection(i.id, outboxProjection))
      .map((i) => this.withAttempts(i));
  }

  private current(incidentId: string, intentKey: string): OutboxItem | undefined {
    return this.store.projection(incidentId, outboxProjection).find((i) => i.intentKey === intentKey);
  }

  /**
   * Pending items in queue order; a later write to the same system of the same incident waits behind an earlier pending one.
   * The order is the projection's (the fold order: sequence order on one laptop, the team's order with sync on), not timestamps.
   */
  private dueNow(): OutboxItem[] {
    const now = this.now();
    const blocked = new Set<string>();
    const due: OutboxItem[] = [];
    for (const item of this.items()) {
      if (item.status !== 'pending') continue;
      // Claimed by another laptop (team sync): that laptop sends it. It does not hold up the lane here: laptops may briefly
      // see items in different orders, and two laptops each waiting behind the other's claim would wait for each other.
      if ((this.claimedElsewhere.get(item.intentKey) ?? 0) > now) continue;
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
          await this.journal.leftover();
          await this.process(item);
        } catch (e) {
          // The log or journal could not be written; nothing is lost (the intent stays pending), but retrying at once would spin.
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
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    const waits = this.items()
      .filter((i) => i.status === 'pending' && i.retryAt)
      .map((i) => Date.parse(i.retryAt!) - this.now());
    if (this.stalledUntil > this.now()) waits.push(this.stalledUntil - this.now());
    for (const until of this.claimedElsewhere.values()) if (until > this.now()) waits.push(until - this.now());
    if (waits.length === 0) return;
    this.cancelTimer = this.setTimer(() => this.kick(), Math.max(50, Math.min(...waits)));
  }

  /** Stamped with the worker's clock, so "failing since" and the give-up deadline are measured on one clock. */
  private append(incidentId: string, events: NewEvent[]): Promise<unknown> {
    const ts = new Date(this.now()).toISOString();
    return this.store.append(incidentId, events.map((e) => ({ ts, ...e })));
  }

  private async process(candidate: OutboxItem): Promise<void> {
    const { incidentId, intentKey } = candidate;
    if (!this.tryHold(intentKey)) return;
    try {
      // Re-read under the hold: it may have been cancelled or settled since the pass began.
      const logged = this.current(incidentId, intentKey);
      if (!logged || logged.status !== 'pending') return;
      if (this.options.claim && !(await this.options.claim(incidentId, intentKey, logged.system))) {
        // The claimant's outcome may have arrived while the claim was asked for: then there is nothing to wait for.
        if (this.current(incidentId, intentKey)?.status === 'pending') this.claimedElsewhere.set(intentKey, this.now() + CLAIMED_ELSEWHERE_RECHECK_MS);
        return;
      }
      this.claimedElsewhere.delete(intentKey);
      const live = this.live.get(intentKey);
      const item = this.withAttempts(logged);
      const checkFirst = live ? live.checkBeforeResend : logged.checkBeforeResend || this.journal.has(intentKey);
      const ctx = { incidentId, signal: this.abort.signal, now: this.now(), ...(item.lastAttemptAt ? { lastAttemptAt: item.lastAttemptAt } : {}) };
      if (checkFirst) {
        let verdict;
        try {
          verdict = await this.dispatch.verify(item.operation, intentKey, ctx);
        } catch (e) {
          return void (await this.recordFailure(logged, e, item.attempts, `Could not check whether attempt ${item.attempts} arrived`));
        }
        if (verdict.state === 'present') return void (await this.recordSent(logged, verdict.outcome, true, item.attempts));
        if (verdict.state === 'unknown') {
          const reason = `${verdict.why} Check ${item.system === 'jira' ? 'Jira' : 'PagerDuty'}; Retry sends it again, Cancel drops it.`;
          return void (await this.giveUp(logged, item.attempts, reason));
        }
      }
      const attempt = item.attempts + 1;
      // Durable before the request leaves: after a crash, this entry is what makes the next run check before resending.
      await this.journal.add(intentKey);
      this.live.set(intentKey, { attempts: attempt, lastAttemptAt: new Date(this.now()).toISOString(), checkBeforeResend: true, ...(live?.lastError ? { lastError: live.lastError } : {}) });
      let outcome: SendOutcome;
      try {
        outcome = await this.dispatch.send(item.operation, intentKey, ctx);
      } catch (e) {
        return void (await this.recordFailure(logged, e, attempt));
      }
      await this.recordSent(logged, outcome, false, attempt);
    } finally {
      this.release(intentKey);
    }
  }

  private async recordSent(item: OutboxItem, outcome: SendOutcome, foundExisting: boolean, attempts: number): Promise<void> {
    await this.append(item.incidentId, [
      {
        type: 'outbox.sent',
        actor: this.actor(),
        payload: {
          intentKey: item.intentKey,
          foundExisting,
          ...(attempts > 0 ? { attempts } : {}),
          ...(outcome.remoteId ? { remoteId: outcome.remoteId } : {}),
          ...(outcome.url ? { url: outcome.url } : {}),
        },
      },
      ...(outcome.follow ?? []),
    ]);
    this.live.delete(item.intentKey);
    await this.journal.remove(item.intentKey);
  }

  /** Needs a person: recorded once, with Retry / Cancel offered in the pane. */
  private async giveUp(item: OutboxItem, attempt: number, reason: string, notSent?: boolean): Promise<void> {
    await this.append(item.incidentId, [
      { type: 'outbox.failed', actor: this.actor(), payload: { intentKey: item.intentKey, attempt, reason: reason.slice(0, 2000), retryable: false, ...(notSent ? { notSent } : {}) } },
    ]);
    this.live.delete(item.intentKey);
    if (notSent) await this.journal.remove(item.intentKey);
  }

  /**
   * @param item the write as the log has it (its failingSince says whether "failing" is already recorded)
   * @param prefix set when checking for an earlier copy failed: that leaves the earlier doubt in place
   */
  private async recordFailure(item: OutboxItem, error: unknown, attempt: number, prefix?: string): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    const reason = this.redact(prefix ? `${prefix}: ${message}` : message).slice(0, 2000);
    this.options.onAttemptFailed?.(item, reason);
    const notSent = prefix ? !(this.live.get(item.intentKey)?.checkBeforeResend ?? true) : provablyNotSent(error);
    // Offline, timeouts, 429 and 5xx are worth waiting out; bad input, auth and missing resources need a person.
    const retryable = error instanceof DomainError && error.code === 'unavailable';
    if (!retryable) return this.giveUp(item, attempt, reason, notSent);
    const failingFor = item.failingSince ? this.now() - Date.parse(item.failingSince) : 0;
    if (this.giveUpAfterMs > 0 && failingFor >= this.giveUpAfterMs) {
      const minutes = Math.round(failingFor / 60_000);
      const span = minutes < 120 ? `${minutes} min` : `${Math.round(minutes / 60)} h`;
      return this.giveUp(item, attempt, `Gave up after ${attempt} attempts over ${span}: ${reason} Retry sends it again, Cancel drops it.`, notSent);
    }
    const serverWait = error instanceof ConnectorError && error.retryAfterMs !== undefined ? Math.min(error.retryAfterMs, this.backoff.maxServerWaitMs) : 0;
    const delay = Math.max(backoffDelay(Math.max(1, attempt), this.random, this.backoff), serverWait);
    const retryAt = new Date(this.now() + delay).toISOString();
    if (!item.failingSince) {
      // The one "failing since" event of this outage; later attempts only update what the pane shows.
      await this.append(item.incidentId, [
        { type: 'outbox.failed', actor: this.actor(), payload: { intentKey: item.intentKey, attempt, reason, retryable, retryAt, ...(notSent ? { notSent } : {}) } },
      ]);
    }
    const lastAttemptAt = this.live.get(item.intentKey)?.lastAttemptAt ?? item.lastAttemptAt ?? new Date(this.now()).toISOString();
    this.live.set(item.intentKey, { attempts: attempt, lastAttemptAt, retryAt, lastError: reason, checkBeforeResend: !notSent });
    if (notSent) await this.journal.remove(item.intentKey);
  }
}
