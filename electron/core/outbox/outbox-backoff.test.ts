// Tests for the outbox worker's retry state machine with a scripted dispatch and a simulated clock (no vendor contracts needed):
// backoff and Retry-After, one log event per change of state, giving up, and the in-flight journal after a crash.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeRetry, projectOutbox } from '../../../shared/outbox/outbox-state';
import { DomainError } from '../../../shared/result';
import { ConnectorError } from '../connectors/http/connector-error';
import { IncidentStore } from '../store/incident-store';
import type { OutboxDispatch, SendOutcome, Verification } from './outbox-dispatch';
import { OutboxService } from './outbox-service';
import { OutboxWorker, type OutboxWorkerOptions } from './outbox-worker';
import { ManualClock } from './testing/manual-clock';

const INCIDENT = '2026-11-25-backoff-abc123';
let dir: string;
let store: IncidentStore;
let worker: OutboxWorker;
let outbox: OutboxService;
let clock: ManualClock;

/** A dispatch that answers from a script: each send takes the next outcome (an error to throw, or success). */
class ScriptedDispatch implements OutboxDispatch {
  sends: number[] = [];
  verifies = 0;
  constructor(
    public script: (Error | 'ok')[],
    public verdict: Verification = { state: 'absent' },
  ) {}
  async send(): Promise<SendOutcome> {
    this.sends.push(clock.now());
    const next = this.script.shift() ?? 'ok';
    if (next === 'ok') return { remoteId: 'r1' };
    throw next;
  }
  async verify(): Promise<Verification> {
    this.verifies++;
    return this.verdict;
  }
}

const refused = () => {
  const e = new ConnectorError('unavailable', 'Jira could not be reached for POST /comment: ECONNREFUSED.', 'network', 'POST /comment');
  e.notSent = true;
  return e;
};
const timedOut = () => new ConnectorError('unavailable', 'Jira did not answer POST /comment within 15000 ms.', 'timeout', 'POST /comment');

function startWorker(dispatch: OutboxDispatch, options: OutboxWorkerOptions = {}): void {
  worker = new OutboxWorker(store, dispatch, () => 'firebreak', { now: clock.now, setTimer: clock.setTimer, random: () => 0.5, ...options });
  outbox = new OutboxService(store, worker, () => 'ic');
  worker.start();
}

async function runFor(ms: number, step = 1_000): Promise<void> {
  for (let t = 0; t < ms; t += step) {
    await worker.idle();
    clock.advance(step);
  }
  await worker.idle();
}

const outboxEvents = () => store.get(INCIDENT).log!.events.filter((e) => e.type.startsWith('outbox.'));
const only = () => outbox.list({ incidentId: INCIDENT })[0]!;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fb-outbox-backoff-'));
  store = await IncidentStore.open(dir);
  await store.create(INCIDENT, { type: 'incident.declared', actor: 'ic', payload: { title: 'Backoff', severity: 'SEV2', commander: 'ic', services: [] } });
  clock = new ManualClock();
});

afterEach(async () => {
  await worker.stop();
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('outbox retry state machine', () => {
  it('backs off exponentially with jitter up to a cap, resends refused writes without checking, and logs only changes of state', async () => {
    const dispatch = new ScriptedDispatch(Array.from({ length: 9 }, refused));
    startWorker(dispatch, { backoff: { baseDelayMs: 2_000, maxDelayMs: 20_000 } });
    await outbox.queue(INCIDENT, { kind: 'jira.comment', issueKey: 'OPS-1', markdown: 'hello' });
    await runFor(120_000);
    const gaps = dispatch.sends.slice(1).map((t, i) => t - dispatch.sends[i]!);
    // random 0.5 → 55 % of each step: 1.1 s, 2.2 s, 4.4 s, 8.8 s, then the 20 s cap → 11 s (rounded up to the 1 s ticks).
    expect(gaps.slice(0, 4)).toEqual([2_000, 3_000, 5_000, 9_000]);
    expect(new Set(gaps.slice(4))).toEqual(new Set([11_000]));
    expect(dispatch.verifies).toBe(0);
    expect(only()).toMatchObject({ status: 'sent', attempts: 10 });
    expect(outboxEvents().map((e) => e.type)).toEqual(['outbox.intent_queued', 'outbox.failed', 'outbox.sent']);
  });

  it('shows "retrying in 40 s (attempt 5)" while waiting', async () => {
    const item = { status: 'pending' as const, attempts: 4, retryAt: new Date(clock.now() + 39_200).toISOString() };
    expect(describeRetry(item, clock.now())).toBe('retrying in 40 s (attempt 5)');
    expect(describeRetry({ ...item, retryAt: new Date(clock.now() + 300_000).toISOString() }, clock.now())).toBe('retrying in 5 min (attempt 5)');
    expect(describeRetry({ ...item, status: 'sent' }, clock.now())).toBeUndefined();
  });

  it('honours Retry-After when it asks for longer than the backoff', async () => {
    const limited = new ConnectorError('unavailable', 'Jira answered with HTTP 429', 'http', 'POST /comment', 429);
    limited.notSent = true;
    limited.retryAfterMs = 40_000;
    const dispatch = new ScriptedDispatch([limited]);
    startWorker(dispatch);
    await outbox.queue(INCIDENT, { kind: 'jira.comment', issueKey: 'OPS-1', markdown: 'hello' });
    await worker.idle();
    expect(Date.parse(only().retryAt!) - clock.now()).toBe(40_000);
    expect(describeRetry(only(), clock.now())).toBe('retrying in 40 s (attempt 2)');
    await runFor(39_000);
    expect(dispatch.sends).toHaveLength(1);
    await runFor(2_000);
    expect(only().status).toBe('sent');
  });

  it('checks for an earlier copy after a failure that may have arrived, even when the person says "send now"', async () => {
    const dispatch = new ScriptedDispatch([timedOut()], { state: 'present', outcome: { remoteId: 'found' } });
    startWorker(dispatch);
    const q = await outbox.queue(INCIDENT, { kind: 'jira.comment', issueKey: 'OPS-1', markdown: 'hello' });
    await worker.idle();
    expect(only()).toMatchObject({ status: 'pending', checkBeforeResend: true });
    await outbox.retry(INCIDENT, q.intentKey);
    await worker.idle();
    expect(dispatch.verifies).toBe(1);
    expect(dispatch.sends).toHaveLength(1);
    expect(only()).toMatchObject({ status: 'sent', foundExisting: true, remoteId: 'found' });
  });

  it('gives up after failing for the configured time: one "given up" event, then waits for a person', async () => {
    const dispatch = new ScriptedDispatch(Array.from({ length: 50 }, refused));
    startWorker(dispatch, { giveUpAfterMs: 60_000, backoff: { baseDelayMs: 1_000, maxDelayMs: 10_000 } });
    await outbox.queue(INCIDENT, { kind: 'jira.comment', issueKey: 'OPS-1', markdown: 'hello' });
    await runFor(120_000);
    expect(only()).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/^Gave up after \d+ attempts over 1 min: .*ECONNREFUSED.*Retry sends it again/) });
    const failed = outboxEvents().filter((e) => e.type === 'outbox.failed');
    expect(failed.map((e) => (e.payload as { retryable: boolean }).retryable)).toEqual([true, false]);
    const sends = dispatch.sends.length;
    await runFor(60_000);
    expect(dispatch.sends).toHaveLength(sends);
  });

  it('after a crash mid-send, checks the intents left in the in-flight journal before resending', async () => {
    const first = new ScriptedDispatch([refused()]);
    startWorker(first);
    const q = await outbox.queue(INCIDENT, { kind: 'jira.comment', issueKey: 'OPS-1', markdown: 'hello' });
    await worker.idle();
    await worker.stop();
    // The log says the last attempt never left; the journal says a later one was in flight when the process died.
    expect(projectOutbox(INCIDENT, store.get(INCIDENT).log!.events)[0]).toMatchObject({ checkBeforeResend: false });
    await writeFile(join(dir, 'outbox-inflight.json'), JSON.stringify([q.intentKey]));
    const second = new ScriptedDispatch([], { state: 'present', outcome: { remoteId: 'arrived' } });
    startWorker(second);
    worker.kick({ now: true });
    await worker.idle();
    expect(second.verifies).toBe(1);
    expect(second.sends).toHaveLength(0);
    expect(only()).toMatchObject({ status: 'sent', foundExisting: true });
  });

  it('records a failure that needs a person once, and never retries it on its own', async () => {
    const dispatch = new ScriptedDispatch([new DomainError('not_found', 'Jira answered with HTTP 404')]);
    startWorker(dispatch);
    await outbox.queue(INCIDENT, { kind: 'jira.comment', issueKey: 'OPS-404', markdown: 'hello' });
    await runFor(30_000);
    expect(dispatch.sends).toHaveLength(1);
    expect(only()).toMatchObject({ status: 'failed', lastError: 'Jira answered with HTTP 404' });
  });
});
