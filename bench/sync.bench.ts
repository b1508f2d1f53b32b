// Team sync through a real nats-server on loopback, three laptops (cores with their own data directories, one process):
// - convergence latency: a note written on one laptop until the other two have it in their logs (p50 / p95; goal p95 < 500 ms);
// - sustained throughput: notes written concurrently on all three until every laptop holds all of them, in events per second.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncidentEvent } from '../shared/events';
import { startCore, type FirebreakCore } from '../electron/core/firebreak-core';
import { NatsServer } from '../electron/core/sync/testing/nats-server';
import type { BenchResult } from './run';

const LATENCY_NOTES = 60;
const THROUGHPUT_NOTES = 600;
const assetsDir = join(__dirname, '..', 'assets');

async function call<T>(core: FirebreakCore, channel: string, input: unknown): Promise<T> {
  const result = await core.router.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

/** Calls `onNote(text)` for every note that reaches this laptop's log (written here or received). */
function watchNotes(core: FirebreakCore, incidentId: string, onNote: (text: string) => void): () => void {
  let seen = 0;
  let reading = Promise.resolve();
  return core.hub.subscribe((name, payload) => {
    if (name !== 'incident.changed' || (payload as { incidentId: string }).incidentId !== incidentId) return;
    reading = reading.then(async () => {
      const page = await call<{ events: IncidentEvent[] }>(core, 'timeline.events', { incidentId, afterSeq: seen, limit: 20000 });
      for (const e of page.events) {
        seen = Math.max(seen, e.seq);
        if (e.type === 'note.added') onNote(e.payload.text);
      }
    });
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function waitFor(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setImmediate(r));
  }
}

export async function run(): Promise<BenchResult[]> {
  const root = await mkdtemp(join(tmpdir(), 'fb-bench-sync-'));
  const server = await NatsServer.start({ storeDir: join(root, 'nats') });
  const laptops: FirebreakCore[] = [];
  try {
    for (const name of ['a', 'b', 'c']) {
      const dataDir = join(root, name);
      laptops.push(await startCore({ dataDir, assetsDir, mode: 'browser', version: 'bench', seedDemo: false, backgroundSync: false, operator: name, sync: { url: server.url, team: 'bench' } }));
    }
    await waitFor(() => laptops.every((l) => l.sync.status().state === 'online'), 'all laptops online');
    const { id } = await call<{ id: string }>(laptops[0]!, 'incidents.declare', { title: 'Sync bench', severity: 'SEV3', commander: 'a' });
    await waitFor(() => laptops.every((l) => l.sync.engine?.isShared(id) && l.sync.engine.mergedEvents(id).length > 0), 'the incident on every laptop');

    const arrived = new Map<string, Set<number>>();
    const arrivedAt = new Map<string, number>();
    const unsubscribe = laptops.map((l, i) =>
      watchNotes(l, id, (text) => {
        const set = arrived.get(text) ?? new Set<number>();
        set.add(i);
        arrived.set(text, set);
        if (set.size === laptops.length) arrivedAt.set(text, performance.now());
      }),
    );

    // Latency: one note at a time, from a rotating laptop.
    const latencies: number[] = [];
    for (let n = 0; n < LATENCY_NOTES; n++) {
      const text = `latency ${n}`;
      const t0 = performance.now();
      await call(laptops[n % 3]!, 'incidents.addNote', { incidentId: id, text, kind: 'note' });
      await waitFor(() => arrivedAt.has(text), text);
      latencies.push(arrivedAt.get(text)! - t0);
    }
    latencies.sort((x, y) => x - y);

    // Throughput: all three write at once.
    const t0 = performance.now();
    const texts: string[] = [];
    await Promise.all(
      laptops.map(async (l, i) => {
        for (let n = 0; n < THROUGHPUT_NOTES / 3; n += 10) {
          const batch = Array.from({ length: 10 }, (_, k) => `load ${i}-${n + k}`);
          texts.push(...batch);
          await Promise.all(batch.map((text) => call(l, 'incidents.addNote', { incidentId: id, text, kind: 'note' })));
        }
      }),
    );
    await waitFor(() => texts.every((t) => arrivedAt.has(t)), 'every load note everywhere', 120_000);
    const seconds = (performance.now() - t0) / 1000;
    // Every laptop's own notes confirmed by the server, and every laptop holding the same number of events in its team order.
    const total = laptops[0]!.sync.engine!.mergedEvents(id).length;
    await waitFor(() => laptops.every((l) => l.sync.status().pendingEvents === 0 && l.sync.engine!.mergedEvents(id).length === total), 'the same events in team order everywhere');
    const converged = laptops.every((l) => JSON.stringify(l.sync.engine!.mergedEvents(id).map((e) => e.id)) === JSON.stringify(laptops[0]!.sync.engine!.mergedEvents(id).map((e) => e.id)));
    for (const off of unsubscribe) off();
    const p95 = percentile(latencies, 95);
    return [
      {
        name: 'convergence latency, 3 laptops on loopback',
        summary: `p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms over ${LATENCY_NOTES} notes (goal p95 < 500 ms: ${p95 < 500 ? 'met' : 'NOT met'}; ${(p95 / 500).toFixed(2)}× the goal)`,
      },
      {
        name: 'sustained sync throughput',
        summary: `${(THROUGHPUT_NOTES / seconds).toFixed(0)} events/s written on 3 laptops at once until all hold all ${THROUGHPUT_NOTES} (${seconds.toFixed(1)} s); same order everywhere: ${converged ? 'yes' : 'NO'}`,
      },
    ];
  } finally {
    for (const l of laptops) await l.close();
    await server.stop();
    await rm(root, { recursive: true, force: true });
  }
}
