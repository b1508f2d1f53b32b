// References between events across synced laptops (real nats-server): each laptop gives a received event its own local
// seq, so a pin, a handover acceptance and a rollback confirmation name their target by its global id. Ben writes notes
// with sync off before Ana's events reach him, so the same event has different local seqs on Ana's and Ben's laptops.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IncidentEvent } from '../../../shared/events';
import type { IncidentListItem, SyncSettingsView } from '../../../shared/ipc';
import type { TimelineWindowPage } from '../../../shared/timeline/timeline-window';
import type { RollbackState } from '../../../shared/rollback/rollback-state';
import type { FirebreakCore } from '../firebreak-core';
import { call, SyncedLaptops } from './testing/synced-laptops';

let team: SyncedLaptops;
const wait = { timeout: 10000, interval: 20 };

const logged = async (core: FirebreakCore, incidentId: string) => (await call<{ events: IncidentEvent[] }>(core, 'timeline.events', { incidentId })).events;
const byText = async (core: FirebreakCore, incidentId: string, text: string) => {
  const found = (await logged(core, incidentId)).find((e) => e.type === 'note.added' && e.payload.text === text);
  if (!found) throw new Error(`"${text}" has not reached this laptop yet`);
  return found;
};
const pinnedTexts = async (core: FirebreakCore, incidentId: string) =>
  (await call<TimelineWindowPage>(core, 'timeline.page', { incidentId, limit: 100 })).pinned.map((r) => r.text).sort();
const kindOf = async (core: FirebreakCore, incidentId: string, text: string) =>
  (await call<TimelineWindowPage>(core, 'timeline.page', { incidentId, filter: { text }, limit: 5 })).rows.find((r) => r.text === text)?.kind;

beforeAll(async () => {
  team = await SyncedLaptops.start('team-global-refs', 'blue');
});

afterAll(() => team.close());

describe('references across laptops name global event ids', () => {
  it('a pin, a handover acceptance and a rollback approval mark the same event on every laptop though local seqs differ', async () => {
    const [a, b, c] = await Promise.all([team.laptop('Ana'), team.laptop('Ben'), team.laptop('Chloe')]);
    await team.online(a, b, c);
    const strategy = { kind: 'command', command: process.execPath, args: ['-e', 'console.log("rolled back")'], timeoutMs: 10_000 };
    await call(a, 'services.put', { service: { name: 'search', rollback: { strategies: [strategy], requireApproval: true } } });
    const { id } = await call<{ id: string }>(a, 'incidents.declare', { title: 'Search errors', severity: 'SEV2', commander: 'Ana' });
    await vi.waitFor(async () => expect((await call<IncidentListItem>(b, 'incidents.get', { incidentId: id })).state?.title).toBe('Search errors'), wait);
    await vi.waitFor(async () => expect((await call<IncidentListItem>(c, 'incidents.get', { incidentId: id })).state?.title).toBe('Search errors'), wait);

    // Ben turns sync off and writes two notes: his local seqs 2 and 3, events without a stamped id.
    const settings = await call<SyncSettingsView>(b, 'sync.settings.get', {});
    await call(b, 'sync.settings.save', { url: '', team: '' });
    await call(b, 'incidents.addNote', { incidentId: id, text: 'Ben: search pods restarting' });
    await call(b, 'incidents.addNote', { incidentId: id, text: 'Ben: index rebuild queued' });
    // Meanwhile Ana writes a note and proposes a handover to Ben; Chloe receives both.
    const noted = await call<IncidentEvent>(a, 'incidents.addNote', { incidentId: id, text: 'Ana: error rate 12%' });
    await call(a, 'team.proposeHandover', { incidentId: id, to: 'Ben', note: 'Ben takes over the search incident.' });
    await vi.waitFor(async () => expect((await call<IncidentListItem>(c, 'incidents.get', { incidentId: id })).state?.handover?.to).toBe('Ben'), wait);

    // Ben comes back: his notes go out, Ana's events arrive after them in his log.
    await call(b, 'sync.settings.save', { url: settings.url, team: settings.team });
    await team.online(b);
    for (const l of [a, b, c]) await vi.waitFor(() => byText(l, id, 'Ben: index rebuild queued'), wait);
    const anaNote = await Promise.all([a, b, c].map((l) => vi.waitFor(() => byText(l, id, 'Ana: error rate 12%'), wait)));
    expect(anaNote.every((e) => e.id === noted.id)).toBe(true);
    // The same event, another local seq on Ben's laptop; Ben's own local seq of it names his own note on Ana's.
    expect(anaNote[1]!.seq).not.toBe(anaNote[0]!.seq);
    const benNoteOnBen = await byText(b, id, 'Ben: search pods restarting');
    expect(benNoteOnBen.id).toBeUndefined();

    // Ana pins her note; Chloe marks Ben's offline note (stamped on Chloe's laptop, unstamped on Ben's) as a decision.
    await call(a, 'timeline.pin', { incidentId: id, targetId: noted.id, pinned: true });
    const benNoteOnC = await byText(c, id, 'Ben: search pods restarting');
    const benDevice = (await call<{ deviceId: string }>(b, 'identity.get', {})).deviceId;
    expect(benNoteOnC.id).toBe(`${benDevice}.${benNoteOnBen.seq}`);
    await call(c, 'timeline.classify', { incidentId: id, targetId: benNoteOnC.id, kind: 'decision' });
    await vi.waitFor(async () => {
      for (const l of [a, b, c]) {
        expect(await pinnedTexts(l, id)).toEqual(['Ana: error rate 12%']);
        expect(await kindOf(l, id, 'Ben: search pods restarting')).toBe('decision');
        expect(await kindOf(l, id, 'Ben: index rebuild queued')).toBeUndefined();
      }
    }, wait);

    // Ben accepts the handover on his laptop: the acceptance names Ana's proposal by its global id, not Ben's local seq.
    await vi.waitFor(async () => expect((await call<IncidentListItem>(b, 'incidents.get', { incidentId: id })).state?.handover?.to).toBe('Ben'), wait);
    await call(b, 'team.acceptHandover', { incidentId: id });
    const proposalOnA = (await logged(a, id)).find((e) => e.type === 'handover.proposed')!;
    const proposalOnB = (await logged(b, id)).find((e) => e.type === 'handover.proposed')!;
    expect(proposalOnB.seq).not.toBe(proposalOnA.seq);
    for (const l of [a, b, c]) {
      await vi.waitFor(async () => expect((await call<IncidentListItem>(l, 'incidents.get', { incidentId: id })).state?.commander).toBe('Ben'), wait);
      const accepted = (await logged(l, id)).find((e) => e.type === 'handover.accepted');
      expect(accepted?.payload).toEqual({ from: 'Ana', to: 'Ben', proposedId: proposalOnA.id });
    }

    // A rollback that needs a second approval: Ben approves on his laptop, which unblocks Ana's confirmation on hers, and
    // the confirmation names Ben's approval by its global id.
    const plan = await call<RollbackState>(a, 'rollback.plan', { incidentId: id, service: 'search', strategy: 'command' });
    await vi.waitFor(async () => expect((await call<RollbackState[]>(b, 'rollback.list', { incidentId: id })).map((r) => r.id)).toContain(plan.id), wait);
    await call(b, 'rollback.approve', { incidentId: id, rollbackId: plan.id });
    const approvalOnB = (await logged(b, id)).find((e) => e.type === 'approval.given')!;
    await vi.waitFor(async () => expect((await call<RollbackState[]>(a, 'rollback.list', { incidentId: id }))[0]?.approvals).toEqual([expect.objectContaining({ by: 'Ben', id: approvalOnB.id })]), wait);
    await call(a, 'rollback.confirm', { incidentId: id, rollbackId: plan.id, typedName: 'search' });
    for (const l of [a, b, c]) {
      await vi.waitFor(async () => expect((await call<RollbackState[]>(l, 'rollback.list', { incidentId: id }))[0]).toMatchObject({ stage: 'completed', approver: 'Ben', confirmedBy: 'Ana' }), { timeout: 15000, interval: 50 });
      const confirmed = (await logged(l, id)).find((e) => e.type === 'rollback.confirmed');
      expect(confirmed?.payload).toMatchObject({ approver: 'Ben', approvalId: approvalOnB.id });
    }
  }, 90000);
});
