// Rebuilding a shared incident's merge order on start reads the log a chunk at a time: never log.events (past the in-memory
// tail, a full parse of the file into one more array), and the order equals the one rebuilt from the whole log.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eventIdOf, type IncidentEvent } from '../../../shared/events';
import { MergeOrder } from '../../../shared/sync/merge-order';
import { IncidentStore } from '../store/incident-store';
import { IncidentSync, type IncidentSyncDeps } from './incident-sync';
import { SYNC_ORDER_FILE } from './sync-order-file';

const ID = '2026-12-02-shared-abc123';
const DEVICE = 'dev_aaaaaaaaaaaaaaaa';
let dataDir: string;
let store: IncidentStore;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'fb-sync-load-'));
  // A tiny in-memory tail, so most of the log is read back from the file as at a million events.
  store = await IncidentStore.open(dataDir, { hotEvents: 4 });
});
afterEach(async () => {
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** The merge order as load() rebuilt it from log.events before it read chunks. */
function wholeLogOrder(events: readonly IncidentEvent[], sequenced: Map<string, number>): readonly IncidentEvent[] {
  const order = new MergeOrder<IncidentEvent>();
  const synced: [number, string, IncidentEvent][] = [];
  const inLog = new Map<string, IncidentEvent>();
  for (const e of events) {
    const id = eventIdOf(e, DEVICE);
    inLog.set(id, e);
    const s = sequenced.get(id);
    if (s !== undefined) synced.push([s, id, e]);
  }
  synced.sort((a, b) => a[0] - b[0]);
  for (const [s, id, e] of synced) order.addSynced(id, s, e);
  for (const [id, e] of inLog) if (id.startsWith(`${DEVICE}.`) && !sequenced.has(id)) order.addPending(id, e);
  return order.events;
}

describe('IncidentSync.load', () => {
  it('rebuilds the merge order from the log in chunks, equal to the whole-log rebuild, without reading log.events', async () => {
    await store.create(ID, { type: 'incident.declared', actor: 'ana', payload: { title: 'Shared', severity: 'SEV2', commander: 'ana', services: ['api'] } });
    for (let i = 0; i < 30; i++) await store.append(ID, [{ type: 'note.added', actor: 'ana', payload: { text: `note ${i}`, kind: 'note' } }]);
    // Some events were sequenced by the team server, out of log order; the rest are pending own events.
    const sequenced = new Map([1, 3, 2, 9, 5, 20].map((seq, i) => [`${DEVICE}.${seq}`, i + 1]));
    await writeFile(join(dataDir, 'incidents', ID, SYNC_ORDER_FILE), [...sequenced].map(([id, streamSeq]) => JSON.stringify({ id, streamSeq })).join('\n') + '\n');
    const log = store.get(ID).log!;
    expect(log.inMemoryFromSeq).toBeGreaterThan(20);
    const sync = new IncidentSync(ID, { store, deviceId: DEVICE, team: 'blue', heldDir: join(dataDir, 'held') } as unknown as IncidentSyncDeps);
    const reads = vi.spyOn(Object.getPrototypeOf(log) as typeof log, 'events', 'get');
    await sync.load();
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();
    expect(sync.foldOrder?.events).toEqual(wholeLogOrder(log.events, sequenced));
    expect(sync.foldOrder?.events.slice(0, 3).map((e) => e.seq)).toEqual([1, 3, 2]);
  });
});
