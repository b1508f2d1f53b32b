// Persists where the runbook library syncs from and how the last sync went, in `<dataDir>/runbook-library.json` (atomic writes).
import { readFile } from 'node:fs/promises';
import { writeFileDurably } from '../base/durable-file';
import { join } from 'node:path';
import { z } from 'zod';
import { LibraryStatus, SyncSource } from '../../../shared/ipc/runbooks';

export const SETTINGS_FILE = 'runbook-library.json';

export const LibrarySettings = z.object({
  source: SyncSource,
  lastSync: LibraryStatus.shape.lastSync,
  lastAttempt: LibraryStatus.shape.lastAttempt,
});
export type LibrarySettings = z.infer<typeof LibrarySettings>;

export async function readLibrarySettings(dataDir: string): Promise<{ settings: LibrarySettings; problem?: string }> {
  const file = join(dataDir, SETTINGS_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { settings: { source: { kind: 'none' } } };
  }
  try {
    return { settings: LibrarySettings.parse(JSON.parse(text)) };
  } catch (e) {
    return {
      settings: { source: { kind: 'none' } },
      problem: `The library settings in ${file} could not be read (${(e as Error).message.split('\n')[0]}); configure the sync source again.`,
    };
  }
}

export async function writeLibrarySettings(dataDir: string, settings: LibrarySettings): Promise<void> {
  const file = join(dataDir, SETTINGS_FILE);
  await writeFileDurably(file, JSON.stringify(settings, null, 2) + '\n');
}
