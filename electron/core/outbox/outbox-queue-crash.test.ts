// Crash safety of queueing: a child queues writes through the real outbox while its worker sends them, and is SIGKILLed at random
// moments. After every kill the outbox rebuilt from the incident log must hold each acknowledged intent exactly once, and nothing
// may exist twice on Jira or PagerDuty; a final undisturbed run then sends everything that was still pending, once.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { adfToText } from '../../../shared/connectors/adf';
import { hasIntentMarker } from '../../../shared/connectors/intent-marker';
import { projectOutbox } from '../../../shared/outbox/outbox-state';
import { ConnectorSettings } from '../connectors/connector-settings';
import { JiraStandIn } from '../connectors/testing/jira-stand-in';
import { PagerDutyStandIn, type StandInPdIncident } from '../connectors/testing/pagerduty-stand-in';
import { openBrowserVault } from '../secrets/vault-key';
import { IncidentStore } from '../store/incident-store';
import { compiledChild, crashTestTimeout } from '../store/testing/child-script';
import { runAndKill, seededRandom } from '../store/testing/kill-child';

const TRIALS = 12;
/** Each trial and the final drain is one child run. */
const TEST_TIMEOUT_MS = crashTestTimeout(TRIALS + 1);
const INCIDENT = '2026-11-25-queue-crash-d00d42';
const VAULT_KEY = 'd'.repeat(64);
const env = { ...process.env, FIREBREAK_VAULT_KEY: VAULT_KEY };
const QUEUER = join(__dirname, 'testing', 'outbox-queue-child.ts');
const DRAINER = join(__dirname, 'testing', 'outbox-child.ts');

let dir: string;
let jira: JiraStandIn;
let pd: PagerDutyStandIn;
let pdIncident: StandInPdIncident;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'firebreak-queue-crash-'));
  jira = await new JiraStandIn().start();
  pd = await new PagerDutyStandIn().start();
  jira.seedIssue({ key: 'OPS-7', summary: 'Checkout 5xx' });
  pdIncident = pd.seedIncident({ title: 'Checkout 5xx' });
  const settings = new ConnectorSettings(dir, await openBrowserVault({ dataDir: dir, env: { FIREBREAK_VAULT_KEY: VAULT_KEY } }));
  await settings.saveJira({ siteUrl: jira.url, email: 'ic@example.com', apiToken: 'jira-token' });
  await settings.savePagerDuty({ fromEmail: 'dana@example.com', apiUrl: pd.url, eventsUrl: pd.url, apiToken: 'pd-token' });
  const store = await IncidentStore.open(dir);
  await store.create(INCIDENT, { type: 'incident.declared', actor: 'ic', payload: { title: 'Queue crash test', severity: 'SEV2', commander: 'ic', services: [] } });
  await store.close();
});

afterAll(async () => {
  await Promise.all([jira.close(), pd.close()]);
  await rm(dir, { recursive: true, force: true });
});

/** How many copies of each intent exist remotely (Jira comments and PagerDuty notes carry the intent key as a marker). */
function remoteCopies(intentKey: string): number {
  const comments = jira.issues.get('OPS-7')!.comments.filter((c) => hasIntentMarker(adfToText(c.body), intentKey));
  const notes = pdIncident.notes.filter((n) => hasIntentMarker(n.content, intentKey));
  return comments.length + notes.length;
}

/** Reopens the data directory like a restarted app and checks the outbox it rebuilds from the log. */
async function checkOutbox(acked: ReadonlySet<string>, label: string): Promise<Map<string, string>> {
  const store = await IncidentStore.open(dir);
  try {
    const incident = store.get(INCIDENT);
    expect(incident.problems.filter((p) => p.kind !== 'torn_tail'), label).toEqual([]);
    const events = incident.log!.events;
    const queued = events.flatMap((e) => (e.type === 'outbox.intent_queued' ? [e.payload.intentKey] : []));
    expect(new Set(queued).size, `${label}: an intent was queued twice`).toBe(queued.length);
    const sentRecords = events.flatMap((e) => (e.type === 'outbox.sent' ? [e.payload.intentKey] : []));
    expect(new Set(sentRecords).size, `${label}: an intent was recorded as sent twice`).toBe(sentRecords.length);
    const items = projectOutbox(INCIDENT, events);
    const status = new Map(items.map((i) => [i.intentKey, i.status]));
    for (const key of acked) expect(status.has(key), `${label}: acknowledged ${key} is missing`).toBe(true);
    for (const item of items) {
      expect(['pending', 'sent'], `${label}: ${item.intentKey} ${item.lastError ?? ''}`).toContain(item.status);
      // Sent means it is there exactly once; pending (maybe in doubt) means at most once, and the next run checks first.
      if (item.status === 'sent') expect(remoteCopies(item.intentKey), `${label}: ${item.intentKey}`).toBe(1);
      else expect(remoteCopies(item.intentKey), `${label}: ${item.intentKey}`).toBeLessThanOrEqual(1);
    }
    return status;
  } finally {
    await store.close();
  }
}

it(`keeps each acknowledged outbox write exactly once over ${TRIALS} SIGKILLs while queueing and sending`, { timeout: TEST_TIMEOUT_MS }, async () => {
  const acked = new Set<string>();
  const random = seededRandom(5);
  for (let trial = 0; trial < TRIALS; trial++) {
    const { lines } = await runAndKill(QUEUER, [dir, INCIDENT, 'OPS-7', pdIncident.id, String(trial)], 10 + Math.floor(random() * 250), env);
    for (const line of lines) if (line.startsWith('ack ')) acked.add(line.slice(4));
    await checkOutbox(acked, `after trial ${trial}`);
  }
  expect(acked.size).toBeGreaterThan(TRIALS);

  // An undisturbed run (the existing drain child) finishes whatever was pending or in doubt, checking before resending.
  const drain = spawn(process.execPath, [await compiledChild(DRAINER), dir], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  drain.stdout.on('data', (d: Buffer) => (output += d.toString()));
  drain.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const [code] = (await once(drain, 'close')) as [number | null];
  expect(code, output).toBe(0);
  const status = await checkOutbox(acked, 'after the drain');
  expect([...status.values()].every((s) => s === 'sent')).toBe(true);
  for (const key of status.keys()) expect(remoteCopies(key)).toBe(1);
  expect(jira.violations).toEqual([]);
  expect(pd.violations).toEqual([]);
});
