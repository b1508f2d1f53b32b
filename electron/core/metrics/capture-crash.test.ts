// Crash safety of captured metrics: a child writing segments (and compacting them) is SIGKILLed at random moments; every segment
// left on disk must parse, leftover temp files must never be read as segments, and every capture the child acknowledged must replay.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { replayPanel } from '../../../shared/metrics/capture-segment';
import { crashTestTimeout } from '../store/testing/child-script';
import { runAndKill, seededRandom } from '../store/testing/kill-child';
import { CaptureStore, COMPACT_AFTER } from './capture-store';
import { crashCapture } from './testing/crash-captures';

const TRIALS = 14;
const WRITER = join(__dirname, 'testing', 'capture-writer.ts');
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'firebreak-capture-crash-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

it(`keeps every acknowledged capture readable over ${TRIALS} SIGKILLs, including mid-compaction`, { timeout: crashTestTimeout(TRIALS) }, async () => {
  const store = new CaptureStore(join(dataDir, 'incidents'));
  // Start each panel just below the compaction threshold, so the kills also land inside compactions.
  const seeded = COMPACT_AFTER - 2;
  for (let k = 0; k < 2 * seeded; k++) await store.write(crashCapture.incident, crashCapture.range(k));
  const acked = new Set<number>(Array.from({ length: 2 * seeded }, (_, k) => k));
  const begun = new Set<number>(acked);
  const random = seededRandom(11);
  let next = 2 * seeded;

  for (let trial = 0; trial < TRIALS; trial++) {
    const { lines } = await runAndKill(WRITER, [dataDir, String(next)], 10 + Math.floor(random() * 250));
    for (const line of lines) {
      const [word, k] = line.split(' ');
      if (word === 'begin') begun.add(Number(k));
      if (word === 'ack') acked.add(Number(k));
    }
    next = Math.max(...begun) + 1;

    const { panels, problems } = await store.read(crashCapture.incident);
    expect(problems).toEqual([]);
    for (const panel of crashCapture.panels) {
      const dir = join(dataDir, 'incidents', crashCapture.incident, 'metrics', panel.key);
      const names = await readdir(dir);
      // Anything that is not a segment is an unfinished temp file of writeFileAtomic, and it was not read as a segment.
      const segments = names.filter((n) => !n.startsWith('.'));
      expect(names.filter((n) => n.startsWith('.')).every((n) => n.endsWith('.tmp'))).toBe(true);
      expect(panels.get(panel.key)).toHaveLength(segments.length);

      const replayed = replayPanel(panels.get(panel.key)!)!;
      expect(replayed.series).toHaveLength(1);
      const points = new Map(replayed.series[0]!.t.map((t, i) => [crashCapture.captureOfPoint(t), replayed.series[0]!.v[i]!]));
      for (const k of acked) if (crashCapture.panelOf(k) === panel) expect(points.get(k), `capture ${k}`).toBe(k);
      // Nothing appears that the child never started writing, and no value is mixed up with another capture's.
      for (const [k, v] of points) {
        expect(begun.has(k), `capture ${k} was never written`).toBe(true);
        expect(v).toBe(k);
      }
    }
  }
  // Compaction really ran: far fewer files than captures.
  const files = await readdir(join(dataDir, 'incidents', crashCapture.incident, 'metrics', crashCapture.panels[0]!.key));
  expect(files.filter((n) => !n.startsWith('.')).length).toBeLessThan(acked.size / 2);
});
