// Crash safety: a child appending events is SIGKILLed at random moments; every acknowledged event must survive, the log must stay valid.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { IncidentLog } from './incident-log';
import { crashTestTimeout } from './testing/child-script';
import { runAndKill } from './testing/kill-child';

const WRITER = join(__dirname, 'testing', 'crash-writer.ts');

const TRIALS = 24;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'firebreak-crash-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it(`keeps every acknowledged event over ${TRIALS} SIGKILLs at random moments`, { timeout: crashTestTimeout(TRIALS) }, async () => {
  let seed = 7;
  const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  const everAcked = new Set<number>();
  for (let trial = 0; trial < TRIALS; trial++) {
    const { lines } = await runAndKill(WRITER, [dir], 5 + Math.floor(random() * 120));
    for (const line of lines) if (line.startsWith('ack ')) for (const seq of line.slice(4).split(' ')) everAcked.add(Number(seq));

    const log = await IncidentLog.open(dir);
    const seqs = log.events.map((e) => e.seq);
    // Only a torn tail may be found (and repaired); never a corrupt line.
    expect(log.problems.filter((p) => p.kind !== 'torn_tail')).toEqual([]);
    // Contiguous 1..n: nothing lost in the middle, nothing duplicated.
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    for (const seq of everAcked) expect(seqs).toContain(seq);
    await log.close();
  }
  expect(everAcked.size).toBeGreaterThan(TRIALS);
});
