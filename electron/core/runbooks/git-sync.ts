// Keeps a local clone of the team's runbook repository: clone, fetch, fast-forward only; never overwrites local edits.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { moveDurably } from '../base/durable-file';
import { dirname, join } from 'node:path';
import type { SyncOutcome } from '../../../shared/ipc/runbooks';

export interface GitSyncResult {
  outcome: SyncOutcome;
  message: string;
  /** HEAD of the local copy after the attempt (the commit the library is working from). */
  commit?: string;
  localChanges?: string[];
}

const GIT_TIMEOUT_MS = 120_000;

class GitFailure extends Error {
  constructor(
    message: string,
    readonly stderr: string,
    readonly missingGit = false,
  ) {
    super(message);
  }
}

/** Runs git without a shell, without prompts, and only over file/git/http(s)/ssh (no `ext::` command transports). */
export function runGit(args: string[], cwd?: string, timeoutMs = GIT_TIMEOUT_MS): Promise<string> {
  const env = {
    ...process.env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_ALLOW_PROTOCOL: 'file:git:http:https:ssh',
    GIT_SSH_COMMAND: process.env.GIT_SSH_COMMAND ?? 'ssh -o BatchMode=yes',
    LC_ALL: 'C',
  };
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, env, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      const firstLine = String(stderr).trim().split('\n').filter(Boolean).at(-1) ?? error.message;
      reject(new GitFailure(missing ? 'git is not installed or not on PATH.' : firstLine, String(stderr), missing));
    });
  });
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

async function headCommit(dir: string): Promise<string | undefined> {
  try {
    return (await runGit(['rev-parse', 'HEAD'], dir)).trim();
  } catch {
    return undefined;
  }
}

/** Files with uncommitted edits in the local copy (tracked changes and new files). */
async function localChanges(dir: string): Promise<string[]> {
  const out = await runGit(['status', '--porcelain=v1', '--untracked-files=all'], dir);
  return out
    .split('\n')
    .filter((l) => l.length > 3)
    .map((l) => l.slice(3));
}

export async function isClone(dir: string): Promise<boolean> {
  return exists(join(dir, '.git'));
}

/** The URL the local copy pulls from, or undefined when there is no clone. */
export async function originUrl(dir: string): Promise<string | undefined> {
  if (!(await isClone(dir))) return undefined;
  try {
    return (await runGit(['remote', 'get-url', 'origin'], dir)).trim();
  } catch {
    return undefined;
  }
}

async function cloneInto(dir: string, url: string, branch: string | undefined): Promise<GitSyncResult> {
  if ((await exists(dir)) && (await readdir(dir)).length > 0) {
    return { outcome: 'failed', message: `${dir} already holds files that are not a git clone; move them away and sync again.` };
  }
  await mkdir(dirname(dir), { recursive: true });
  // Clone next to the target and rename, so an interrupted clone never leaves a half library behind.
  const partial = `${dir}.partial-${randomBytes(4).toString('hex')}`;
  try {
    await runGit(['clone', '--quiet', '--no-recurse-submodules', ...(branch ? ['--branch', branch] : []), '--', url, partial]);
    await rm(dir, { recursive: true, force: true });
    await moveDurably(partial, dir);
  } catch (e) {
    await rm(partial, { recursive: true, force: true });
    throw e;
  }
  const commit = await headCommit(dir);
  return { outcome: 'cloned', message: `Cloned ${url}${commit ? ` at ${commit.slice(0, 8)}` : ''}.`, ...(commit ? { commit } : {}) };
}

async function pullInto(dir: string, branch: string | undefined): Promise<GitSyncResult> {
  const before = await headCommit(dir);
  const kept = before ? { commit: before } : {};
  try {
    await runGit(['fetch', '--quiet', '--prune', 'origin'], dir);
  } catch (e) {
    const reason = e instanceof GitFailure ? e.message : (e as Error).message;
    return { outcome: 'offline', message: `Could not reach the runbook repository (${reason}); working from the last pulled copy.`, ...kept };
  }
  const current = branch ?? (await runGit(['symbolic-ref', '--short', 'HEAD'], dir)).trim();
  const upstream = `refs/remotes/origin/${current}`;
  const [aheadText, behindText] = (await runGit(['rev-list', '--left-right', '--count', `HEAD...${upstream}`], dir)).trim().split(/\s+/);
  const ahead = Number(aheadText);
  const behind = Number(behindText);
  const changes = await localChanges(dir);
  const changeInfo = changes.length > 0 ? { localChanges: changes } : {};
  const keptNote = changes.length > 0 ? ` Local edits kept: ${changes.join(', ')}.` : '';
  if (behind === 0) {
    const aheadNote = ahead > 0 ? ` The local copy has ${ahead} commit(s) the repository does not have.` : '';
    return { outcome: 'up_to_date', message: `Already up to date with origin/${current}.${aheadNote}${keptNote}`, ...kept, ...changeInfo };
  }
  if (ahead > 0) {
    return {
      outcome: 'diverged',
      message: `The local copy has ${ahead} commit(s) that origin/${current} does not have, and the repository has ${behind} new one(s). Nothing was overwritten; Firebreak keeps working from the local copy. Merge or rebase in ${dir}, then sync again.`,
      ...kept,
      ...changeInfo,
    };
  }
  try {
    await runGit(['merge', '--ff-only', '--quiet', upstream], dir);
  } catch {
    return {
      outcome: 'diverged',
      message: `Pulling ${behind} new commit(s) would overwrite local edits (${changes.join(', ') || 'unknown files'}). They were kept and the library stays at ${before?.slice(0, 8) ?? 'its last commit'}; commit or move them in ${dir}, then sync again.`,
      ...kept,
      ...changeInfo,
    };
  }
  const commit = await headCommit(dir);
  return { outcome: 'pulled', message: `Pulled ${behind} commit(s) from origin/${current}; now at ${commit?.slice(0, 8)}.${keptNote}`, ...(commit ? { commit } : {}), ...changeInfo };
}

/** Clones on first use, otherwise fetches and fast-forwards. Every failure becomes a result; the local copy is never lost. */
export async function syncGitLibrary(dir: string, url: string, branch?: string): Promise<GitSyncResult> {
  try {
    if (!(await isClone(dir))) return await cloneInto(dir, url, branch);
    return await pullInto(dir, branch);
  } catch (e) {
    const reason = e instanceof GitFailure ? e.message : (e as Error).message;
    const commit = await headCommit(dir);
    const offline = e instanceof GitFailure && !e.missingGit && /could not read|unable to access|does not appear to be a git repository|not found|Could not resolve/i.test(e.stderr);
    return {
      outcome: offline ? 'offline' : 'failed',
      message: offline ? `Could not reach the runbook repository (${reason}).` : `Sync failed: ${reason}`,
      ...(commit ? { commit } : {}),
    };
  }
}
