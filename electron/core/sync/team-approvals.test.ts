// Approvals across laptops (real nats-server): a rollback whose service asks for a second approval is approved by Ben on
// his own laptop, and Ana's confirmation on hers is unblocked through sync; the approval names Ben's handle and device.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IncidentListItem, SyncStatusView } from '../../../shared/ipc';
import type { RollbackState } from '../../../shared/rollback/rollback-state';
import { startCore, type FirebreakCore } from '../firebreak-core';
import { NatsServer } from './testing/nats-server';

let root: string;
let server: NatsServer;
const cores: FirebreakCore[] = [];

async function laptop(name: string): Promise<FirebreakCore> {
  const dataDir = await mkdtemp(join(root, `${name}-`));
  const core = await startCore({ dataDir, assetsDir: join(dataDir, 'assets'), mode: 'browser', version: '0.0.0-test', operator: name, seedDemo: false, backgroundSync: false, sync: { url: server.url, team: 'green' } });
  cores.push(core);
  return core;
}

async function call<T>(core: FirebreakCore, channel: string, input: unknown): Promise<T> {
  const result = await core.router.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`);
  return result.value as T;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'fb-team-approvals-'));
  server = await NatsServer.start({ storeDir: join(root, 'nats') });
});

afterAll(async () => {
  for (const core of cores) await core.close();
  await server.stop();
  await rm(root, { recursive: true, force: true });
});

describe('approvals from another laptop', () => {
  it("a rollback needing a second approval is approved by Ben on his laptop, which unblocks Ana's confirmation on hers", async () => {
    const [a, b] = await Promise.all([laptop('Ana'), laptop('Ben')]);
    for (const l of [a, b]) await vi.waitFor(async () => expect((await call<SyncStatusView>(l, 'sync.status', {})).state).toBe('online'), { timeout: 15000, interval: 50 });
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
