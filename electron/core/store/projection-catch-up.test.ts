// Projections that have to catch up past the log's in-memory tail read the older events back from disk: they are advanced
// together in one pass, and equal what a fold over every event gives.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IncidentEvent, NewEvent } from '../../../shared/events';
import type { ProjectionDef } from '../../../shared/projections/incremental-projection';
import { IncidentLog } from './incident-log';
import { ProjectionCache } from './projection-cache';

const declared: NewEvent = { type: 'incident.declared', actor: 'ana', payload: { title: 'DB saturation', severity: 'SEV2', commander: 'ana', services: ['db'] } };
const note = (text: string): NewEvent => ({ type: 'note.added', actor: 'ana', payload: { text } });

/** Collects the seqs it folds, and counts how many events it was given. */
const collecting = (name: string, folded: { count: number }): ProjectionDef<number[]> => ({
  name,
  initial: () => [],
  apply: (seqs, e: IncidentEvent) => {
    folded.count++;
    seqs.push(e.seq);
    return seqs;
  },
  view: (seqs) => seqs,
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'firebreak-catch-up-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A log of a declaration and `notes` notes reopened with `hotEvents` in memory, and two projections folded together over it. */
async function twoProjectionsOver(notes: number, hotEvents: number) {
  const writer = await IncidentLog.open(dir);
  await writer.append([declared, ...Array.from({ length: notes }, (_, i) => note(`note ${i}`))]);
  await writer.close();
  const log = await IncidentLog.open(dir, { hotEvents });
  const a = { count: 0 };
  const b = { count: 0 };
  const defA = collecting('a', a);
  const defB = collecting('b', b);
  const cache = new ProjectionCache();
  cache.foldTogether(defA);
  cache.foldTogether(defB);
  return { log, a, b, defA, defB, cache };
}

describe('projections catching up from disk', () => {
  it('fold every registered projection in the same pass, each event once, and then only new events', async () => {
    const { log, a, b, defA, defB, cache } = await twoProjectionsOver(30, 4);
    try {
      const all = Array.from({ length: 31 }, (_, i) => i + 1);
      expect(cache.read('inc', log, defA)).toEqual(all);
      // B was advanced in A's pass: reading it folds nothing more.
      expect(b.count).toBe(31);
      expect(cache.read('inc', log, defB)).toEqual(all);
      expect(b.count).toBe(31);
      await log.append([note('new')]);
      expect(cache.read('inc', log, defB)).toEqual([...all, 32]);
      expect(b.count).toBe(32);
      // Within the in-memory tail, a projection catches up alone.
      expect(a.count).toBe(31);
    } finally {
      await log.close();
    }
  });

  it('catchUp folds a slice at a time, letting other work run between slices, and a read during a pause folds on from there', async () => {
    const { log, a, b, defA, defB, cache } = await twoProjectionsOver(40, 8);
    try {
      // Work queued like a request arriving meanwhile: it sees the fold part-way (never all or nothing).
      const seenMidway: number[] = [];
      let ticking = true;
      const tick = () => {
        seenMidway.push(a.count);
        if (ticking) setImmediate(tick);
      };
      setImmediate(tick);
      const caughtUp = cache.catchUp('inc', log, defA, 5);
      // A read while catchUp pauses folds on from where it got to, and catchUp then skips what the read folded.
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      expect(a.count).toBeGreaterThan(0);
      expect(a.count).toBeLessThan(41);
      const all = Array.from({ length: 41 }, (_, i) => i + 1);
      expect(cache.read('inc', log, defA)).toEqual(all);
      await caughtUp;
      ticking = false;
      expect(seenMidway.some((n) => n > 0 && n < 41)).toBe(true);
      // Each event folded once into each projection, companions included.
      expect(a.count).toBe(41);
      expect(cache.read('inc', log, defB)).toEqual(all);
      expect(b.count).toBe(41);
    } finally {
      await log.close();
    }
  });
});
