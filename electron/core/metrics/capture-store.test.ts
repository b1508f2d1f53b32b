import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { panelKey, replayPanel, type CapturedRange } from '../../../shared/metrics/capture-segment';
import { CaptureStore, COMPACT_AFTER } from './capture-store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'firebreak-captures-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const incident = '2026-11-25-checkout-abc123';
const panel = { key: panelKey('prod', 'up'), title: 'Up', promql: 'up', unit: '', serverId: 'prod', thresholds: [] };
const range = (k: number): CapturedRange => ({
  panel,
  capturedAt: new Date(1_700_000_000_000 + k * 1000).toISOString(),
  start: 1_700_000_000 + k,
  end: 1_700_000_001 + k,
  step: 1,
  series: [{ labels: { job: 'api' }, t: [(1_700_000_000 + k) * 1000, (1_700_000_001 + k) * 1000], v: [k, k + 0.5] }],
  warnings: [],
});

describe('CaptureStore', () => {
  it('writes segments into the incident folder and reads them back', async () => {
    const store = new CaptureStore(dir);
    await store.write(incident, range(0));
    await store.write(incident, range(1));
    const { panels, problems } = await store.read(incident);
    expect(problems).toEqual([]);
    expect(panels.get(panel.key)).toEqual([range(0), range(1)]);
    expect(await readdir(join(dir, incident, 'metrics', panel.key))).toHaveLength(2);
  });

  it('compacts many segments into one without changing what replays', async () => {
    const store = new CaptureStore(dir);
    const all = Array.from({ length: COMPACT_AFTER + 1 }, (_, k) => range(k));
    for (const r of all) await store.write(incident, r);
    const files = await readdir(join(dir, incident, 'metrics', panel.key));
    expect(files).toHaveLength(1);
    const { panels } = await store.read(incident);
    expect(replayPanel(panels.get(panel.key)!)).toEqual(replayPanel(all));
  });

  it('reports a corrupt segment, keeps it, and still reads the others', async () => {
    const store = new CaptureStore(dir);
    await store.write(incident, range(0));
    const bad = join(dir, incident, 'metrics', panel.key, '00000000000001-1-2-1.json');
    await writeFile(bad, '{"format":"firebreak.metrics.segment","v":1,"pan');
    const { panels, problems } = await store.read(incident);
    expect(panels.get(panel.key)).toHaveLength(1);
    expect(problems).toEqual([{ file: bad, message: expect.stringMatching(/^unreadable: /) }]);
  });

  it('refuses paths that are not an incident id or panel key', async () => {
    const store = new CaptureStore(dir);
    await expect(store.write('../escape', range(0))).rejects.toMatchObject({ code: 'validation' });
    await expect(store.write(incident, { ...range(0), panel: { ...panel, key: '../x' } })).rejects.toMatchObject({ code: 'validation' });
    expect((await store.read('2026-11-25-none-000000')).panels.size).toBe(0);
  });
});
