// Events that arrive through team sync are verified (real nats-server): a laptop's events are signed with its device key and
// converge on every laptop; events forged by someone holding the team's credentials but not a laptop's key — signed with the
// wrong key, claiming another device, tampered with, or from a device with no registered key — never reach any laptop's log,
// and every laptop says so in its sync status and app log; a device id registered by one key cannot be taken by another.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IncidentEvent } from '../../../shared/events';
import type { SyncStatusView, TeamDeviceView } from '../../../shared/ipc';
import type { FirebreakCore } from '../firebreak-core';
import { DeviceRegistry } from './device-registry';
import { TeamForger, noteWire } from './testing/team-forger';
import { call, SyncedLaptops } from './testing/synced-laptops';

let team: SyncedLaptops;
let a: FirebreakCore, b: FirebreakCore, c: FirebreakCore;
let devA: string;
let incidentId: string;
let forger: TeamForger;
let url: string;

const status = (core: FirebreakCore) => call<SyncStatusView>(core, 'sync.status', {});
const logged = async (core: FirebreakCore) => (await call<{ events: IncidentEvent[] }>(core, 'timeline.events', { incidentId })).events;
const texts = async (core: FirebreakCore) => (await logged(core)).filter((e) => e.type === 'note.added').map((e) => (e.payload as { text: string }).text);
const deviceOf = async (core: FirebreakCore) => (await call<{ deviceId: string }>(core, 'identity.get', {})).deviceId;

beforeAll(async () => {
  team = await SyncedLaptops.start('sync-signatures', 'violet');
  [a, b, c] = await Promise.all([team.laptop('Ana'), team.laptop('Ben'), team.laptop('Chloe')]);
  await team.online(a, b, c);
  url = team.url;
  devA = await deviceOf(a);
  forger = await TeamForger.connect(url, 'violet');
}, 60000);

afterAll(async () => {
  await forger?.close();
  await team.close();
});

describe('signed team sync', () => {
  it("a laptop's events are signed, verify on the others and converge; Settings lists the team's devices with key fingerprints", async () => {
    ({ id: incidentId } = await call<{ id: string }>(a, 'incidents.declare', { title: 'Signed checkout outage', severity: 'SEV2', commander: 'Ana' }));
    await vi.waitFor(async () => expect(await texts(b)).toEqual([]), { timeout: 10000, interval: 50 });
    // Both laptops answer with the incident's state (its declaration folded) before either writes to it.
    await vi.waitFor(
      async () => {
        for (const l of [a, b]) expect((await call<{ state?: unknown }>(l, 'incidents.get', { incidentId })).state).toBeDefined();
      },
      { timeout: 10000, interval: 50 },
    );
    await Promise.all([call(a, 'incidents.addNote', { incidentId, text: 'from ana', kind: 'note' }), call(b, 'incidents.addNote', { incidentId, text: 'from ben', kind: 'note' })]);
    await vi.waitFor(async () => {
      const [ea, eb, ec] = await Promise.all([a, b, c].map(async (l) => (await logged(l)).map((e) => e.id)));
      expect(new Set(ea)).toEqual(new Set(eb));
      expect(new Set(ec)).toEqual(new Set(ea));
      expect(ea).toHaveLength(3);
    }, { timeout: 10000, interval: 50 });

    // On the wire, every event names its signer (the device in its global id) and carries a signature.
    await vi.waitFor(async () => {
      const wire = await forger.published(incidentId);
      expect(wire.map((p) => p.wire.event.id).sort()).toEqual((await logged(c)).map((e) => e.id).sort());
      for (const p of wire) expect(p.signer).toBe(p.wire.event.id.slice(0, p.wire.event.id.lastIndexOf('.')));
      expect(wire.every((p) => (p.signature ?? '').length > 40)).toBe(true);
    }, { timeout: 5000, interval: 50 });

    // Every laptop lists the three devices with the handle and the fingerprint of the key each laptop shows as its own.
    const own = await Promise.all([a, b, c].map(async (l) => ({ deviceId: await deviceOf(l), fingerprint: (await call<{ fingerprint: string }>(l, 'signing.identity', {})).fingerprint })));
    await vi.waitFor(async () => {
      const { devices } = await call<{ devices: TeamDeviceView[] }>(c, 'sync.devices', {});
      expect(devices.map((d) => d.handle).sort()).toEqual(['ana', 'ben', 'chloe']);
      for (const o of own) expect(devices.find((d) => d.deviceId === o.deviceId)?.fingerprint).toBe(o.fingerprint);
      expect(devices.filter((d) => d.thisDevice).map((d) => d.deviceId)).toEqual([own[2]!.deviceId]);
    }, { timeout: 10000, interval: 50 });
    for (const l of [a, b, c]) expect((await status(l)).refused).toBeUndefined();
  }, 60000);

  it('forged, tampered and misattributed events are refused on every laptop, shown in the sync status and the app log', async () => {
    const genuine = (await forger.published(incidentId)).find((p) => p.wire.event.id.startsWith(`${devA}.`) && p.wire.event.type === 'note.added')!;
    // 1. Claims Ana's device, signed with a key that is not Ana's.
    await forger.publish(noteWire(incidentId, devA, 9001, 'forged: wrong key'), { signer: devA, keys: TeamForger.keys() });
    // 2. Ana's genuine signature on a copy whose payload was changed (under a new id, so it is not a mere repeat).
    const tampered = structuredClone(genuine.wire);
    tampered.event.id = `${devA}.9002`;
    tampered.event.payload = { text: 'forged: tampered payload', kind: 'note' };
    await forger.publish(tampered, { signer: devA, signature: genuine.signature! });
    // 3. The forger's own registered device signs an event that claims to come from Ana's device, or names Ana as its author.
    const mallory = TeamForger.keys();
    await forger.register('dev_mallory0000000000', mallory.text);
    await forger.publish(noteWire(incidentId, devA, 9003, 'forged: claims another device'), { signer: 'dev_mallory0000000000', keys: mallory });
    const namesAna = noteWire(incidentId, 'dev_mallory0000000000', 1, 'forged: names ana as author');
    namesAna.event.actorIdentity = { handle: 'ana', deviceId: devA };
    await forger.publish(namesAna, { signer: 'dev_mallory0000000000', keys: mallory });
    // 4. Unsigned.
    await forger.publish(noteWire(incidentId, devA, 9004, 'forged: unsigned'), 'unsigned');
    // 5. A repeat of Ana's real note with a changed payload: the log keeps what Ana wrote.
    const altered = structuredClone(genuine.wire);
    altered.event.payload = { text: 'forged: altered repeat', kind: 'note' };
    await forger.publish(altered, { signer: devA, signature: genuine.signature! });

    for (const l of [a, b, c]) {
      await vi.waitFor(async () => {
        const refused = (await status(l)).refused ?? [];
        const of = (deviceId: string, reason: string) => refused.find((r) => r.deviceId === deviceId && r.reason === reason)?.events;
        expect(of(devA, 'bad-signature')).toBe(2);
        expect(of(devA, 'wrong-device')).toBe(1);
        expect(of(devA, 'unsigned')).toBe(1);
        expect(of('dev_mallory0000000000', 'wrong-identity')).toBe(1);
        expect(refused.find((r) => r.reason === 'bad-signature')?.notice).toBe(
          `2 events from device ${devA.slice(0, 10)}… were refused: signature did not verify — someone with the team's credentials may be impersonating a laptop.`,
        );
      }, { timeout: 20000, interval: 100 });
      const notes = await texts(l);
      expect(notes.filter((t) => t.startsWith('forged'))).toEqual([]);
      expect(notes.sort()).toEqual(['from ana', 'from ben']);
      await vi.waitFor(async () => expect(await readFile(l.log.file, 'utf8')).toMatch(/Refused an event from the team.*bad-signature/), { timeout: 5000, interval: 50 });
    }
  }, 60000);

  it('an event from a device with no registered key is held unverified, never logged, and joins once that device registers', async () => {
    const newcomer = TeamForger.keys();
    const wire = noteWire(incidentId, 'dev_newcomer00000000', 1, 'from a laptop not registered yet', 'nia');
    await forger.publish(wire, { signer: 'dev_newcomer00000000', keys: newcomer });
    for (const l of [a, b, c]) await vi.waitFor(async () => expect((await status(l)).unverified).toBe(1), { timeout: 20000, interval: 100 });
    for (const l of [a, b, c]) expect(await texts(l)).not.toContain('from a laptop not registered yet');

    await forger.register('dev_newcomer00000000', newcomer.text, 'nia');
    for (const l of [a, b, c]) {
      await vi.waitFor(async () => {
        expect(await texts(l)).toContain('from a laptop not registered yet');
        expect((await status(l)).unverified).toBeUndefined();
      }, { timeout: 10000, interval: 50 });
    }
    // It takes its place in the team order by stream sequence: every laptop folds the same order.
    const orders = await Promise.all([a, b, c].map(async (l) => l.sync.engine!.mergedEvents(incidentId).map((e) => e.id)));
    expect(orders[1]).toEqual(orders[0]);
    expect(orders[2]).toEqual(orders[0]);
  }, 60000);
});

describe('revoking a device', () => {
  it("an admin revokes a device: its later events are held unverified on every laptop, and it cannot register again", async () => {
    const devC = await deviceOf(c);
    await forger.devices.put(devC, 'revoked');
    await vi.waitFor(async () => expect((await call<{ devices: TeamDeviceView[] }>(a, 'sync.devices', {})).devices.map((d) => d.deviceId)).not.toContain(devC), { timeout: 10000, interval: 50 });
    await call(c, 'incidents.addNote', { incidentId, text: 'from chloe after revocation', kind: 'note' });
    for (const l of [a, b]) {
      await vi.waitFor(async () => expect((await status(l)).unverified).toBe(1), { timeout: 20000, interval: 100 });
      expect(await texts(l)).not.toContain('from chloe after revocation');
    }
    const registry = new DeviceRegistry(() => undefined);
    registry.attach(forger.devices);
    expect(await registry.register({ deviceId: devC, handle: 'chloe', publicKey: TeamForger.keys().text, registeredAt: new Date().toISOString() })).toEqual({ state: 'revoked' });
    registry.close();
  }, 60000);
});

describe('device registration', () => {
  it("a device id registered by one laptop's key cannot be registered again with another key", async () => {
    await expect(forger.register(devA, TeamForger.keys().text)).rejects.toThrow();
    // A laptop that copied Ana's device id (but has its own key) is told, and what it writes stays on it, unpublished.
    const dataDir = await mkdtemp(join(team.root, 'clone-'));
    await writeFile(join(dataDir, 'device.json'), JSON.stringify({ deviceId: devA, createdAt: new Date().toISOString() }));
    const clone = await team.laptop('Clone', { dataDir });
    await vi.waitFor(async () => expect((await status(clone)).registration).toMatch(new RegExp(`device id ${devA} is registered on the team server with another signing key .*@ana.*an admin removes the entry ${devA} from the bucket firebreak-violet-devices`)), { timeout: 15000, interval: 50 });
    const { id } = await call<{ id: string }>(clone, 'incidents.declare', { title: 'From the clone', severity: 'SEV3', commander: 'Clone' });
    await vi.waitFor(async () => expect((await status(clone)).pendingEvents).toBe(1), { timeout: 5000, interval: 20 });
    expect((await forger.published(id)).length).toBe(0);
    const { devices } = await call<{ devices: TeamDeviceView[] }>(b, 'sync.devices', {});
    expect(devices.find((d) => d.deviceId === devA)?.handle).toBe('ana');
  }, 60000);
});
