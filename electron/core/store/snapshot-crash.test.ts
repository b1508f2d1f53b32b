// Crash safety of the projection snapshot: a child that appends and closes the store (sealing the log, writing its summary and
// snapshot) over and over is SIGKILLed at random moments, so the snapshot it leaves may be current, stale, ahead of the seal or
// half written. Reopening must keep every acknowledged event, and every snapshot projection must equal a fold of the whole log.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { IncidentEvent } from '../../../shared/events';
import { outboxProjection } from '../../../shared/projections/domain-projections';
import { projectAll } from '../../../shared/projections/incremental-projection';
import { IncidentStore } from './incident-store';
import { snapshotProjections } from './projection-snapshot';
import { crashTestTimeout } from './testing/child-script';
import { runAndKill, seededRandom } from './testing/kill-child';

const TRIALS = 10;
const WRITER = join(__dirname, 'testing', 'snapshot-writer.ts');
const ID = '2026-01-01-snapshot-crash-aaaaaa';
const BUILD = 'crash-test';
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'firebreak-snapshot-crash-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

it(`recovers every event and the right projections whatever state a SIGKILL leaves the snapshot in, over ${TRIALS} kills`, { timeout: crashTestTimeout(TRIALS) }, async () => {
  const random = seededRandom(29);
  const acked = new Set<number>();
  let resumed = 0;
  let outboxFolds = 0;
  const apply = outboxProjection.apply.bind(outboxProjection);
  vi.spyOn(outboxProjection, 'apply').mockImplementation((items, event: IncidentEvent, incidentId) => {
    outboxFolds++;
    return apply(items, event, incidentId);
  });
  try {
    for (let trial = 0; trial < TRIALS; trial++) {
      const { lines } = await runAndKill(WRITER, [dataDir, ID, BUILD], 5 + Math.floor(random() * 600), process.env, 'ack ');
      for (const line of lines) if (line.startsWith('ack ')) for (const seq of line.slice(4).split(' ')) acked.add(Number(seq));

      const store = await IncidentStore.open(dataDir, {}, { lazy: true, build: BUILD });
      const log = (await store.ensureOpen(ID)).log!;
      outboxFolds = 0;
      const values = snapshotProjections.map((def) => store.projection(ID, def));
      // Fewer events folded than the log holds: this start resumed from a snapshot the child left.
      if (outboxFolds < log.eventCount) resumed++;
      const events = log.events;
      const seqs = events.map((e) => e.seq);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
      for (const seq of acked) expect(seqs).toContain(seq);
      expect(store.get(ID).problems.filter((p) => p.kind !== 'torn_tail')).toEqual([]);
      snapshotProjections.forEach((def, i) => expect(values[i]).toEqual(projectAll(def, ID, events)));
      await store.acknowledgeRecovery(ID);
      await store.close();
    }
  } finally {
    vi.restoreAllMocks();
  }
  // The kills left a usable snapshot at least once, so resuming itself was exercised after a kill.
  expect(resumed).toBeGreaterThan(0);
  expect(acked.size).toBeGreaterThanOrEqual(TRIALS);
});
