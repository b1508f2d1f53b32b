// Keeps the data directory private to its owner: the folder itself 0700, files 0600 (folders 0700), as incident logs and settings
// can name people, systems and internal URLs. New files are created so; this pass fixes what older versions or copies left wider.
import { chmod } from 'node:fs/promises';
import { PRIVATE_DIR_MODE } from './durable-file';
import { sweepDataDir } from './data-dir-sweep';

/** Removes group and other permission bits below `root` (git metadata excepted: git manages its own). */
export async function restrictToOwner(root: string): Promise<void> {
  await sweepDataDir(root, { removeTemps: false, restrict: true });
}

/** Tightens the data directory itself to 0700, whatever it was created with. */
export async function privateDataDir(dataDir: string): Promise<void> {
  await chmod(dataDir, PRIVATE_DIR_MODE);
}
