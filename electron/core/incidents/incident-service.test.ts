import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../../shared/result';
import { DEMO_INCIDENT_ID, seedDemoIncident } from '../demo/seed-demo';
import { verifyChain } from '../store/hash-chain';
import { IncidentStore } from '../store/incident-store';
import { IncidentService } from './incident-service';
import { keyTimes } from '../../../shared/incidents/key-times';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'firebreak-svc-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const open = async () => {
  const store = await IncidentStore.open(dataDir);
  return { store, service: new IncidentService(store, () => 'tester') };
};

describe('IncidentService', () => {
  it('answers the key times from its projection, as the whole log gives them, before and after a restart', async () => {
    const { store, service } = await open();
    const { id } = await service.declare({ title: 'Search brownout', severity: 'SEV2', commander: 'ana', services: [] });
    const declaredAt = store.get(id).log!.events[0]!.ts;
    expect(service.keyTimes(id)).toEqual({ detected: declaredAt });
    await service.changeStatus({ incidentId: id, to: 'identified' });
    await service.changeStatus({ incidentId: id, to: 'monitoring' });
    const all = () => keyTimes(store.get(id).log!.events);
    expect(service.keyTimes(id)).toEqual(all());
    expect(Object.keys(service.keyTimes(id)).sort()).toEqual(['acknowledged', 'detected', 'mitigated']);
    const before = service.keyTimes(id);
    await store.close();
    const reopened = await open();
    expect(reopened.service.keyTimes(id)).toEqual(before);
    await reopened.service.changeStatus({ incidentId: id, to: 'resolved' });
    expect(reopened.service.keyTimes(id).resolved).toBeDefined();
    await reopened.store.close();
  });

  it('declares, changes status, severity, commander and notes; all of it survives a restart', async () => {
    const { store, service } = await open();
    const declared = await service.declare({ title: 'Payments 502s', severity: 'SEV2', commander: 'ana', services: ['payments'] });
    expect(declared.id).toMatch(/^\d{4}-\d{2}-\d{2}-payments-502s-[0-9a-f]{6}$/);
    await service.changeStatus({ incidentId: declared.id, to: 'identified' });
    await service.changeSeverity({ incidentId: declared.id, to: 'SEV1', reason: 'all regions' });
    await service.changeCommander({ incidentId: declared.id, to: 'ben' });
    await service.addNote({ incidentId: declared.id, text: 'Gateway pool exhausted', kind: 'observation' });
    await store.close();

    const reopened = await open();
    const state = reopened.service.state(declared.id);
    expect(state).toMatchObject({ status: 'identified', severity: 'SEV1', commander: 'ben', noteCount: 1, services: ['payments'] });
    expect(state.statusHistory.map((s) => s.status)).toEqual(['investigating', 'identified']);
    const timeline = reopened.service.timeline({ incidentId: declared.id, afterSeq: 2, limit: 2 });
    expect(timeline.events.map((e) => e.seq)).toEqual([3, 4]);
    expect(timeline.hasMore).toBe(true);
    await reopened.store.close();
  });

  it('refuses no-op changes and unknown incidents with clear codes', async () => {
    const { store, service } = await open();
    const { id } = await service.declare({ title: 'Cache misses', severity: 'SEV3', commander: 'ana', services: [] });
    await expect(service.changeStatus({ incidentId: id, to: 'investigating' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(service.changeSeverity({ incidentId: id, to: 'SEV3' })).rejects.toBeInstanceOf(DomainError);
    await expect(service.addNote({ incidentId: 'nope-nope', text: 'x', kind: 'note' })).rejects.toMatchObject({ code: 'not_found' });
    await store.close();
  });

  it('resolving and reopening tracks resolvedAt', async () => {
    const { store, service } = await open();
    const { id } = await service.declare({ title: 'Disk full on db-3', severity: 'SEV2', commander: 'ana', services: [] });
    expect((await service.changeStatus({ incidentId: id, to: 'resolved' })).resolvedAt).toBeDefined();
    expect((await service.changeStatus({ incidentId: id, to: 'investigating' })).resolvedAt).toBeUndefined();
    await store.close();
  });

  it('seeds the demo incident once and loads it, every bundled event following the lifecycle', async () => {
    const assets = join(__dirname, '..', '..', '..', 'assets');
    expect(await seedDemoIncident(dataDir, assets)).toBe(true);
    expect(await seedDemoIncident(dataDir, assets)).toBe(false);
    const { store, service } = await open();
    const demo = service.get(DEMO_INCIDENT_ID);
    expect(demo.problems).toEqual([]);
    expect(demo.state).toMatchObject({ demo: true, status: 'resolved', severity: 'SEV1' });
    const bundled = (await readFile(join(assets, 'demo-incident', 'events.jsonl'), 'utf8')).trim().split('\n').length;
    expect(demo.state!.eventCount).toBe(bundled);
    const types = new Set(store.get(DEMO_INCIDENT_ID).log!.events.map((e) => e.type));
    for (const t of ['alert.fired', 'page.acknowledged', 'test.run', 'approval.recorded', 'deploy.started', 'update.published', 'git.commit']) expect(types).toContain(t);
    expect(verifyChain(store.get(DEMO_INCIDENT_ID).log!.events)).toMatchObject({ ok: true });
    expect(demo.state!.statusHistory.map((s) => s.status)).toEqual(['investigating', 'identified', 'mitigating', 'monitoring', 'resolved']);
    await store.close();
  });

  it('a broken incident is listed with its problem and does not block the others', async () => {
    const { store, service } = await open();
    const { id } = await service.declare({ title: 'Good one', severity: 'SEV4', commander: 'ana', services: [] });
    await store.close();
    const { mkdir, writeFile } = await import('node:fs/promises');
    await mkdir(join(dataDir, 'incidents', 'broken-incident'), { recursive: true });
    await writeFile(join(dataDir, 'incidents', 'broken-incident', 'events.jsonl'), 'garbage\n');
    const reopened = await open();
    const list = reopened.service.list();
    expect(list.find((i) => i.id === id)?.state?.title).toBe('Good one');
    const broken = list.find((i) => i.id === 'broken-incident')!;
    expect(broken.state).toBeUndefined();
    expect(broken.problems.map((p) => p.kind).sort()).toEqual(['corrupt_line', 'unreadable']);
    await expect(reopened.service.addNote({ incidentId: 'broken-incident', text: 'x', kind: 'note' })).rejects.toMatchObject({ code: 'conflict' });
    await reopened.store.close();
  });
});
