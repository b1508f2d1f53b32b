// The one durable way to replace or move a file: temp file, fsync it, rename, fsync the folder (data-dir-sweep.ts removes temps a kill left).
//
// Hand-written on purpose: write-file-atomic (the maintained choice) fsyncs the temp file but never the folder after the rename,
// so a power cut can still roll the replacement back; it also ignores short writes and gives its temps no recognisable suffix,
// which the start-up sweep (data-dir-sweep.ts) relies on. Every other module must go through here: lint forbids a direct rename elsewhere.
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Files and folders Firebreak creates hold incident data and configuration: readable by the owner only. */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Every temp file this module writes ends so; anything matching it in the data directory at start is a kill's leftover. */
export const TEMP_SUFFIX = '.tmp';

export interface DurableWriteOptions {
  /** Permission bits of the new file; owner-only unless a caller has a reason to widen it. */
  mode?: number;
}

/** Replaces `file` with `data` so that after a crash or power cut the file holds either the old or the new content, fully. */
export async function writeFileDurably(file: string, data: string | Uint8Array, options: DurableWriteOptions = {}): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const temp = join(dir, `.${basename(file)}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
  const handle = await open(temp, 'wx', options.mode ?? PRIVATE_FILE_MODE);
  try {
    // FileHandle.writeFile loops over short writes until every byte is written (or throws).
    await handle.writeFile(data);
    await handle.sync();
  } catch (e) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw e;
  }
  await handle.close();
  await moveDurably(temp, file).catch(async (e: unknown) => {
    await rm(temp, { force: true });
    throw e;
  });
}

/** Renames `from` to `to` (atomically replacing `to`) and makes the new names durable by fsyncing both folders. */
export async function moveDurably(from: string, to: string): Promise<void> {
  await rename(from, to);
  await syncDir(dirname(to));
  if (dirname(from) !== dirname(to)) await syncDir(dirname(from));
}

/** Makes a rename or unlink durable; some file systems refuse to open a folder for sync, which is then harmless to skip. */
export async function syncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    /* not supported here (e.g. Windows): the rename is still atomic */
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
