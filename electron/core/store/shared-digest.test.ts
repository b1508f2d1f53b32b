// The seal check's digest: the same SHA-256 whether computed here or in a worker over shared memory, and a worker is used
// for large input in shared memory only (anything else would be copied to reach it).
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { digestOffThread, hashedInWorker, readFileShared } from './shared-digest';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'firebreak-digest-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

it('reads a file into shared memory and hashes a large prefix in a worker, a small one here, both as createHash does', async () => {
  const content = Buffer.alloc(20 * 1024 * 1024 + 123);
  for (let i = 0; i < content.length; i += 4096) content[i] = i % 251;
  const file = join(dir, 'events.jsonl');
  await writeFile(file, content);
  const bytes = await readFileShared(file);
  expect(bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
  expect(bytes.equals(content)).toBe(true);

  expect(hashedInWorker(bytes)).toBe(true);
  expect(await digestOffThread(bytes)).toBe(sha(content));
  // A prefix at an offset inside the shared buffer, and a small one hashed on this thread.
  expect(await digestOffThread(bytes.subarray(7, 18 * 1024 * 1024))).toBe(sha(content.subarray(7, 18 * 1024 * 1024)));
  expect(hashedInWorker(bytes.subarray(0, 1000))).toBe(false);
  expect(await digestOffThread(bytes.subarray(0, 1000))).toBe(sha(content.subarray(0, 1000)));
  // Unshared memory is hashed here.
  expect(hashedInWorker(content)).toBe(false);
  expect(await digestOffThread(content)).toBe(sha(content));
});

it('reads an empty file as an empty buffer', async () => {
  const file = join(dir, 'empty.jsonl');
  await writeFile(file, '');
  const bytes = await readFileShared(file);
  expect(bytes.length).toBe(0);
  expect(await digestOffThread(bytes)).toBe(sha(new Uint8Array(0)));
});
