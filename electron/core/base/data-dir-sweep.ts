// The start-up sweep of the data directory in one walk: temp files a kill left behind are deleted (durable-file.ts writes them)
// and everything else is made owner-only (owner-only.ts says why). One readdir per folder instead of one walk for each job.
import { chmod, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { TEMP_SUFFIX } from './durable-file';

const GROUP_AND_OTHER = 0o077;

export interface SweepOptions {
  /** Delete `*.tmp` leftovers (only safe while no other writer is active: after taking the data-directory lock). */
  removeTemps: boolean;
  /** Remove group and other permission bits from folders and files. */
  restrict: boolean;
}

/** Walks `root` once (never into git metadata, which git manages itself); answers the temp files it removed. */
export async function sweepDataDir(root: string, options: SweepOptions): Promise<string[]> {
  const removed: string[] = [];
  const tighten = async (path: string) => {
    const { mode } = await stat(path);
    if ((mode & GROUP_AND_OTHER) !== 0) await chmod(path, mode & 0o777 & ~GROUP_AND_OTHER);
  };
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
      if (entry.isDirectory()) {
        await visit(path);
        if (options.restrict) await tighten(path);
      } else if (entry.isFile()) {
        if (options.removeTemps && entry.name.endsWith(TEMP_SUFFIX)) {
          await rm(path, { force: true });
          removed.push(path);
        } else if (options.restrict) await tighten(path);
      }
    }
  };
  await visit(root);
  return removed;
}

/** Deletes the temp files a kill left behind under `root` (see SweepOptions.removeTemps for when that is safe). */
export function removeLeftoverTempFiles(root: string): Promise<string[]> {
  return sweepDataDir(root, { removeTemps: true, restrict: false });
}
