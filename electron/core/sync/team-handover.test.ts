// A commander handover across three synced laptops (real nats-server): A proposes to B, B accepts on its own laptop (it is
// the named successor), and every laptop shows B as commander; received events keep the identity they were written with.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IncidentEvent } from '../../../shared/events';
import type { IncidentListItem } from '../../../shared/ipc';
import type { FirebreakCore } from '../firebreak-core';
import { call, SyncedLaptops } from './testing/synced-laptops';

let team: SyncedLaptops;
const laptop = (name: string) => team.laptop(name);

const stateOf = async (core: FirebreakCore, incidentId: string) => (await call<IncidentListItem>(core, 'incidents.get', { incidentId })).state;
const logged = async (core: FirebreakCore, incidentId: string) => (await call<{ events: IncidentEvent[] }>(core, 'timeline.events', { incidentId })).events;

beforeAll(async () => {
  team = await SyncedLaptops.start('team-handover', 'red');
});

afterAll(() => team.close());

describe('handover across laptops', () => {
  it('A proposes, B accepts on its own laptop, and every laptop shows B as commander', async () => {
    const [a, b, c] = await Promise.all([laptop('Ana'), laptop('Ben'), laptop('Chloe')]);
    await team.online(a, b, c);
    const { id } = await call<{ id: string }>(a, 'incidents.declare', { title: 'Payments down', severity: 'SEV1', commander: 'Ana' });
    await vi.waitFor(async () => expect((await stateOf(b, id))?.title).toBe('Payments down'), { timeout: 5000, interval: 20 });

    await call(a, 'team.proposeHandover', { incidentId: id, to: 'Ben', note: 'Ben takes over: rollback in progress.' });
    // B sees the proposal addressed to it, and C cannot take it.
    await vi.waitFor(async () => expect((await stateOf(b, id))?.handover).toMatchObject({ from: 'Ana', to: 'Ben', proposedBy: 'Ana' }), { timeout: 5000, interval: 20 });
    await vi.waitFor(async () => expect((await stateOf(c, id))?.handover?.to).toBe('Ben'), { timeout: 5000, interval: 20 });
    const refused = await c.router.dispatch('team.acceptHandover', { incidentId: id });
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/This handover is for Ben, and you are Chloe/) } });

    await call(b, 'team.acceptHandover', { incidentId: id });
    await vi.waitFor(async () => {
      for (const l of [a, b, c]) {
        const s = await stateOf(l, id);
        expect(s?.commander).toBe('Ben');
        expect(s?.handover).toBeUndefined();
      }
    }, { timeout: 5000, interval: 20 });

    // The team's incident list names the new commander and the roles, as every laptop reads it from the team server.
    await call(b, 'team.assignRole', { incidentId: id, role: 'scribe', person: 'Chloe' });
    await call(b, 'team.assignRole', { incidentId: id, role: 'Database expert', person: 'Ana' });
    await vi.waitFor(async () => expect(await c.sync.engine?.teamEntry(id)).toMatchObject({ commander: 'Ben', roles: { commander: 'Ben', scribe: 'Chloe', 'Database expert': 'Ana' } }), { timeout: 5000, interval: 20 });
    await call(b, 'team.releaseRole', { incidentId: id, role: 'scribe' });
    await vi.waitFor(async () => expect((await a.sync.engine?.teamEntry(id))?.roles).toEqual({ commander: 'Ben', 'Database expert': 'Ana' }), { timeout: 5000, interval: 20 });

    // Every laptop keeps each event's author identity as written: the proposal by Ana's device, the acceptance by Ben's.
    const devices = await Promise.all([a, b].map(async (l) => (await call<{ deviceId: string }>(l, 'identity.get', {})).deviceId));
    for (const l of [a, b, c]) {
      const events = await logged(l, id);
      expect(events.find((e) => e.type === 'handover.proposed')?.actorIdentity).toEqual({ handle: 'ana', deviceId: devices[0] });
      expect(events.find((e) => e.type === 'handover.accepted')?.actorIdentity).toEqual({ handle: 'ben', deviceId: devices[1] });
    }
  }, 60000);
});
