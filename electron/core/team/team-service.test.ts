import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toTimelineEntry as describeEvent } from '../../../shared/timeline/describe-event';
import { projectIncident } from '../../../shared/incidents/incident-state';
import { seededRandom, syntheticLog } from '../../../shared/playback/synthetic-log';
import { IncrementalProjection } from '../../../shared/projections/incremental-projection';
import { handoverNote, openActions, openActionsProjection } from '../../../shared/team/handover-note';
import type { LocalIdentity } from '../identity/local-identity';
import { IncidentService } from '../incidents/incident-service';
import { verifyChain } from '../store/hash-chain';
import { IncidentStore } from '../store/incident-store';
import { TeamService } from './team-service';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'firebreak-team-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function open(me: { current: LocalIdentity }) {
  const store = await IncidentStore.open(dataDir);
  store.stampIdentity(() => me.current);
  const incidents = new IncidentService(store, () => me.current.name);
  const team = new TeamService({ store, incidents, identity: () => me.current, nextUpdate: async () => ({ audience: 'engineers' as const, dueAt: '2026-12-02T11:15:00.000Z' }) });
  return { store, incidents, team };
}

const ana: LocalIdentity = { name: 'Ana', handle: 'ana.k', deviceId: 'dev_aaaaaaaaaaaaaaaa' };
const ben: LocalIdentity = { name: 'Ben', handle: 'ben', deviceId: 'dev_bbbbbbbbbbbbbbbb' };

describe('TeamService', () => {
  it('assigns, replaces and releases roles; each change is an event carrying who did it, and survives a restart', async () => {
    const me = { current: ana };
    const { store, incidents, team } = await open(me);
    const { id } = await incidents.declare({ title: 'Checkout down', severity: 'SEV1', commander: 'Ana', services: [] });
    await team.assignRole({ incidentId: id, role: 'scribe', person: 'Chen' });
    await team.assignRole({ incidentId: id, role: 'Comms lead', person: 'Dana' });
    await team.assignRole({ incidentId: id, role: 'Database expert', person: 'Eli' });
    const replaced = await team.assignRole({ incidentId: id, role: 'scribe', person: 'Finn' });
    expect(replaced.roles).toEqual([
      expect.objectContaining({ role: 'scribe', person: 'Finn' }),
      expect.objectContaining({ role: 'comms-lead', person: 'Dana' }),
      expect.objectContaining({ role: 'Database expert', person: 'Eli' }),
    ]);
    await expect(team.assignRole({ incidentId: id, role: 'scribe', person: 'Finn' })).rejects.toThrow(/already Scribe/);
    await expect(team.assignRole({ incidentId: id, role: 'Incident commander', person: 'Finn' })).rejects.toThrow(/handover/);
    const released = await team.releaseRole({ incidentId: id, role: 'comms-lead' });
    expect(released.roles.map((r) => r.role)).toEqual(['scribe', 'Database expert']);
    await expect(team.releaseRole({ incidentId: id, role: 'deputy' })).rejects.toThrow(/Nobody holds the Deputy role/);

    const events = store.get(id).log!.events;
    const assigned = events.find((e) => e.type === 'role.assigned' && e.payload.person === 'Finn')!;
    expect(assigned).toMatchObject({ actor: 'Ana', actorIdentity: { handle: 'ana.k', deviceId: 'dev_aaaaaaaaaaaaaaaa' }, payload: { from: 'Chen' } });
    expect(describeEvent(assigned).text).toBe('Scribe: Finn (was Chen)');
    await store.close();

    const reopened = await open(me);
    expect(reopened.incidents.state(id).roles.map((r) => r.person)).toEqual(['Finn', 'Eli']);
    expect(verifyChain(reopened.store.get(id).log!.events).ok).toBe(true);
    await reopened.store.close();
  });

  it('hands over command in two steps: propose with a pre-filled note, then the successor accepts', async () => {
    const me = { current: ana };
    const { store, incidents, team } = await open(me);
    const { id } = await incidents.declare({ title: 'Checkout down', severity: 'SEV1', commander: 'Ana', services: ['checkout'] });
    await incidents.addNote({ incidentId: id, text: 'Page the DBA on call', kind: 'action' });
    const { note } = await team.handoverDraft(id);
    expect(note).toContain('Status: Investigating · SEV1 · services checkout');
    expect(note).toContain('- Page the DBA on call');
    expect(note).toContain('Next update due: 11:15 UTC to engineers');
    expect(note).toContain('Open checklist steps:');

    await expect(team.acceptHandover(id)).rejects.toThrow(/No handover is proposed/);
    const proposed = await team.proposeHandover({ incidentId: id, to: 'Ben', note });
    expect(proposed.commander).toBe('Ana');
    expect(proposed.handover).toMatchObject({ from: 'Ana', to: 'Ben', note, proposedBy: 'Ana' });
    await expect(team.acceptHandover(id)).rejects.toThrow(/This handover is for Ben, and you are Ana/);

    me.current = ben;
    const accepted = await team.acceptHandover(id);
    expect(accepted.commander).toBe('Ben');
    expect(accepted.handover).toBeUndefined();
    const last = store.get(id).log!.events.at(-1)!;
    expect(last).toMatchObject({ type: 'handover.accepted', actor: 'Ben', actorIdentity: { handle: 'ben', deviceId: 'dev_bbbbbbbbbbbbbbbb' } });
    expect(describeEvent(last).text).toBe('Ben accepted command from Ana');
    await store.close();
  });

  it('the current commander records a handover the successor cannot accept in Firebreak, and can withdraw one', async () => {
    const me = { current: ana };
    const { store, incidents, team } = await open(me);
    const { id } = await incidents.declare({ title: 'Checkout down', severity: 'SEV2', commander: 'Ana', services: [] });
    await expect(team.proposeHandover({ incidentId: id, to: 'ana', note: '' })).rejects.toThrow(/already the commander/);
    await team.proposeHandover({ incidentId: id, to: 'Omar', note: 'all yours' });
    expect((await team.withdrawHandover(id)).handover).toBeUndefined();
    await team.proposeHandover({ incidentId: id, to: 'Omar', note: 'all yours' });
    const recorded = await team.recordHandover(id);
    expect(recorded.commander).toBe('Omar');
    const events = store.get(id).log!.events;
    expect(describeEvent(events.at(-1)!).text).toBe('Command handed over from Ana to Omar (recorded by Ana (@ana.k))');
    // Playback and review fold the same log: the projection from scratch agrees with the live state.
    expect(projectIncident(id, events)).toMatchObject({ commander: 'Omar', roles: [] });
    await store.close();
  });

  it('an event received from another laptop keeps the identity it came with, even when its author has this user\'s name', async () => {
    const me = { current: ana };
    const { store, incidents } = await open(me);
    const { id } = await incidents.declare({ title: 'Checkout down', severity: 'SEV2', commander: 'Ana', services: [] });
    const elsewhere = { handle: 'ana.other', deviceId: 'dev_cccccccccccccccc' };
    const [withIdentity] = await store.append(id, [{ type: 'note.added', actor: 'Ana', actorIdentity: elsewhere, payload: { text: 'from the other Ana', kind: 'note' } }], { received: true });
    const [without] = await store.append(id, [{ type: 'note.added', actor: 'Ana', payload: { text: 'from an older laptop', kind: 'note' } }], { received: true });
    const [mine] = await store.append(id, [{ type: 'note.added', actor: 'Ana', payload: { text: 'typed here', kind: 'note' } }]);
    expect(withIdentity!.actorIdentity).toEqual(elsewhere);
    expect(without!.actorIdentity).toBeUndefined();
    expect(mine!.actorIdentity).toEqual({ handle: 'ana.k', deviceId: 'dev_aaaaaaaaaaaaaaaa' });
    await store.close();
  });
});

describe('the handover draft reads projections', () => {
  it.each([1, 2, 3, 4])('open actions folded event by event equal the whole-log list at every prefix of synthetic log %i', (seed) => {
    const events = syntheticLog({ count: 300, random: seededRandom(seed), weights: { note: 30 } });
    const folded = new IncrementalProjection(openActionsProjection, 'inc-1');
    for (let n = 1; n <= events.length; n++) {
      folded.apply(events.slice(0, n));
      expect(folded.value()).toEqual(openActions(events.slice(0, n)));
    }
    expect(folded.value().length).toBeGreaterThan(0);
  });

  it('drafts the note the whole log gives without reading the whole log', async () => {
    const me = { current: ana };
    const { store, incidents, team } = await open(me);
    const { id } = await incidents.declare({ title: 'Checkout down', severity: 'SEV1', commander: 'Ana', services: ['checkout'] });
    await incidents.addNote({ incidentId: id, text: 'Page the DBA on call\nthen the network team', kind: 'action' });
    await incidents.addNote({ incidentId: id, text: 'Looks like the pool', kind: 'hypothesis' });
    await incidents.addNote({ incidentId: id, text: `Drain ${'x'.repeat(300)}`, kind: 'action' });
    const log = store.get(id).log!;
    const reads = vi.spyOn(Object.getPrototypeOf(log) as typeof log, 'events', 'get');
    const { note } = await team.handoverDraft(id);
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();
    const whole = handoverNote({ state: projectIncident(id, log.events)!, actions: openActions(log.events), checklists: [], nextUpdate: { audience: 'engineers', dueAt: '2026-12-02T11:15:00.000Z' } });
    expect(note).toBe(whole);
    expect(note).toContain('- Page the DBA on call\n- Drain');
    await store.close();
  });
});
