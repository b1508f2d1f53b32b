// Team sync with .creds files against a real nats-server in operator/JWT mode (operator, account and users generated here as
// `nsc` would make them; the server trusts the operator, preloads the team account with JetStream enabled): two laptops
// signed in with their users' .creds files share an incident; a user of another account, an expired user and a revoked user
// are refused with an error that names the fix, and local work goes on.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IncidentEvent } from '../../../shared/events';
import type { IncidentListItem, SyncSettingsView } from '../../../shared/ipc';
import type { FirebreakCore } from '../firebreak-core';
import { NatsOperator } from './testing/nats-operator';
import { call, SyncedLaptops, syncStatus as status, waitForSyncState } from './testing/synced-laptops';

const operator = new NatsOperator('firebreak-ops');
const blue = operator.account('blue-team');
/** An account of the same operator that this server was not given (another team's). */
const red = operator.account('red-team');
/** An account the server knows, made without JetStream (nsc's default). */
const plain = operator.account('no-jetstream', { jetstream: false });
let team: SyncedLaptops;
let revokedUser: string;

/** Writes a .creds file into the test's temp dir. */
async function credsFile(name: string, creds: string): Promise<string> {
  const path = join(team.root, `${name}.creds`);
  await writeFile(path, creds, { mode: 0o600 });
  return path;
}

async function writesLocally(core: FirebreakCore): Promise<void> {
  const { id } = await call<{ id: string }>(core, 'incidents.declare', { title: 'Login errors', severity: 'SEV3', commander: 'dora' });
  await call(core, 'incidents.addNote', { incidentId: id, text: 'still writing', kind: 'note' });
  expect((await call<IncidentListItem>(core, 'incidents.get', { incidentId: id })).state?.noteCount).toBe(1);
  expect(await status(core)).toMatchObject({ state: 'error', pendingEvents: 2 });
}

beforeAll(async () => {
  // The revocation is in the account JWT the server is started with (`nsc revocations add-user`, then pushing the account).
  const lost = await blue.userCreds('lost-laptop');
  revokedUser = lost.creds;
  blue.revoke(lost.publicKey);
  team = await SyncedLaptops.start('sync-creds-jwt', 'blue', { server: { config: (storeDir) => operator.serverConfig(storeDir, [blue, plain]) } });
});

afterAll(() => team?.close());

describe('team sync with .creds files in operator/JWT mode', () => {
  it('a laptop signed in with its user .creds (FIREBREAK_SYNC_CREDS_FILE) and one set in Settings share an incident', async () => {
    const anaCreds = await credsFile('ana', (await blue.userCreds('ana')).creds);
    const benCreds = await credsFile('ben', (await blue.userCreds('ben', { expires: Math.floor(Date.now() / 1000) + 3600 })).creds);
    const a = await team.laptop('ana', { sync: { credsFile: anaCreds } });
    const b = await team.laptop('ben', { sync: false });
    const saved = await call<SyncSettingsView>(b, 'sync.settings.save', { url: team.url, team: 'blue', user: '', credsFile: benCreds });
    expect(saved.credsFile).toBe(benCreds);
    await team.online(a, b);

    const { id } = await call<{ id: string }>(a, 'incidents.declare', { title: 'Checkout down', severity: 'SEV2', commander: 'ana' });
    // Its declaration has reached B (the list names an incident as soon as B starts storing it; the title comes with the event).
    await vi.waitFor(async () => expect((await call<IncidentListItem[]>(b, 'incidents.list', {})).find((i) => i.id === id)?.state?.title).toBe('Checkout down'), { timeout: 10000, interval: 50 });
    // The team's stream carries the events both ways (JetStream works for the account): B's note reaches A.
    await call(b, 'incidents.addNote', { incidentId: id, text: 'ben is on it', kind: 'note' });
    await vi.waitFor(async () => {
      const { events } = await call<{ events: IncidentEvent[] }>(a, 'timeline.events', { incidentId: id });
      expect(events.flatMap((e) => (e.type === 'note.added' ? [e.payload.text] : []))).toEqual(['ben is on it']);
    }, { timeout: 10000, interval: 50 });
  }, 60000);

  it('a user of another account is refused with the fix named, and local writes go on', async () => {
    const path = await credsFile('red-user', (await red.userCreds('rita')).creds);
    const d = await team.laptop('rita', { sync: { credsFile: path } });
    await waitForSyncState(d, 'error');
    expect((await status(d)).message).toMatch(
      new RegExp(`refused the credentials file .*red-user\\.creds\\. It holds user "rita" of account ${red.publicKey}: the server does not know that account.*Ask your NATS operator for a current \\.creds file for this team.*changes stay on this laptop`),
    );
    await writesLocally(d);
  }, 60000);

  it('an expired user is refused with the expiry date and the fix named, local writes go on, and a renewed file in Settings sends them', async () => {
    const expired = Math.floor(Date.now() / 1000) - 120;
    const path = await credsFile('expired', (await blue.userCreds('old-ana', { expires: expired })).creds);
    const d = await team.laptop('old-ana', { sync: { credsFile: path } });
    await waitForSyncState(d, 'error');
    const when = new Date(expired * 1000).toISOString().slice(0, 16).replace('T', ' ');
    expect((await status(d)).message).toMatch(new RegExp(`refused the credentials file .*expired\\.creds: user "old-ana" expired on ${when} UTC\\. Ask your NATS operator for a new \\.creds file.*Settings → Team sync.*changes stay on this laptop`));
    await writesLocally(d);
    // The operator's new file, set in Settings, connects; what was written meanwhile is sent.
    const renewed = await credsFile('renewed', (await blue.userCreds('old-ana')).creds);
    await call(d, 'sync.settings.save', { url: team.url, team: 'blue', user: '', credsFile: renewed });
    await waitForSyncState(d, 'online');
    await vi.waitFor(async () => expect((await status(d)).pendingEvents).toBe(0), { timeout: 15000, interval: 50 });
  }, 60000);

  it('a revoked user is refused with the fix named, and local writes go on', async () => {
    const path = await credsFile('revoked', revokedUser);
    const d = await team.laptop('lost', { sync: { credsFile: path } });
    await waitForSyncState(d, 'error');
    expect((await status(d)).message).toMatch(/refused the credentials file .*revoked\.creds\. It holds user "lost-laptop" of account A\w+: .*or the operator revoked the user\. Ask your NATS operator for a current \.creds file/);
    await writesLocally(d);
  }, 60000);

  it('a user of an account without JetStream gets in but is told JetStream must be enabled for the account; local writes go on', async () => {
    const path = await credsFile('plain', (await plain.userCreds('pat')).creds);
    const d = await team.laptop('pat', { sync: { credsFile: path } });
    await vi.waitFor(async () => expect((await status(d)).message).toMatch(/let this laptop in, but JetStream is not enabled for its account\. Ask your NATS operator to enable it .*nsc edit account --js-mem-storage -1 --js-disk-storage -1/), { timeout: 15000, interval: 50 });
    const { id } = await call<{ id: string }>(d, 'incidents.declare', { title: 'Disk full', severity: 'SEV3', commander: 'pat' });
    await call(d, 'incidents.addNote', { incidentId: id, text: 'still writing', kind: 'note' });
    expect(await status(d)).toMatchObject({ state: 'offline', pendingEvents: 2 });
  }, 60000);
});
