// The folder target: files replaced atomically (no temp files left), world-readable for a web server, and clear errors.
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { writePageToFolder, type PageFile } from './status-page-writer';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'firebreak-status-folder-'));
});
afterEach(async () => {
  await chmod(root, 0o700).catch(() => undefined);
  await rm(root, { recursive: true, force: true });
});

const files = (text: string): PageFile[] => [
  { name: 'summary.json', content: `{"t":"${text}"}` },
  { name: 'index.html', content: `<p>${text}</p>` },
  { name: 'feed.xml', content: `<feed>${text}</feed>` },
];

it('creates the folder, replaces the files and leaves nothing else behind', async () => {
  const folder = join(root, 'site', 'status');
  await writePageToFolder(folder, files('one'));
  await writePageToFolder(folder, files('two'));
  expect((await readdir(folder)).sort()).toEqual(['feed.xml', 'index.html', 'summary.json']);
  expect(await readFile(join(folder, 'index.html'), 'utf8')).toBe('<p>two</p>');
  if (process.platform !== 'win32') expect((await stat(join(folder, 'index.html'))).mode & 0o777).toBe(0o644);
});

it('says which folder could not be written and does not retry what needs a person', async () => {
  const blocker = join(root, 'a-file');
  await writeFile(blocker, 'not a folder');
  await expect(writePageToFolder(join(blocker, 'status'), files('x'))).rejects.toMatchObject({ code: 'validation', message: expect.stringContaining(join(blocker, 'status')) });
});
