// Tests for the outbox worker: ordering, backoff, check-before-resend, failures, cancel, restart, stalls.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeRetry, projectOutbox } from '../../../shared/outbox/outbox-state';
import { toTimelineEntry } from '../../../shared/timeline/describe-event';
import { ConnectorSettings } from '../connectors/connector-settings';
import { JiraStandIn } from '../connectors/testing/jira-stand-in';
import { MemoryVault } from '../connectors/testing/memory-vault';
import { PagerDutyStandIn } from '../connectors/testing/pagerduty-stand-in';
import { IncidentStore } from '../store/incident-store';
import { ConnectorDispatch } from './outbox-dispatch';
import { OutboxService } from './outbox-service';
import { OutboxWorker } from './outbox-worker';
import { ManualClock } from './testing/manual-clock';

const INCIDENT = '2026-11-25-checkout-5xx-abc123';
let dir: string;
let store: IncidentStore;
let jira: JiraStandIn;
let pd: PagerDutyStandIn;
let settings: ConnectorSettings;
let worker: OutboxWorker;
let outbox: OutboxService;

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** As the pane sees them: the log's state plus the worker's attempts since the last change of state. */
const items = () => projectOutbox(INCIDENT, store.get(INCIDENT).log!.events).map((i) => worker.withAttempts(i));
const item = (key: string) => items().find((i) => i.intentKey === key)!;
const eventsOf = (key: string) => store.get(INCIDENT).log!.events.filter((e) => e.type.startsWith('outbox.') && 'intentKey' in e.payload && e.payload.intentKey === key);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fb-outbox-'));
  store = await IncidentStore.open(dir);
  await store.create(INCIDENT, { type: 'incident.declared', actor: 'ic', payload: { title: 'Checkout 5xx', severity: 'SEV2', commander: 'ic', services: ['checkout'] } });
  jira = await new JiraStandIn().start();
  pd = await new PagerDutyStandIn().start();
  settings = new ConnectorSettings(dir, new MemoryVault(), { timeoutMs: 1000, maxAttempts: 1 });
  await settings.saveJira({ siteUrl: jira.url, email: 'ic@example.com', apiToken: 'jira-token' });
  await settings.savePagerDuty({ fromEmail: 'dana@example.com', apiUrl: pd.url, eventsUrl: pd.url, apiToken: 'pd-token' });
  jira.seedIssue({ key: 'OPS-1', summary: 'Checkout 5xx' });
  worker = new OutboxWorker(store, new ConnectorDispatch(settings, () => 'firebreak'), () => 'firebreak', { backoff: { baseDelayMs: 5, maxDelayMs: 20 } });
  outbox = new OutboxService(store, worker, () => 'ic');
});

afterEach(async () => {
  await worker.stop();
  expect(jira.violations).toEqual([]);
  expect(pd.violations).toEqual([]);
  await Promise.all([jira.close(), pd.close()]);
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('OutboxWorker', () => {
  it('sends queued writes in order and records them as sent', async () => {
    const pdIncident = pd.seedIncident({ title: 'Checkout 5xx' });
    worker.start();
    const a = await outbox.queue(INCIDENT, { kind: 'jira.comment', issueKey: 'OPS-1', markdown: 'first' });
    const b = await outbox.queue(INCIDENT, { kind: 'jira.comment', issueKey: 'OPS-1', markdown: 'second' });
    const c = await outbox.queue(INCIDENT, { kind: 'pagerduty.note', pdIncidentId: pdIncident.id, content: 'Rolled back' });
    await until(() => [a, b, c].every((x) => item(x.intentKey).status === 'sent'), 'all sent');
    expect(jira.issues.get('OPS-1')!.comments.map((x) => JSON.stringify(x.body).includes('first'))).toEqual([true, false]);
    expect(pdIncident.notes).toHaveLength(1);
    expect(item(c.intentKey)).toMatchObject({ attempts: 1, foundExisting: false, remoteId: pdIncident.notes[0]!.id });
  });

  it('creates a Jira issue and links it to the incident in the same append', async () => {
    worker.start();
    const q = await outbox.queue(INCIDENT, { kind: 'jira.create_issue', projectKey: 'OPS', issueType: 'Task', summary: 'Add checkout canary alert', actionItem: true });
    await until(() => item(q.intentKey).status === 'sent', 'issue created');
    const linked = store.get(INCIDENT).log!.events.find((e) => e.type === 'jira.issue_linked');
    expect(linked?.payload).toMatchObject({ issueKey: 'OPS-2', created: true, actionItem: true });
  });

  it('waits out a 503 with backoff, checks before resending, and sends once', async () => {
    const pdIncident = pd.seedIncident({ title: 'x' });
    pd.inject({ operation: 'POST /incidents/{id}/notes', kind: 'server_error', times: 2 });
    worker.start();
    const q = await outbox.queue(INCIDENT, { kind: 'pagerduty.note', pdIncidentId: pdIncident.id, content: 'retry me' });
    await until(() => item(q.intentKey).status === 'sent', 'sent after retries');
    // One event per change of state: queued, failing since…, sent; the attempts in between are not logged.
    expect(eventsOf(q.intentKey).map((e) => e.type)).toEqual(['outbox.intent_queued', 'outbox.failed', 'outbox.sent']);
    expect(item(q.intentKey).attempts).toBe(3);
    expect(pd.log.filter((l) => l.operationId === 'listIncidentNotes')).toHaveLength(2);
    expect(pdIncident.notes).toHaveLength(1);
  });

  it('finds the earlier copy when the connection dropped after the remote applied the write', async () => {
    jira.inject({ operation: 'POST /rest/api/3/issue/{issueIdOrKey}/comment', kind: 'drop_after_apply', times: 1 });
    worker.start();
    const q = await outbox.queue(INCIDENT, { kind: 'jira.comment', issueKey: 'OPS-1', markdown: 'exactly once' });
    await until(() => item(q.intentKey).status === 'sent', 'sent');
    expect(item(q.intentKey)).toMatchObject({ foundExisting: true, attempts: 1 });
    expect(jira.issues.get('OPS-1')!.comments).toHaveLength(1);
  });

  it('keeps a 404 as failed for a person to retry or cancel', async () => {
    worker.start();
    const q = await outbox.queue(INCIDENT, { kind: 'jira.comment', issueKey: 'OPS-404', markdown: 'lost' });
    await until(() => item(q.intentKey).status === 'failed', 'failed');
    expect(item(q.intentKey).lastError).toMatch(/HTTP 404/);
    jira.seedIssue({ key: 'OPS-404', summary: 'now exists' });
    await outbox.retry(INCIDENT, q.intentKey);
    await until(() => item(q.intentKey).status === 'sent', 'sent after retry');
    await expect(outbox.cancel(INCIDENT, q.intentKey)).rejects.toThrow(/already sent/);
  });

  it('cancels a pending write so it is never sent', async () => {
    const q = await outbox.queue(INCIDENT, { kind: 'jira.comment', issueKey: 'OPS-1', markdown: 'never' });
    await outbox.cancel(INCIDENT, q.intentKey, 'wrong ticket');
    worker.start();
    await worker.idle();
    expect(item(q.intentKey).status).toBe('cancelled');
    expect(jira.issues.get('OPS-1')!.comments).toHaveLength(0);
  });

  it('asks a person when an earlier attempt cannot be checked (PagerDuty status updates)', async () => {
    const pdIncident = pd.seedIncident({ title: 'x' });
    pd.inject({ operation: 'POST /incidents/{id}/status_updates', kind: 'drop_after_apply', times: 1 });
    worker.start();
    const q = await outbox.queue(INCIDENT, { kind: 'pagerduty.status_update', pdIncidentId: pdIncident.id, message: 'Mitigated' });
    await until(() => item(q.intentKey).status === 'failed', 'needs a person');
    expect(item(q.intentKey).lastError).toMatch(/cannot be checked/);
    expect(pdIncident.statusUpdates).toHaveLength(1);
    await outbox.cancel(INCIDENT, q.intentKey, 'it did arrive');
    expect(pdIncident.statusUpdates).toHaveLength(1);
  });

  it('resumes pending intents after a restart by projecting the log', async () => {
    const q = await outbox.queue(INCIDENT, { kind: 'jira.comment', issueKey: 'OPS-1', markdown: 'from before the restart' });
    await store.close();
    store = await IncidentStore.open(dir);
    worker = new OutboxWorker(store, new ConnectorDispatch(settings, () => 'firebreak'), () => 'firebreak');
    worker.start();
    await until(() => item(q.intentKey).status === 'sent', 'sent after restart');
    expect(jira.issues.get('OPS-1')!.comments).toHaveLength(1);
  });

  it('keeps retrying while not configured, and sends as soon as settings arrive', async () => {
    await settings.clearJira();
    worker.start();
    const q = await outbox.queue(INCIDENT, { kind: 'jira.comment', issueKey: 'OPS-1', markdown: 'queued offline' });
    await until(() => item(q.intentKey).lastError !== undefined, 'first failure');
    expect(item(q.intentKey)).toMatchObject({ status: 'pending', lastError: expect.stringMatching(/not configured/) });
    await settings.saveJira({ siteUrl: jira.url, email: 'ic@example.com', apiToken: 'jira-token' });
    worker.kick({ now: true });
    await until(() => item(q.intentKey).status === 'sent', 'sent once configured');
  });

  it('pauses instead of spinning when the outcome cannot be recorded, then finds the copy instead of sending twice', async () => {
    const q = await outbox.queue(INCIDENT, { kind: 'jira.comment', issueKey: 'OPS-1', markdown: 'disk full' });
    const append = store.append.bind(store);
    let attempts = 0;
    store.append = async () => {
      attempts++;
      throw new Error('ENOSPC: no space left on device');
    };
    worker.start();
    await vi.waitFor(() => expect(worker.lastStall).toMatch(/ENOSPC/));
    await worker.idle();
    expect(attempts).toBe(1);
    expect(jira.issues.get('OPS-1')!.comments).toHaveLength(1);
    store.append = append;
    expect(item(q.intentKey).status).toBe('pending');
    worker.kick({ now: true });
    await vi.waitFor(() => expect(item(q.intentKey).status).toBe('sent'));
    expect(item(q.intentKey).foundExisting).toBe(true);
    expect(jira.issues.get('OPS-1')!.comments).toHaveLength(1);
  });

  it('survives 3 minutes of a refused connection, then delivers exactly once with at most 4 timeline events', async () => {
    await worker.stop();
    const clock = new ManualClock();
    worker = new OutboxWorker(store, new ConnectorDispatch(settings, () => 'firebreak'), () => 'firebreak', { now: clock.now, setTimer: clock.setTimer, random: () => 0.5 });
    outbox = new OutboxService(store, worker, () => 'ic');
    const port = Number(new URL(jira.url).port);
    await jira.close(); // Jira is down: every connection is refused
    worker.start();
    const q = await outbox.queue(INCIDENT, { kind: 'jira.comment', issueKey: 'OPS-1', markdown: 'while Jira is down' });
    const tries: number[] = [];
    while (clock.elapsed < 180_000) {
      await worker.idle();
      if (tries.at(-1) !== item(q.intentKey).attempts) tries.push(item(q.intentKey).attempts);
      clock.advance(1_000);
    }
    await worker.idle();
    const waiting = item(q.intentKey);
    expect(waiting).toMatchObject({ status: 'pending', checkBeforeResend: false, lastError: expect.stringMatching(/ECONNREFUSED/) });
    // Exponential backoff: about eight tries in three minutes, not one every few seconds.
    expect(waiting.attempts).toBeGreaterThanOrEqual(5);
    expect(waiting.attempts).toBeLessThanOrEqual(10);
    expect(describeRetry(waiting, clock.now())).toMatch(new RegExp(`^retrying in \\d+ s \\(attempt ${waiting.attempts + 1}\\)$`));
    expect(eventsOf(q.intentKey).map((e) => e.type)).toEqual(['outbox.intent_queued', 'outbox.failed']);

    await jira.start(port); // back at the same address
    while (item(q.intentKey).status === 'pending' && clock.elapsed < 600_000) {
      clock.advance(1_000);
      await worker.idle();
    }
    expect(item(q.intentKey).status).toBe('sent');
    expect(jira.issues.get('OPS-1')!.comments).toHaveLength(1);
    // Refused connections never reached Jira, so nothing needed checking before the resend.
    expect(jira.log.filter((l) => l.method === 'GET' && l.path.endsWith('/comment'))).toHaveLength(0);
    const timeline = eventsOf(q.intentKey).map(toTimelineEntry);
    expect(timeline.length).toBeLessThanOrEqual(4);
    expect(timeline.map((t) => t.type)).toEqual(['outbox.intent_queued', 'outbox.failed', 'outbox.sent']);
    expect(timeline[1]!.text).toMatch(/is failing: .*ECONNREFUSED.*retrying/);
  });

  it('does not create a second Jira issue while the search index may still be lagging', async () => {
    jira.inject({ operation: 'POST /rest/api/3/issue', kind: 'drop_after_apply', times: 1 });
    jira.hideNewIssuesFromSearch = true;
    worker.start();
    const q = await outbox.queue(INCIDENT, { kind: 'jira.create_issue', projectKey: 'OPS', issueType: 'Task', summary: 'Lagging search' });
    await until(() => (item(q.intentKey).lastError ?? '').includes('does not show the issue yet'), 'held back by the lag rule');
    expect([...jira.issues.values()].filter((i) => i.summary === 'Lagging search')).toHaveLength(1);
    jira.hiddenFromSearch.clear();
    worker.kick({ now: true });
    await until(() => item(q.intentKey).status === 'sent', 'found once the index caught up');
    expect(item(q.intentKey).foundExisting).toBe(true);
    expect([...jira.issues.values()].filter((i) => i.summary === 'Lagging search')).toHaveLength(1);
  });
});
