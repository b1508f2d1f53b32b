// The hot fix against real git: the deployed release, the linked change's commits and diff stat against it, and the
// annotated hot-fix tag pushed with a lease that refuses when the tag already exists on the remote.
import { DomainError } from '../../../shared/result';
import type { DiffFile, DiffStat, LinkedCommit } from '../../../shared/hotfix/hotfix-schemas';
import { moduleOf } from '../../../shared/hotfix/hotfix-policy';
import { deployRef, type ServiceConfig } from '../../../shared/services/service-config';
import { releasesBefore } from '../connectors/git/deploy-history';
import { GitError } from '../connectors/git/git-runner';
import { GitRepo } from '../connectors/git/git-repo';
import { planningError } from '../rollback/git-errors';

const short = (sha: string) => sha.slice(0, 8);
const MAX_COMMITS = 200;
const MAX_FILES_KEPT = 200;

export function hotfixRepo(service: ServiceConfig): GitRepo {
  if (!service.git || !service.deploy) throw new DomainError('validation', `Service ${service.name} has no git repository or deploy ref configured; add them in the service catalogue.`);
  return new GitRepo(service.git.clonePath, service.git.remote.name);
}

/** What is deployed now: the newest release tag on the deploy ref's line, else the deploy ref itself. */
export async function deployedRelease(repo: GitRepo, service: ServiceConfig): Promise<{ label: string; sha: string }> {
  const ref = deployRef(service.deploy!);
  const raw = await repo.remoteRef(ref);
  if (!raw) throw new DomainError('not_found', `The remote "${repo.remote}" has no ${ref}.`);
  await repo.fetchRef(ref);
  const head = await repo.commitOf(raw);
  const [release] = await releasesBefore(repo, head, service.deploy!.releaseTagPattern, new Date(8.64e15), 1);
  return release ? { label: release.tag, sha: release.sha } : { label: `${ref.replace(/^refs\/(heads|tags)\//, '')} (${short(head)})`, sha: head };
}

/** Creates `branch` on the remote at the deployed release, only if it does not exist there (an empty lease), and fetches it. */
export async function createFixBranch(service: ServiceConfig, branch: string): Promise<{ base: { label: string; sha: string }; remote: string }> {
  const repo = hotfixRepo(service);
  try {
    await repo.assertRepository();
    const base = await deployedRelease(repo, service);
    const ref = `refs/heads/${branch}`;
    if (await repo.remoteRef(ref)) throw new DomainError('conflict', `The branch ${branch} already exists on ${repo.remote}; link it, or remove it by hand if it is stale.`);
    const pushed = await repo.pushWithLease(base.sha, ref, '');
    if (!pushed.ok) throw new DomainError('conflict', `Creating ${branch} on ${repo.remote} was refused: ${pushed.message}`);
    await repo.fetchRef(ref);
    return { base, remote: repo.remote };
  } catch (e) {
    throw planningError(e, repo.cwd);
  }
}

/** A ref as the operator names it: the remote's branch (freshly fetched) first, then a local branch, tag or commit. */
async function resolveRef(repo: GitRepo, ref: string): Promise<string> {
  const remoteBranch = await repo.remoteRef(`refs/heads/${ref}`);
  if (remoteBranch) {
    await repo.fetchRef(`refs/heads/${ref}`);
    return repo.commitOf(remoteBranch);
  }
  try {
    return await repo.commitOf(ref);
  } catch (e) {
    if (e instanceof GitError) throw new DomainError('not_found', `"${ref}" is neither a branch on ${repo.remote} nor a commit in the clone of the service; push the fix or check the name.`, [ref]);
    throw e;
  }
}

export function parseNumstat(stdout: string): DiffFile[] {
  return stdout
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => {
      const [added = '0', removed = '0', ...rest] = l.split('\t');
      const binary = added === '-' && removed === '-';
      return { path: rest.join('\t'), insertions: binary ? 0 : Number(added), deletions: binary ? 0 : Number(removed), ...(binary ? { binary: true } : {}) };
    });
}

export function summarise(files: DiffFile[], moduleDepth: number): DiffStat {
  const modules = [...new Set(files.map((f) => moduleOf(f.path, moduleDepth)))].sort();
  return {
    files: files.length,
    insertions: files.reduce((n, f) => n + f.insertions, 0),
    deletions: files.reduce((n, f) => n + f.deletions, 0),
    modules,
    perFile: files.slice(0, MAX_FILES_KEPT),
  };
}

export interface LinkedChange {
  base: { label: string; sha: string };
  headSha: string;
  commits: LinkedCommit[];
  diffStat: DiffStat;
}

/**
 * One ref (a branch or the last fix commit): the diff from the deployed release to it. Several commits: each commit's own
 * diff, summed per file, so cherry-picked fixes on different lines are measured as they are.
 */
export async function linkChange(service: ServiceConfig, refs: readonly string[]): Promise<LinkedChange> {
  const repo = hotfixRepo(service);
  const depth = service.hotfix?.moduleDepth ?? 1;
  try {
    await repo.assertRepository();
    const base = await deployedRelease(repo, service);
    const shas = [];
    for (const ref of refs) shas.push(await resolveRef(repo, ref));
    if (shas.length === 1) {
      const head = shas[0]!;
      if (head === base.sha) throw new DomainError('validation', `${refs[0]} is the deployed release ${base.label} itself; link the fix commit or branch.`);
      const commits = (await repo.commitsBetween(base.sha, head, { max: MAX_COMMITS + 1 })).map(linked);
      if (commits.length === 0) throw new DomainError('validation', `${refs[0]} adds nothing to the deployed release ${base.label} (it is already part of it).`);
      if (commits.length > MAX_COMMITS) throw new DomainError('validation', `More than ${MAX_COMMITS} commits lie between ${base.label} and ${refs[0]}: that is not a hot fix. Branch from ${base.label}.`);
      const { stdout } = await repo.run(['diff', '--numstat', '--no-renames', `${base.sha}...${head}`, '--']);
      return { base, headSha: head, commits, diffStat: summarise(parseNumstat(stdout), depth) };
    }
    const byPath = new Map<string, DiffFile>();
    const commits: LinkedCommit[] = [];
    for (const sha of shas) {
      const [info] = await repo.commitsBetween(undefined, sha, { max: 1 });
      if (!info) continue;
      if (info.parents.length !== 1) throw new DomainError('validation', `${short(sha)} is a merge or root commit; link the fix commits themselves, or the branch.`);
      commits.push(linked(info));
      const { stdout } = await repo.run(['diff', '--numstat', '--no-renames', `${sha}^`, sha, '--']);
      for (const f of parseNumstat(stdout)) {
        const seen = byPath.get(f.path);
        byPath.set(f.path, seen ? { ...seen, insertions: seen.insertions + f.insertions, deletions: seen.deletions + f.deletions } : f);
      }
    }
    return { base, headSha: shas.at(-1)!, commits, diffStat: summarise([...byPath.values()], depth) };
  } catch (e) {
    throw planningError(e, repo.cwd);
  }
}

const linked = (c: { sha: string; author: string; authorEmail: string; subject: string }): LinkedCommit => ({ sha: c.sha, author: c.author, authorEmail: c.authorEmail, subject: c.subject.slice(0, 500) });

/** The tag name from the service's pattern: <release> is the deployed release, <n> the lowest number not on the remote. */
export async function nextTagName(repo: GitRepo, pattern: string, release: string): Promise<string> {
  const withRelease = pattern.replace(/<release>/g, release);
  if (!withRelease.includes('<n>')) return withRelease;
  const existing = new Set((await repo.remoteTags()).map((t) => t.tag));
  for (let n = 1; n < 1000; n++) {
    const name = withRelease.replace(/<n>/g, String(n));
    if (!existing.has(name)) return name;
  }
  throw new DomainError('conflict', `Tags ${withRelease.replace(/<n>/g, '1')} … 999 all exist; change the tag pattern.`);
}

export interface TagOutcome {
  ok: boolean;
  message: string;
}

/**
 * Creates the annotated tag in the clone and pushes only that tag with --force-with-lease=<ref>: (an empty lease: the tag must
 * not exist on the remote). A refused push removes the local tag again, so a retry starts clean.
 */
export async function pushHotfixTag(repo: GitRepo, tag: string, sha: string, message: string, beforePush?: () => Promise<void>): Promise<TagOutcome> {
  const ref = `refs/tags/${tag}`;
  if (await repo.remoteRef(ref)) return { ok: false, message: `The tag ${tag} already exists on ${repo.remote}; nothing was pushed. Change the tag pattern or remove the stale tag by hand.` };
  const localExists = await repo.run(['rev-parse', '-q', '--verify', ref]).then(() => true, () => false);
  if (localExists) return { ok: false, message: `The tag ${tag} already exists in the clone (but not on ${repo.remote}); delete it there (git tag -d ${tag}) and tag again.` };
  await repo.run(['tag', '-a', '-m', message, '--', tag, sha]);
  await beforePush?.();
  const pushed = await repo.pushWithLease(ref, ref, '');
  if (!pushed.ok) {
    await repo.run(['tag', '-d', '--', tag]).catch(() => undefined);
    const why = pushed.kind === 'stale_lease' || pushed.kind === 'rejected' ? `the tag ${tag} appeared on ${repo.remote} meanwhile` : pushed.message;
    return { ok: false, message: `The push of ${tag} was refused (${why}); the remote is unchanged and the local tag was removed.` };
  }
  return { ok: true, message: pushed.message };
}
