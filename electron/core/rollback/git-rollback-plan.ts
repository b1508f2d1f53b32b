// Plans a git rollback (revert or move-ref) or its roll forward: reads the remote, finds the known-good point and lists exact commits.
import { DomainError } from '../../../shared/result';
import type { PlannedCommit, RollbackPlan } from '../../../shared/rollback/rollback-plan';
import type { RollbackState } from '../../../shared/rollback/rollback-state';
import { deployRef, type ServiceConfig } from '../../../shared/services/service-config';
import { previousRelease } from '../connectors/git/deploy-history';
import { GitRepo, type CommitInfo } from '../connectors/git/git-repo';
import { commandLine } from '../connectors/git/git-runner';
import { planningError } from './git-errors';

export interface GitPlanRequest {
  service: ServiceConfig;
  kind: 'revert' | 'move-ref';
  /** Known-good commit or tag; defaults to the previous release tag. */
  target?: string;
  /** The completed rollback this plan undoes. */
  forwardOf?: RollbackState;
}

const short = (sha: string) => sha.slice(0, 8);
/** A rollback across more commits than this is not a rollback any more; the plan would also be too big to review. */
const MAX_COMMITS = 500;
const planned = (c: CommitInfo): PlannedCommit => ({ sha: c.sha, author: c.author, subject: c.subject, merge: c.parents.length > 1, committedAt: c.committedAt });

export function repoOf(service: ServiceConfig): GitRepo {
  if (!service.git || !service.deploy) throw new DomainError('validation', `Service ${service.name} has no git repository or deploy ref configured.`);
  return new GitRepo(service.git.clonePath, service.git.remote.name);
}

/** Refuses a clone that is not what the catalogue says or has uncommitted work, before anything else happens. */
export async function checkClone(repo: GitRepo, service: ServiceConfig): Promise<string[]> {
  await repo.assertRepository();
  const url = await repo.remoteUrl();
  const expected = service.git?.remote.url;
  if (expected && url !== expected) {
    throw new DomainError('validation', `The clone's remote "${repo.remote}" points to ${url}, but the catalogue expects ${expected}. Refusing to push somewhere unexpected.`);
  }
  return repo.uncommittedChanges();
}

export function dirtyTreeMessage(clonePath: string, files: string[]): string {
  const list = files.slice(0, 5).join(', ') + (files.length > 5 ? ` and ${files.length - 5} more` : '');
  return `The working tree at ${clonePath} has uncommitted changes (${list}). Commit, stash or discard them yourself, then plan again.`;
}

async function resolveTarget(repo: GitRepo, service: ServiceConfig, head: string, target?: string): Promise<{ sha: string; label: string }> {
  if (target) {
    const tag = (await repo.remoteTags()).find((t) => t.tag === target);
    const sha = tag ? tag.sha : await repo.commitOf(target);
    return { sha, label: tag ? tag.tag : short(sha) };
  }
  const pattern = service.deploy?.releaseTagPattern;
  if (!pattern) throw new DomainError('validation', `Name the known-good commit or tag: ${service.name} has no deploy.releaseTagPattern to find the previous release.`);
  const release = await previousRelease(repo, head, pattern);
  if (!release) throw new DomainError('not_found', `No release tag matching "${pattern}" before ${short(head)} on ${deployRef(service.deploy!)}. Name the known-good commit or tag.`);
  return { sha: release.sha, label: release.tag };
}

export async function planGitRollback(request: GitPlanRequest): Promise<RollbackPlan> {
  const { service, kind, forwardOf } = request;
  const repo = repoOf(service);
  const ref = deployRef(service.deploy!);
  try {
    const dirty = await checkClone(repo, service);
    if (dirty.length > 0) throw new DomainError('conflict', dirtyTreeMessage(repo.cwd, dirty));
    const raw = await repo.remoteRef(ref);
    if (!raw) throw new DomainError('not_found', `The remote "${repo.remote}" has no ${ref}.`);
    await repo.fetchRef(ref);
    const before = await repo.commitOf(raw);
    const base = { service: service.name, strategy: kind, beforeSha: before, reversible: true, ...(service.health ? { health: healthOf(service) } : {}) };
    const push = (newSha?: string) => ({ remote: repo.remote, ref, expectedSha: raw, force: kind === 'move-ref', ...(newSha ? { newSha } : {}) });
    const pushLine = (source: string) => commandLine('git', ['push', '--porcelain', `--force-with-lease=${ref}:${raw}`, repo.remote, `${source}:${ref}`]);

    if (!forwardOf) {
      const target = await resolveTarget(repo, service, before, request.target);
      if (target.sha === before) throw new DomainError('conflict', `${ref} is already at ${target.label} (${short(before)}); there is nothing to roll back.`);
      if (!(await repo.isAncestor(target.sha, before))) throw new DomainError('validation', `${target.label} is not an earlier commit of ${ref}; pick a commit from the branch's history.`);
      const commits = (await repo.commitsBetween(target.sha, before, { firstParent: true, max: MAX_COMMITS + 1 })).map(planned);
      if (commits.length > MAX_COMMITS) throw new DomainError('validation', `More than ${MAX_COMMITS} commits lie between ${target.label} and ${short(before)}; choose a closer known-good point.`);
      const what = `${commits.length} commit${commits.length === 1 ? '' : 's'} after ${target.label}`;
      if (kind === 'move-ref') {
        return { ...base, direction: 'rollback', summary: `Move ${ref} from ${short(before)} back to ${target.label} (${short(target.sha)}), dropping ${what}`, target, afterSha: target.sha, commits, commands: [pushLine(target.sha)], push: push(target.sha) };
      }
      return {
        ...base,
        direction: 'rollback',
        summary: `Revert ${what} on ${ref} in one new commit and push it`,
        target,
        commits,
        commands: revertCommands(repo, before, commits, pushLine),
        push: push(),
      };
    }

    if (kind === 'move-ref') {
      const restore = forwardOf.outcome?.beforeSha;
      if (!restore) throw new DomainError('conflict', `Rollback ${forwardOf.id} did not record where ${ref} was; cannot roll forward.`);
      if (!(await repo.isAncestor(before, restore))) throw new DomainError('conflict', `${ref} moved since rollback ${forwardOf.id} (now ${short(before)}); moving it to ${short(restore)} would drop newer commits.`);
      const commits = (await repo.commitsBetween(before, restore, { firstParent: true })).map(planned);
      return { ...base, direction: 'roll-forward', forwardOf: forwardOf.id, summary: `Move ${ref} forward from ${short(before)} to ${short(restore)}, restoring ${commits.length} commit(s)`, target: { sha: restore, label: 'state before the rollback' }, afterSha: restore, commits, commands: [pushLine(restore)], push: push(restore) };
    }
    const revertCommit = forwardOf.outcome?.afterSha;
    if (!revertCommit) throw new DomainError('conflict', `Rollback ${forwardOf.id} did not record its revert commit; cannot roll forward.`);
    if (!(await repo.isAncestor(revertCommit, before))) throw new DomainError('conflict', `The revert commit ${short(revertCommit)} is no longer on ${ref}; cannot roll forward by reverting it.`);
    const commits = (await repo.commitsBetween(`${revertCommit}^`, revertCommit)).map(planned);
    const restoresExactly = before === revertCommit && forwardOf.outcome?.beforeSha;
    return {
      ...base,
      direction: 'roll-forward',
      forwardOf: forwardOf.id,
      summary: `Revert the rollback commit ${short(revertCommit)} on ${ref}, restoring what rollback ${forwardOf.id} undid`,
      ...(restoresExactly ? { target: { sha: forwardOf.outcome!.beforeSha!, label: 'state before the rollback' } } : {}),
      commits,
      commands: revertCommands(repo, before, commits, pushLine),
      push: push(),
    };
  } catch (e) {
    throw planningError(e, repo.cwd);
  }
}

function revertCommands(repo: GitRepo, before: string, commits: PlannedCommit[], pushLine: (source: string) => string): string[] {
  return [
    commandLine('git', ['worktree', 'add', '--detach', '<temporary folder>', before]),
    ...commits.map((c) => commandLine('git', ['revert', '--no-commit', ...(c.merge ? ['-m', '1'] : []), c.sha])),
    commandLine('git', ['commit', '-m', '<rollback message listing the reverted commits>']),
    pushLine('<new revert commit>'),
    commandLine('git', ['worktree', 'remove', '--force', '<temporary folder>']),
  ];
}

export function healthOf(service: ServiceConfig): NonNullable<RollbackPlan['health']> {
  const h = service.health!;
  return { promql: h.promql, threshold: h.threshold, windowSeconds: h.windowSeconds };
}
