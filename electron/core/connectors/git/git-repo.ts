// A local clone and its remote as the rollback flow sees them: state checks, remote refs, history reads and leased pushes.
import { GitError, runGit, type GitOutput, type GitRunOptions } from './git-runner';

export interface CommitInfo {
  sha: string;
  parents: string[];
  author: string;
  authorEmail: string;
  committedAt: string;
  subject: string;
  message: string;
}

export interface RemoteTag {
  tag: string;
  /** The commit the tag points at (annotated tags are peeled). */
  sha: string;
}

export interface PushOutcome {
  ok: boolean;
  kind?: 'stale_lease' | 'hook_rejected' | 'rejected' | 'auth' | 'failed';
  /** git's porcelain status line and the remote's own messages (hook output), for the operator. */
  message: string;
}

const FIELD = '\x1f';
const RECORD = '\x1e';
const LOG_FORMAT = ['%H', '%P', '%an', '%ae', '%cI', '%s', '%B'].join('%x1f') + '%x1e';

export function parseLog(stdout: string): CommitInfo[] {
  return stdout
    .split(RECORD)
    .map((r) => r.replace(/^\n/, ''))
    .filter((r) => r.trim().length > 0)
    .map((r) => {
      const [sha = '', parents = '', author = '', authorEmail = '', committedAt = '', subject = '', message = ''] = r.split(FIELD);
      return { sha, parents: parents.split(' ').filter(Boolean), author, authorEmail, committedAt, subject, message: message.trim() };
    });
}

export class GitRepo {
  constructor(
    readonly cwd: string,
    readonly remote: string,
    private readonly defaults: Omit<GitRunOptions, 'cwd'> = {},
  ) {}

  run(args: readonly string[], options: Omit<GitRunOptions, 'cwd'> = {}): Promise<GitOutput> {
    return runGit(args, { ...this.defaults, ...options, cwd: this.cwd });
  }

  async assertRepository(): Promise<void> {
    const { stdout } = await this.run(['rev-parse', '--is-inside-work-tree']);
    if (stdout.trim() !== 'true') throw new GitError('not_a_repo', `${this.cwd} is not a git working tree.`, ['rev-parse']);
  }

  async remoteUrl(): Promise<string> {
    try {
      return (await this.run(['remote', 'get-url', this.remote])).stdout.trim();
    } catch (e) {
      if (e instanceof GitError) throw new GitError('failed', `The clone at ${this.cwd} has no remote named "${this.remote}".`, e.args, e.stderr);
      throw e;
    }
  }

  /** Tracked files with uncommitted changes (staged or not), and any merge/revert/rebase in progress. */
  async uncommittedChanges(): Promise<string[]> {
    const { stdout } = await this.run(['status', '--porcelain=v1', '--untracked-files=no']);
    const changed = stdout.split('\n').filter((l) => l.trim().length > 0).map((l) => l.slice(3));
    const inProgress = await this.run(['rev-parse', '-q', '--verify', 'REVERT_HEAD']).then(
      () => ['(a revert is in progress)'],
      () => [],
    );
    const merging = await this.run(['rev-parse', '-q', '--verify', 'MERGE_HEAD']).then(
      () => ['(a merge is in progress)'],
      () => [],
    );
    return [...changed, ...inProgress, ...merging];
  }

  /** The remote's current value of a full ref name (raw object: for an annotated tag, the tag object), or undefined if absent. */
  async remoteRef(ref: string): Promise<string | undefined> {
    const { stdout } = await this.run(['ls-remote', '--', this.remote, ref]);
    const line = stdout.split('\n').find((l) => l.endsWith(`\t${ref}`));
    return line?.split('\t')[0];
  }

  async remoteTags(): Promise<RemoteTag[]> {
    const { stdout } = await this.run(['ls-remote', '--tags', '--', this.remote]);
    const byTag = new Map<string, string>();
    for (const line of stdout.split('\n')) {
      const [sha, ref] = line.split('\t');
      if (!sha || !ref?.startsWith('refs/tags/')) continue;
      const peeled = ref.endsWith('^{}');
      const tag = ref.slice('refs/tags/'.length).replace(/\^\{\}$/, '');
      if (peeled || !byTag.has(tag)) byTag.set(tag, sha);
    }
    return [...byTag].map(([tag, sha]) => ({ tag, sha }));
  }

  /** Brings the remote ref's objects into the clone without touching its branches or working tree. */
  async fetchRef(ref: string): Promise<void> {
    await this.run(['fetch', '--no-tags', '--quiet', this.remote, '--', ref], { timeoutMs: 120_000 });
  }

  async commitOf(rev: string): Promise<string> {
    try {
      return (await this.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`])).stdout.trim();
    } catch (e) {
      if (e instanceof GitError) throw new GitError('failed', `"${rev}" is not a commit in ${this.cwd} (fetch it first, or check the name).`, e.args);
      throw e;
    }
  }

  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    try {
      await this.run(['merge-base', '--is-ancestor', ancestor, descendant]);
      return true;
    } catch (e) {
      if (e instanceof GitError && e.exitCode === 1) return false;
      throw e;
    }
  }

  async treeOf(sha: string): Promise<string> {
    return (await this.run(['rev-parse', '--verify', `${sha}^{tree}`])).stdout.trim();
  }

  /** Commits from `to` back to (not including) `from`, newest first; first-parent only when asked. */
  async commitsBetween(from: string | undefined, to: string, options: { firstParent?: boolean; since?: Date; until?: Date; max?: number } = {}): Promise<CommitInfo[]> {
    const args = ['log', `--format=${LOG_FORMAT}`, `--max-count=${options.max ?? 1000}`];
    if (options.firstParent) args.push('--first-parent');
    if (options.since) args.push(`--since=${options.since.toISOString()}`);
    if (options.until) args.push(`--until=${options.until.toISOString()}`);
    args.push(from ? `${from}..${to}` : to, '--');
    return parseLog((await this.run(args)).stdout);
  }

  /** First-parent history of `sha`, newest first (used to find the previous release on the deploy branch). */
  async firstParentShas(sha: string, max = 5000): Promise<string[]> {
    const { stdout } = await this.run(['rev-list', '--first-parent', `--max-count=${max}`, sha, '--']);
    return stdout.split('\n').filter(Boolean);
  }

  /**
   * Pushes `source` to `ref` only if the remote still has `expected` there (--force-with-lease=<ref>:<expected>), never a blind force.
   * Rejections are outcomes, not exceptions, so the caller can report the remote's exact answer.
   */
  async pushWithLease(source: string, ref: string, expected: string, timeoutMs = 120_000): Promise<PushOutcome> {
    const args = ['push', '--porcelain', `--force-with-lease=${ref}:${expected}`, this.remote, `${source}:${ref}`];
    try {
      const { stdout } = await this.run(args, { timeoutMs });
      return { ok: true, message: stdout.split('\n').find((l) => l.includes(ref)) ?? 'pushed' };
    } catch (e) {
      if (!(e instanceof GitError)) throw e;
      if (e.kind === 'timeout') throw e;
      const status = e.stdout.split('\n').find((l) => l.startsWith('!')) ?? '';
      const remoteLines = e.stderr.split('\n').filter((l) => l.startsWith('remote:')).join('\n');
      const message = [status.trim(), remoteLines.trim()].filter(Boolean).join('\n') || e.message;
      const kind = e.kind === 'stale_lease' || e.kind === 'hook_rejected' || e.kind === 'rejected' || e.kind === 'auth' ? e.kind : 'failed';
      return { ok: false, kind, message };
    }
  }
}
