// Team sync with an nkey or a .creds file, through a real nats-server that only knows one nkey user: the right seed connects
// and syncs, a wrong seed or an unusable .creds file gives an error that names the fix while local writes go on, and the
// settings never hand the seed back. (Here the server is in nkey mode, which checks the signature made with the .creds file's
// seed and ignores its JWT; team-sync-creds-jwt.test.ts runs a server in operator/JWT mode, which checks the JWT too.)
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { nkeys } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IncidentListItem, SyncSettingsView } from '../../../shared/ipc';
import type { FirebreakCore } from '../firebreak-core';
import type { StartupSync } from './sync-service';
import { call, SyncedLaptops, syncStatus as status, waitForSyncState as waitFor } from './testing/synced-laptops';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const user = nkeys.createUser();
const seed = text(user.getSeed());
const publicKey = user.getPublicKey();
const stranger = nkeys.createUser();

let team: SyncedLaptops;
let root: string;
let server: { url: string };

/** A laptop with sync set at start (credentials from files), or off until the test saves Settings. */
const laptop = (name: string, sync?: StartupSync) => team.laptop(name, { sync: sync ?? false });

/** Local writes go on while sync is refused, and wait to be sent. */
async function writesLocally(core: FirebreakCore): Promise<void> {
  const declared = await call<{ id: string }>(core, 'incidents.declare', { title: 'Login errors', severity: 'SEV3', commander: 'dora' });
  await call(core, 'incidents.addNote', { incidentId: declared.id, text: 'still writing', kind: 'note' });
  expect((await call<IncidentListItem>(core, 'incidents.get', { incidentId: declared.id })).state?.noteCount).toBe(1);
  expect((await status(core)).pendingEvents).toBe(2);
}

beforeAll(async () => {
  team = await SyncedLaptops.start('sync-nkey', 'blue', { server: { nkey: publicKey } });
  ({ root, server } = team);
});

afterAll(() => team.close());

describe('team sync with an nkey', () => {
  it('the right seed (from FIREBREAK_SYNC_NKEY_SEED_FILE, or saved in Settings) connects and syncs; the settings show only the public key', async () => {
    const seedFile = join(root, 'ana.nk');
    await writeFile(seedFile, `${seed}\n`);
    const a = await laptop('ana', { url: server.url, team: 'blue', nkeySeedFile: seedFile });
    const b = await laptop('ben');
    const saved = await call<SyncSettingsView>(b, 'sync.settings.save', { url: server.url, team: 'blue', user: '', nkeySeed: seed });
    for (const core of [a, b]) await waitFor(core, 'online');
    const { id } = await call<{ id: string }>(a, 'incidents.declare', { title: 'Checkout down', severity: 'SEV2', commander: 'ana' });
    await vi.waitFor(async () => expect((await call<IncidentListItem[]>(b, 'incidents.list', {})).map((i) => i.id)).toContain(id), { timeout: 10000, interval: 50 });

    for (const view of [saved, await call<SyncSettingsView>(b, 'sync.settings.get', {}), await call<SyncSettingsView>(a, 'sync.settings.get', {})]) {
      expect(view.nkeyPublicKey).toBe(publicKey);
      expect(JSON.stringify(view)).not.toContain(seed);
      expect(JSON.stringify(view)).not.toContain(seed.slice(2, 20));
    }
    // Removing the nkey (an empty seed) takes it out of the vault: the server refuses the laptop, which says so.
    const cleared = await call<SyncSettingsView>(b, 'sync.settings.save', { url: server.url, team: 'blue', user: '', nkeySeed: '' });
    expect(cleared.nkeyPublicKey).toBeUndefined();
    await waitFor(b, 'error');
  }, 60000);

  it('a wrong seed gives an error that names the public key and the fix, and local writes still work', async () => {
    const d = await laptop('dora');
    await call(d, 'sync.settings.save', { url: server.url, team: 'blue', user: '', nkeySeed: text(stranger.getSeed()) });
    await waitFor(d, 'error');
    expect((await status(d)).message).toMatch(new RegExp(`refused the nkey with public key ${stranger.getPublicKey()}.*Settings → Team sync.*changes stay on this laptop`));
    await writesLocally(d);
  }, 60000);

  it('refuses a seed that is not a user seed before storing it, with a hint', async () => {
    const e = await laptop('eli');
    const notSeed = await e.router.dispatch('sync.settings.save', { url: server.url, team: 'blue', user: '', nkeySeed: publicKey });
    expect(notSeed.ok ? '' : notSeed.error.message).toMatch(/starts with SU.*public key starting with U goes in the server configuration/);
    // The right shape but a broken checksum is caught by the main process.
    const broken = `${seed.slice(0, 10)}${seed[10] === 'A' ? 'B' : 'A'}${seed.slice(11)}`;
    const corrupt = await e.router.dispatch('sync.settings.save', { url: server.url, team: 'blue', user: '', nkeySeed: broken });
    expect(corrupt.ok ? '' : corrupt.error.message).toMatch(/not a NATS user nkey seed/);
    expect((await call<SyncSettingsView>(e, 'sync.settings.get', {})).nkeyPublicKey).toBeUndefined();
  });
});

describe('team sync with a .creds file', () => {
  const credsText = (userSeed: string) =>
    ['-----BEGIN NATS USER JWT-----', 'eyJ0eXAiOiJKV1QiLCJhbGciOiJlZDI1NTE5LW5rZXkifQ.e30.c2lnbmF0dXJl', '------END NATS USER JWT------', '', '************************* IMPORTANT *************************', '', '-----BEGIN USER NKEY SEED-----', userSeed, '------END USER NKEY SEED------', ''].join('\n');

  it('reads the file in the main process and signs with its seed: the server lets the laptop in', async () => {
    const credsFile = join(root, 'team.creds');
    await writeFile(credsFile, credsText(seed));
    const f = await laptop('fay', { url: server.url, team: 'blue', credsFile });
    await waitFor(f, 'online');
    expect((await call<SyncSettingsView>(f, 'sync.settings.get', {})).credsFile).toBe(credsFile);
  }, 60000);

  it('a missing file, a file that is not a .creds file, or credentials the server refuses each name the fix; local writes go on', async () => {
    const g = await laptop('gus');
    const missing = join(root, 'nowhere.creds');
    await call(g, 'sync.settings.save', { url: server.url, team: 'blue', user: '', credsFile: missing });
    await waitFor(g, 'error');
    expect((await status(g)).message).toMatch(/credentials file .*nowhere\.creds cannot be read \(there is no file there\)\. Fix the path in Settings → Team sync/);
    await writesLocally(g);

    const notCreds = join(root, 'notes.txt');
    await writeFile(notCreds, 'hello');
    await call(g, 'sync.settings.save', { url: server.url, team: 'blue', user: '', credsFile: notCreds });
    await vi.waitFor(async () => expect((await status(g)).message).toMatch(/notes\.txt is not a NATS credentials file: it needs the user JWT and the user nkey seed/), { timeout: 15000, interval: 50 });

    const refused = join(root, 'stranger.creds');
    await writeFile(refused, credsText(text(stranger.getSeed())));
    await call(g, 'sync.settings.save', { url: server.url, team: 'blue', user: '', credsFile: refused });
    await vi.waitFor(async () => expect((await status(g)).message).toMatch(/refused the credentials file .*stranger\.creds\. Ask your NATS operator for a current \.creds file/), { timeout: 15000, interval: 50 });
  }, 60000);
});

describe("the README's server permissions example", () => {
  it('with nkey users, a laptop of team payments signs in with its seed and syncs within its own subjects, stream and buckets', async () => {
    const readme = await readFile(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
    const block = readme.slice(readme.indexOf('**Keep teams apart**')).match(/```conf\n([\s\S]*?)```/)?.[1];
    expect(block).toContain('nkey: UAK3UPRL');
    const config = block!.replace(/UAK3UPRL\w+/, publicKey);
    const guarded = await team.otherServer('nats-payments', { config });
    try {
      const seedFile = join(root, 'payments.nk');
      await writeFile(seedFile, seed);
      const [h, i] = await Promise.all([laptop('hal', { url: guarded.url, team: 'payments', nkeySeedFile: seedFile }), laptop('ida', { url: guarded.url, team: 'payments', nkeySeedFile: seedFile })]);
      for (const core of [h, i]) await vi.waitFor(async () => expect(await status(core)).toMatchObject({ state: 'online' }), { timeout: 15000, interval: 50 });
      const { id } = await call<{ id: string }>(h, 'incidents.declare', { title: 'Card payments failing', severity: 'SEV1', commander: 'hal' });
      await vi.waitFor(async () => expect((await call<IncidentListItem[]>(i, 'incidents.list', {})).map((x) => x.id)).toContain(id), { timeout: 10000, interval: 50 });
    } finally {
      await guarded.stop();
    }
  }, 60000);
});
