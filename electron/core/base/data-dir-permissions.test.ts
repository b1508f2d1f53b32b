// The data directory is private to its owner: tightened to 0700 at start even if it existed wider, and every file Firebreak
// creates in it (incident logs, seals, settings, seeded demo and runbooks, the application log) is 0600.
import { chmod, lstat, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Result } from '../../../shared/result';
import { startCore } from '../firebreak-core';

const assetsDir = join(__dirname, '..', '..', '..', 'assets');
let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'firebreak-perms-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

async function filesWithModes(dir: string): Promise<[string, number][]> {
  const found: [string, number][] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await filesWithModes(path)));
    else found.push([relative(root, path), (await lstat(path)).mode & 0o777]);
  }
  return found;
}

it('tightens an existing 0755 data directory to 0700 and creates every file in it 0600', { timeout: 60_000 }, async () => {
  const dataDir = join(root, 'data');
  await mkdir(dataDir, { mode: 0o755 });
  await chmod(dataDir, 0o755);
  // Left by an older version with default permissions.
  await writeFile(join(dataDir, 'update-cadence.json'), '{"SEV1":15}\n', { mode: 0o644 });
  await chmod(join(dataDir, 'update-cadence.json'), 0o644);

  const core = await startCore({ dataDir, assetsDir, mode: 'browser', version: 'test', operator: 'ana', backgroundSync: false });
  try {
    const call = async (channel: string, input: unknown) => {
      const result = (await core.router.dispatch(channel, input)) as Result<{ id: string }>;
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    };
    const incident = await call('incidents.declare', { title: 'Private data', severity: 'SEV3', commander: 'ana', services: [] });
    await call('incidents.addNote', { incidentId: incident.id, text: 'only the owner can read this' });
  } finally {
    await core.close();
  }

  expect((await lstat(dataDir)).mode & 0o777).toBe(0o700);
  const files = await filesWithModes(dataDir);
  expect(files.map(([f]) => f)).toEqual(expect.arrayContaining([expect.stringMatching(/incidents\/.*private-data.*\/events\.jsonl$/), 'data/update-cadence.json']));
  expect(files.filter(([, mode]) => mode !== 0o600)).toEqual([]);
});
