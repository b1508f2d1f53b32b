// Writes the generated page to its target: a folder (each file replaced atomically through the durable write path), or a
// branch of a git remote (committed on top of whatever the branch holds, other files such as CNAME kept, then pushed).
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { StatusPageTarget } from '../../../shared/status-page/status-page-model';
import { DomainError } from '../../../shared/result';
import { writeFileDurably } from '../base/durable-file';
import { GitError, runGit } from '../connectors/git/git-runner';

export interface PageFile {
  name: 'index.html' | 'feed.xml' | 'summary.json';
  content: string;
}

export interface WriteOutcome {
  /** Where it went: the folder, or "<remote> <branch>@<commit>". */
  location: string;
  /** False when the target already held exactly these files (nothing written or committed). */
  changed: boolean;
  commit?: string;
}

/** The page is meant to be served to anyone: world-readable, unlike Firebreak's own (owner-only) data files. */
const PUBLIC_FILE_MODE = 0o644;
const PUBLIC_DIR_MODE = 0o755;

export async function writePageToFolder(folder: string, files: readonly PageFile[]): Promise<WriteOutcome> {
  try {
    await mkdir(folder, { recursive: true, mode: PUBLIC_DIR_MODE });
    // index.html last: a reader who sees the new page finds the feed and summary it links to already updated.
    for (const file of [...files].sort((a, b) => Number(a.name === 'index.html') - Number(b.name === 'index.html'))) {
      await writeFileDurably(join(folder, file.name), file.content, { mode: PUBLIC_FILE_MODE });
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message = `Could not write the status page to ${folder}: ${(e as Error).message}`;
    // Permissions and a file where the folder should be need a person; anything else (disk full, a busy share) may pass.
    throw new DomainError(code === 'EACCES' || code === 'EPERM' || code === 'ENOTDIR' || code === 'EEXIST' ? 'validation' : 'unavailable', message);
  }
  return { location: folder, changed: true };
}

const COMMITTER = {
  GIT_AUTHOR_NAME: 'Firebreak status page',
  GIT_AUTHOR_EMAIL: 'status-page@firebreak.invalid',
  GIT_COMMITTER_NAME: 'Firebreak status page',
  GIT_COMMITTER_EMAIL: 'status-page@firebreak.invalid',
};

/** Git failures a retry can outlive (a concurrent push, the network) versus ones that need a person (credentials, a bad remote). */
function gitFailure(e: unknown, remote: string, branch: string): DomainError {
  if (!(e instanceof GitError)) return new DomainError('unavailable', `Publishing the status page to ${remote} (${branch}) failed: ${(e as Error).message}`);
  const needsPerson = e.kind === 'auth' || e.kind === 'git_missing' || e.kind === 'hook_rejected';
  const hint = e.kind === 'auth' ? ' Check that git can push there from this machine (SSH agent or credential helper).' : '';
  return new DomainError(needsPerson ? 'unauthorized' : 'unavailable', `Publishing the status page to ${remote} (${branch}) failed: ${e.message}${hint}`);
}

/**
 * Commits the files onto `branch` of `remoteUrl` and pushes. Works in a private bare repository under `workDir` with git's
 * plumbing (no checkout, so nothing in a working tree can go stale): fetch the branch, take its tree, replace the three
 * files, commit on top, push. A push rejected because someone pushed meanwhile fails as retryable; the retry starts again
 * from a fresh fetch, so the outbox converges without ever forcing the branch.
 */
export async function writePageToGit(workDir: string, remoteUrl: string, branch: string, files: readonly PageFile[], message: string): Promise<WriteOutcome> {
  const git = (args: string[], env: Record<string, string> = {}) => runGit(args, { cwd: workDir, env: { GIT_DIR: workDir, GIT_CONFIG_NOSYSTEM: '1', ...env } }).then((o) => o.stdout.trim());
  const tracking = 'refs/firebreak/status-page';
  let staging: string | undefined;
  try {
    await mkdir(workDir, { recursive: true, mode: 0o700 });
    const isRepo = await git(['rev-parse', '--is-bare-repository']).then((out) => out === 'true', () => false);
    if (!isRepo) await git(['init', '--quiet', '--bare', '.']);

    let parent: string | undefined;
    try {
      await git(['fetch', '--quiet', '--no-tags', remoteUrl, `+refs/heads/${branch}:${tracking}`]);
      parent = await git(['rev-parse', '--verify', `${tracking}^{commit}`]);
    } catch (e) {
      // A branch that does not exist yet is created by the first push; every other fetch failure is a failure.
      if (!(e instanceof GitError && /couldn't find remote ref/i.test(e.stderr))) throw e;
    }

    staging = await mkdtemp(join(workDir, 'staging-'));
    const index = { GIT_INDEX_FILE: join(staging, 'index') };
    await git(parent ? ['read-tree', parent] : ['read-tree', '--empty'], index);
    for (const file of files) {
      const path = join(staging, file.name);
      await writeFileDurably(path, file.content);
      const blob = await git(['hash-object', '-w', '--', path]);
      await git(['update-index', '--add', '--cacheinfo', `100644,${blob},${file.name}`], index);
    }
    const tree = await git(['write-tree'], index);
    if (parent && (await git(['rev-parse', `${parent}^{tree}`])) === tree) {
      return { location: `${remoteUrl} ${branch}@${parent.slice(0, 12)}`, changed: false, commit: parent };
    }
    const commit = await git(['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', message], COMMITTER);
    await git(['push', '--quiet', remoteUrl, `${commit}:refs/heads/${branch}`]);
    await git(['update-ref', tracking, commit]);
    return { location: `${remoteUrl} ${branch}@${commit.slice(0, 12)}`, changed: true, commit };
  } catch (e) {
    throw e instanceof DomainError ? e : gitFailure(e, remoteUrl, branch);
  } finally {
    if (staging) await rm(staging, { recursive: true, force: true });
  }
}

export function writePage(target: StatusPageTarget, workDir: string, files: readonly PageFile[], message: string): Promise<WriteOutcome> {
  return target.kind === 'folder' ? writePageToFolder(target.path, files) : writePageToGit(workDir, target.remoteUrl, target.branch, files, message);
}
