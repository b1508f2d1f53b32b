// Crash test: a child process running the outbox is SIGKILLed between send and acknowledgement, again and again.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasIntentMarker } from '../../../shared/connectors/intent-marker';
import { adfToText } from '../../../shared/connectors/adf';
import { projectOutbox } from '../../../shared/outbox/outbox-state';
import { ConnectorSettings } from '../connectors/connector-settings';
import { JiraStandIn } from '../connectors/testing/jira-stand-in';
import { PagerDutyStandIn } from '../connectors/testing/pagerduty-stand-in';
import { openBrowserVault } from '../secrets/vault-key';
import { IncidentStore } from '../store/incident-store';
import { CHILD_RUN_BUDGET_MS, compiledChild } from '../store/testing/child-script';
import { OutboxService } from './outbox-service';
import { OutboxWorker } from './outbox-worker';
import type { OutboxDispatch } from './outbox-dispatch';

const INCIDENT = '2026-11-25-crash-test-abc123';
const CHILD = fileURLToPath(new URL('./testing/outbox-child.ts', import.meta.url));
const VAULT_KEY = 'c'.repeat(64);
/** One write is killed per child run, plus a last run that finishes; each child gets at most this long to reach its write. */
const WRITES = 6;
const CHILD_BUDGET_MS = CHILD_RUN_BUDGET_MS;
const MAX_RUNS = WRITES + 1;
const TEST_TIMEOUT_MS = MAX_RUNS * CHILD_BUDGET_MS + 20_000; // + setup and the final checks

/** Resolves with the child's exit code, or 'timeout' once its budget is spent. */
const exitWithin = (exited: Promise<number | null>): Promise<number | null | 'timeout'> => {
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), CHILD_BUDGET_MS)));
  return Promise.race([exited, budget]).finally(() => clearTimeout(timer));
};

let dir: string;
let jira: JiraStandIn;
let pd: PagerDutyStandIn;

const neverSends: OutboxDispatch = {
  send: () => Promise.reject(new Error('not in this process')),
  verify: () => Promise.reject(new Error('not in this process')),
};

async function startChild(): Promise<{ child: ChildProcess; exited: Promise<number | null>; output: () => string }> {
  const child = spawn(process.execPath, [await compiledChild(CHILD), dir], { env: { ...process.env, FIREBREAK_VAULT_KEY: VAULT_KEY }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, exited, output: () => output };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fb-crash-'));
  jira = await new JiraStandIn().start();
  pd = await new PagerDutyStandIn().start();
});

afterAll(async () => {
  await Promise.all([jira.close(), pd.close()]);
  await rm(dir, { recursive: true, force: true });
});

describe('outbox crash safety', () => {
  it('killed between send and acknowledgement again and again, every write still exists exactly once', async () => {
    jira.seedIssue({ key: 'OPS-1', summary: 'Checkout 5xx' });
    const pdIncident = pd.seedIncident({ title: 'Checkout 5xx' });
    const settings = new ConnectorSettings(dir, await openBrowserVault({ dataDir: dir, env: { FIREBREAK_VAULT_KEY: VAULT_KEY } }));
    await settings.saveJira({ siteUrl: jira.url, email: 'ic@example.com', apiToken: 'jira-token' });
    await settings.savePagerDuty({ fromEmail: 'dana@example.com', apiUrl: pd.url, eventsUrl: pd.url, apiToken: 'pd-token' });

    let store = await IncidentStore.open(dir);
    await store.create(INCIDENT, { type: 'incident.declared', actor: 'ic', payload: { title: 'Crash test', severity: 'SEV2', commander: 'ic', services: [] } });
    const outbox = new OutboxService(store, new OutboxWorker(store, neverSends, () => 'ic'), () => 'ic');
    const queued = [
      await outbox.queue(INCIDENT, { kind: 'jira.comment', issueKey: 'OPS-1', markdown: 'comment one' }),
      await outbox.queue(INCIDENT, { kind: 'pagerduty.note', pdIncidentId: pdIncident.id, content: 'note one' }),
      await outbox.queue(INCIDENT, { kind: 'jira.create_issue', projectKey: 'OPS', issueType: 'Task', summary: 'Follow-up: canary alert' }),
      await outbox.queue(INCIDENT, { kind: 'jira.comment', issueKey: 'OPS-1', markdown: 'comment two' }),
      await outbox.queue(INCIDENT, { kind: 'pagerduty.note', pdIncidentId: pdIncident.id, content: 'note two' }),
      await outbox.queue(INCIDENT, { kind: 'pagerduty.set_status', pdIncidentId: pdIncident.id, status: 'acknowledged' }),
    ];
    await store.close();

    const writes = new Set(['POST /rest/api/3/issue/{issueIdOrKey}/comment', 'POST /incidents/{id}/notes', 'POST /rest/api/3/issue', 'PUT /incidents/{id}']);
    let current = await startChild();
    let kills = 0;
    const killOnWrite = async (operation: string) => {
      if (!writes.has(operation) || kills >= queued.length) return;
      kills++;
      current.child.kill('SIGKILL');
      await current.exited;
    };
    jira.afterApply = killOnWrite;
    pd.afterApply = killOnWrite;

    expect(queued).toHaveLength(WRITES);
    for (let run = 1; run < MAX_RUNS && kills < queued.length; run++) {
      const before = kills;
      const ended = await exitWithin(current.exited);
      expect(kills, `child run ${run} ended (${String(ended)}) without being killed: ${current.output()}`).toBe(before + 1);
      current = await startChild();
    }
    expect(kills).toBe(queued.length);
    const code = await exitWithin(current.exited);
    expect(code, current.output()).toBe(0);

    store = await IncidentStore.open(dir);
    const items = projectOutbox(INCIDENT, store.get(INCIDENT).log!.events);
    expect(items.map((i) => i.status)).toEqual(queued.map(() => 'sent'));
    expect(items.filter((i) => i.foundExisting).length).toBe(queued.length);
    for (const q of queued.filter((x) => x.operation.kind === 'jira.comment')) {
      expect(jira.issues.get('OPS-1')!.comments.filter((c) => hasIntentMarker(adfToText(c.body), q.intentKey))).toHaveLength(1);
    }
    for (const q of queued.filter((x) => x.operation.kind === 'pagerduty.note')) {
      expect(pdIncident.notes.filter((n) => hasIntentMarker(n.content, q.intentKey))).toHaveLength(1);
    }
    expect([...jira.issues.values()].filter((i) => i.summary === 'Follow-up: canary alert')).toHaveLength(1);
    expect(pdIncident.status).toBe('acknowledged');
    expect(store.get(INCIDENT).log!.events.filter((e) => e.type === 'jira.issue_linked')).toHaveLength(1);
    await store.close();
    expect(jira.violations).toEqual([]);
    expect(pd.violations).toEqual([]);
  }, TEST_TIMEOUT_MS);
});
