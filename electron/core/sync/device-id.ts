// This installation's device id, created once and kept in the data directory. The identity work (electron/core/identity) may
// replace this with its own device id: the sync engine only takes a string.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PRIVATE_DIR_MODE, writeFileDurably } from '../base/durable-file';

const DEVICE_ID = /^[A-Za-z0-9_-]{3,64}$/;

export async function loadOrCreateDeviceId(dataDir: string): Promise<string> {
  const dir = join(dataDir, 'sync');
  const file = join(dir, 'device-id');
  const existing = (await readFile(file, 'utf8').catch(() => '')).trim();
  if (DEVICE_ID.test(existing)) return existing;
  const id = `d${randomBytes(6).toString('hex')}`;
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  await writeFileDurably(file, id + '\n');
  return id;
}
