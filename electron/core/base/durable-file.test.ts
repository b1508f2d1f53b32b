// The one durable write path: replacements are whole and owner-only, and the temp files a kill leaves behind are swept at start.
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { removeLeftoverTempFiles } from './data-dir-sweep';
import { writeFileDurably } from './durable-file';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'firebreak-durable-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

it('replaces a file whole, owner-only, leaving no temp file beside it', async () => {
  const file = join(dir, 'nested', 'settings.json');
  await writeFileDurably(file, 'first');
  await writeFileDurably(file, 'second');
  expect(await readFile(file, 'utf8')).toBe('second');
  expect((await stat(file)).mode & 0o777).toBe(0o600);
  expect(await readdir(join(dir, 'nested'))).toEqual(['settings.json']);
});

it('sweeps the temp files a kill left behind, but not inside git repositories or other files', async () => {
  await mkdir(join(dir, 'incidents', 'a'), { recursive: true });
  await mkdir(join(dir, 'runbook-library', '.git'), { recursive: true });
  const leftovers = [join(dir, '.metrics.json.1a2b3c4d.tmp'), join(dir, 'services.json.99.tmp'), join(dir, 'incidents', 'a', 'events.jsonl.seal.tmp')];
  for (const f of leftovers) await writeFile(f, 'half');
  await writeFile(join(dir, 'incidents', 'a', 'events.jsonl'), '');
  await writeFile(join(dir, 'runbook-library', '.git', 'index.tmp'), 'git owns this');

  expect((await removeLeftoverTempFiles(dir)).sort()).toEqual(leftovers.sort());
  expect(await readdir(join(dir, 'incidents', 'a'))).toEqual(['events.jsonl']);
  expect(await readdir(join(dir, 'runbook-library', '.git'))).toEqual(['index.tmp']);
});
