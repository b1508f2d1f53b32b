// Approvals across laptops (real nats-server): a rollback whose service asks for a second approval is approved by Ben on
// his own laptop, and Ana's confirmation on hers is unblocked through sync; the approval names Ben's handle and device.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IncidentListItem } from '../../../shared/ipc';
import type { RollbackState } from '../../../shared/rollback/rollback-state';
import { call, SyncedLaptops } from './testing/synced-laptops';

let team: SyncedLaptops;
const laptop = (name: string) => team.laptop(name);

beforeAll(async () => {
  team = await SyncedLaptops.start('team-approvals', 'green');
});

afterAll(() => team.close());

describe('approvals from another laptop', () => {
  it("a rollback needing a second approval is approved by Ben on his laptop, which unblocks Ana's confirmation on hers", async () => {
    const [a, b] = await Promise.all([laptop('Ana'), laptop('Ben')]);
    await team.online(a, b);
    const strategy = { kind: 'command', command: process.execPath, args: ['-e', 'console.log("rolled back")'], timeoutMs: 10_000 };
    await call(a, 'services.put', { service: { name: 'search', rollback: { strategies: [strategy], requireApproval: true } } });
    const { id: incidentId } = await call<{ id: string }>(a, 'incidents.declare', { title: 'Search errors', severity: 'SEV2', commander: 'Ana' });
    const plan = await call<RollbackState>(a, 'rollback.plan', { incidentId, service: 'search', strategy: 'command' });

    const blocked = await a.router.dispatch('rollback.confirm', { incidentId, rollbackId: plan.id, typedName: 'search' });
    expect(blocked).toMatchObject({ ok: false, error: { message: expect.stringMatching(/need the approval of someone other than you \(Ana\)/) } });

    // Ben sees the plan through sync and approves it as himself on his own laptop.
    await vi.waitFor(async () => expect((await call<RollbackState[]>(b, 'rollback.list', { incidentId })).map((r) => r.id)).toContain(plan.id), { timeout: 5000, interval: 20 });
    await call(b, 'rollback.approve', { incidentId, rollbackId: plan.id });
    const benDevice = (await call<{ deviceId: string }>(b, 'identity.get', {})).deviceId;
    await vi.waitFor(async () => {
      const [onA] = await call<RollbackState[]>(a, 'rollback.list', { incidentId });
      expect(onA?.approvals).toEqual([expect.objectContaining({ by: 'Ben', handle: 'ben', deviceId: benDevice })]);
    }, { timeout: 5000, interval: 20 });

    await call(a, 'rollback.confirm', { incidentId, rollbackId: plan.id, typedName: 'search' });
    await vi.waitFor(async () => {
      for (const l of [a, b]) expect((await call<RollbackState[]>(l, 'rollback.list', { incidentId }))[0]).toMatchObject({ stage: 'completed', approver: 'Ben', confirmedBy: 'Ana' });
    }, { timeout: 15000, interval: 50 });
    expect((await call<IncidentListItem>(b, 'incidents.get', { incidentId })).state?.title).toBe('Search errors');
  }, 60000);
});
