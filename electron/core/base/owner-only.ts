// Keeps the data directory private to its owner: the folder itself 0700, files 0600 (folders 0700), as incident logs and settings
// can name people, systems and internal URLs. New files are created so; this pass fixes what older versions or copies left wider.
import { chmod, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PRIVATE_DIR_MODE } from './durable-file';

const GROUP_AND_OTHER = 0o077;

/** Removes group and other permission bits below `root` (git metadata excepted: git manages its own). */
export async function restrictToOwner(root: string): Promise<void> {
  const visit = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name === '.git') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await visit(path);
      if (!entry.isDirectory() && !entry.isFile()) continue;
      const { mode } = await stat(path);
      if ((mode & GROUP_AND_OTHER) !== 0) await chmod(path, mode & 0o777 & ~GROUP_AND_OTHER);
    }
  };
  await visit(root);
}

/** Tightens the data directory itself to 0700, whatever it was created with. */
export async function privateDataDir(dataDir: string): Promise<void> {
  await chmod(dataDir, PRIVATE_DIR_MODE);
}
