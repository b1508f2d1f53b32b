// One process owns a data directory: two Firebreaks (desktop and browser mode, or two browser hosts) appending to the same
// logs would fork them. The lock file records who holds it (pid, host name, start time, mode) so the second one can say so.
//
// Hand-written rather than proper-lockfile: that library decides staleness by an mtime it refreshes on a timer and records no
// owner, while here a lock must name its holder and a dead holder is recognised at once (its pid is gone on this host).
import { hostname } from 'node:os';
import { mkdir, open, readFile, rm, rmdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, syncDir } from './durable-file';

export const LOCK_FILE = 'firebreak.lock';

export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
  mode: string;
}

export interface DataDirLock {
  readonly holder: LockHolder;
  release(): Promise<void>;
}

/** Thrown when a live process holds the directory; the message is the one line the second instance prints before exiting. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder | undefined,
  ) {
    const who = holder ? `Firebreak (${holder.mode} mode, pid ${holder.pid} on ${holder.host}, running since ${holder.startedAt})` : 'another Firebreak that is starting up';
    super(
      `The data directory ${dataDir} is in use by ${who}. Close that one first or choose another data directory` +
        (holder && holder.host !== hostname() ? `; if Firebreak no longer runs on ${holder.host}, delete ${join(dataDir, LOCK_FILE)}.` : '.'),
    );
    this.name = 'DataDirInUseError';
  }
}

/** Locks held by this process, so a second core in the same process is refused too (pid alone cannot tell). */
const heldHere = new Set<string>();

/** A lock whose content cannot be read is being written right now, unless it is this old: then its writer died mid-write. */
const UNREADABLE_LOCK_STALE_MS = 10_000;

interface LockContent {
  text: string;
  holder: LockHolder | undefined;
}

/** The lock as found (its exact text, so a takeover can check nothing changed since), or undefined when there is none. */
async function readLock(file: string): Promise<LockContent | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  try {
    const raw = JSON.parse(text) as Partial<LockHolder>;
    if (typeof raw.pid === 'number' && typeof raw.host === 'string' && typeof raw.startedAt === 'string') return { text, holder: { mode: 'unknown', ...raw } as LockHolder };
  } catch {
    /* torn or empty: its writer is starting now or died while writing it */
  }
  return { text, holder: undefined };
}

function isAlive(holder: LockHolder, file: string): boolean {
  // Another machine (a shared home folder): its processes cannot be seen from here, so the lock is respected.
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return heldHere.has(file);
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else. A recycled pid also looks alive; the message names the file then.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function tryCreate(file: string, holder: LockHolder): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx', PRIVATE_FILE_MODE);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    await handle.writeFile(JSON.stringify(holder) + '\n');
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

/**
 * Removes a stale lock, unless someone else got there first. The takeover itself is serialised with an exclusive mkdir, so two
 * starting processes that both found the same stale lock cannot both delete it and each believe they created the new one.
 */
async function takeOverStale(file: string, stale: string): Promise<void> {
  const guard = `${file}.takeover`;
  try {
    await mkdir(guard, { mode: PRIVATE_DIR_MODE });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    // A takeover in progress, or one whose process died inside it: only the latter is cleared, the caller then tries again.
    const age = Date.now() - (await stat(guard).then((s) => s.mtimeMs, () => Date.now()));
    if (age > UNREADABLE_LOCK_STALE_MS) await rmdir(guard).catch(() => undefined);
    return;
  }
  try {
    const now = await readFile(file, 'utf8').catch(() => undefined);
    if (now === stale) await rm(file, { force: true });
  } finally {
    await rmdir(guard).catch(() => undefined);
  }
}

/** Takes the data directory for this process, taking over a lock whose holder is gone; throws DataDirInUseError otherwise. */
export async function lockDataDir(dataDir: string, mode: string, now: () => Date = () => new Date()): Promise<DataDirLock> {
  await mkdir(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const file = join(dataDir, LOCK_FILE);
  const holder: LockHolder = { pid: process.pid, host: hostname(), startedAt: now().toISOString(), mode };
  for (let attempt = 0; attempt < 20; attempt++) {
    if (!heldHere.has(file) && (await tryCreate(file, holder))) {
      heldHere.add(file);
      await syncDir(dataDir);
      return { holder, release: () => release(file, holder) };
    }
    const current = await readLock(file);
    if (!current) continue;
    if (!current.holder) {
      const age = Date.now() - (await stat(file).then((s) => s.mtimeMs, () => Date.now()));
      if (age <= UNREADABLE_LOCK_STALE_MS) throw new DataDirInUseError(dataDir, undefined);
    } else if (isAlive(current.holder, file)) {
      throw new DataDirInUseError(dataDir, current.holder);
    }
    await takeOverStale(file, current.text);
    // Let a takeover by another starting process finish before looking again.
    await new Promise((resolve) => setTimeout(resolve, 25 * (attempt + 1)));
  }
  throw new DataDirInUseError(dataDir, undefined);
}

/** Removes the lock if it is still this process's (a lock taken over after this process was presumed dead is left alone). */
async function release(file: string, holder: LockHolder): Promise<void> {
  if (!heldHere.delete(file)) return;
  const current = (await readLock(file).catch(() => undefined))?.holder;
  if (current && current.pid === holder.pid && current.host === holder.host && current.startedAt === holder.startedAt) {
    await rm(file, { force: true });
  }
}
