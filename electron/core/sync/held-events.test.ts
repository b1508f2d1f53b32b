// Events held unverified survive a restart (written durably before the delivery is acknowledged), stay in stream order, are
// kept once per event id, and stop being kept past the per-incident limit.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HeldEvents, MAX_HELD, type HeldEvent } from './held-events';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

const held = (streamSeq: number, id: string): HeldEvent => ({ streamSeq, wire: { incidentId: 'inc-1', event: { id } }, headers: { signer: 'dev_x', signature: 'c2ln' } });

describe('HeldEvents', () => {
  it('keeps held events across a restart, in stream order and once each; removing one is durable too', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fb-held-'));
    dirs.push(dir);
    const first = new HeldEvents(join(dir, 'sync', 'held'), 'inc-1');
    await first.load();
    expect(await first.add(held(9, 'dev_x.2'))).toBe(true);
    expect(await first.add(held(4, 'dev_x.1'))).toBe(true);
    expect(await first.add(held(4, 'dev_x.1'))).toBe(true);
    await first.close();

    const again = new HeldEvents(join(dir, 'sync', 'held'), 'inc-1');
    await again.load();
    expect(again.events.map((h) => [h.streamSeq, h.wire.event.id])).toEqual([[4, 'dev_x.1'], [9, 'dev_x.2']]);
    expect(again.events[0]!.headers).toEqual({ signer: 'dev_x', signature: 'c2ln' });
    await again.remove(new Set(['dev_x.1']));
    await again.close();

    const third = new HeldEvents(join(dir, 'sync', 'held'), 'inc-1');
    await third.load();
    expect(third.events.map((h) => h.wire.event.id)).toEqual(['dev_x.2']);
  });

  it(`refuses to hold more than ${MAX_HELD} events for one incident`, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fb-held-'));
    dirs.push(dir);
    const store = new HeldEvents(dir, 'inc-1');
    await store.load();
    // Filled through the file the store reads, so the test does not write MAX_HELD files one by one.
    await writeFile(store.file, JSON.stringify(Array.from({ length: MAX_HELD }, (_, i) => held(i + 1, `dev_x.${i + 1}`))));
    await store.load();
    expect(store.size).toBe(MAX_HELD);
    expect(await store.add(held(MAX_HELD + 1, `dev_x.${MAX_HELD + 1}`))).toBe(false);
  });
});
