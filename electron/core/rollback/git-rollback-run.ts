// Executes a confirmed git plan: re-checks the clone and the remote, reverts in a throwaway worktree or moves the ref, pushes with a lease.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RollbackPlan } from '../../../shared/rollback/rollback-plan';
import type { ServiceConfig } from '../../../shared/services/service-config';
import { GitRepo } from '../connectors/git/git-repo';
import { commandLine, GitError } from '../connectors/git/git-runner';
import { failureReasonOf } from './git-errors';
import { checkClone, dirtyTreeMessage, repoOf } from './git-rollback-plan';
import { RollbackFailure } from './rollback-failure';
import type { ExecutionResult, StepContext } from './step-context';

export interface GitRunOptions {
  rollbackId: string;
  operator: string;
  /** Test seam: runs right before the push (a colleague pushing at the worst moment). */
  beforePush?: () => Promise<void>;
}

const short = (sha: string | undefined) => (sha ? sha.slice(0, 8) : 'unknown');
const UNTOUCHED = "The clone's branches and working tree were not touched.";

/** Where the remote ref stands now, compared with the plan, in words. */
async function remoteState(repo: GitRepo, plan: RollbackPlan): Promise<{ state: string; remoteSha?: string }> {
  const push = plan.push!;
  try {
    const now = await repo.remoteRef(push.ref);
    // Objects someone else pushed are not in the clone yet; then the raw ref value is the best answer.
    const remoteSha = now ? await repo.commitOf(now).catch(() => now) : undefined;
    const how = now === push.expectedSha ? 'unchanged since the plan' : now === push.newSha ? 'at the rollback target' : 'changed by someone else since the plan';
    return { state: `Remote ${push.ref} is at ${short(remoteSha ?? now)} (${how}). ${UNTOUCHED}`, ...(remoteSha ? { remoteSha } : {}) };
  } catch (e) {
    return { state: `Could not read ${push.ref} from the remote afterwards (${(e as Error).message}); check it by hand. ${UNTOUCHED}` };
  }
}

async function fail(repo: GitRepo, plan: RollbackPlan, e: unknown): Promise<never> {
  if (e instanceof RollbackFailure) throw e;
  if (!(e instanceof GitError)) throw e;
  const { state, remoteSha } = await remoteState(repo, plan);
  throw new RollbackFailure(failureReasonOf(e), e.message, state, { ...(plan.beforeSha ? { beforeSha: plan.beforeSha } : {}), ...(remoteSha ? { remoteSha } : {}), outputTail: e.stderr.slice(-2000) });
}

async function identityEnv(repo: GitRepo, operator: string): Promise<Record<string, string>> {
  const configured = await repo.run(['config', '--get', 'user.email']).then(
    (r) => r.stdout.trim(),
    () => '',
  );
  if (configured) return {};
  const email = `${operator.replace(/[^A-Za-z0-9._-]/g, '.')}@firebreak.invalid`;
  return { GIT_AUTHOR_NAME: operator, GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_NAME: operator, GIT_COMMITTER_EMAIL: email };
}

function commitMessage(plan: RollbackPlan, rollbackId: string): string {
  const title =
    plan.direction === 'rollback'
      ? `Roll back ${plan.service} to ${plan.target?.label ?? 'the known-good release'}`
      : `Roll forward ${plan.service}: undo rollback ${plan.forwardOf ?? ''}`.trim();
  const lines = plan.commits.map((c) => `  ${c.sha.slice(0, 12)} ${c.subject}`);
  return `${title}\n\nReverts, newest first:\n${lines.join('\n')}\n\nFirebreak-Rollback: ${rollbackId}\n`;
}

async function preflight(repo: GitRepo, service: ServiceConfig, plan: RollbackPlan, ctx: StepContext): Promise<void> {
  const push = plan.push!;
  await ctx.step('preflight', `Check your clone of ${service.name} and the remote ${push.ref}`, async (out) => {
    const dirty = await checkClone(repo, service).catch((e: unknown) => {
      if (e instanceof GitError) throw e;
      throw new RollbackFailure('misconfigured', (e as Error).message, `Nothing was changed. ${UNTOUCHED}`);
    });
    if (dirty.length > 0) throw new RollbackFailure('dirty_tree', dirtyTreeMessage(repo.cwd, dirty), `Nothing was changed; the remote is as planned. ${UNTOUCHED}`, { ...(plan.beforeSha ? { beforeSha: plan.beforeSha } : {}) });
    const now = await repo.remoteRef(push.ref);
    if (now !== push.expectedSha) {
      const remoteSha = now ? await repo.fetchRef(push.ref).then(() => repo.commitOf(now)).catch(() => undefined) : undefined;
      throw new RollbackFailure(
        'remote_moved',
        `The remote moved since the plan: ${push.ref} was ${short(plan.beforeSha)} and is now ${short(remoteSha ?? now)}. Plan again to see what changed.`,
        `Nothing was pushed. ${UNTOUCHED}`,
        { ...(plan.beforeSha ? { beforeSha: plan.beforeSha } : {}), ...(remoteSha ? { remoteSha } : {}) },
      );
    }
    out(`clean working tree; ${push.ref} still at ${short(plan.beforeSha)}\n`);
  });
}

async function pushStep(repo: GitRepo, plan: RollbackPlan, source: string, ctx: StepContext, options: GitRunOptions): Promise<void> {
  const push = plan.push!;
  ctx.stopIfCancelled(`Nothing was pushed; remote ${push.ref} is unchanged. ${UNTOUCHED}`);
  ctx.pointOfNoReturn('the push to the remote has been sent; wait for its result');
  await options.beforePush?.();
  const line = commandLine('git', ['push', '--porcelain', `--force-with-lease=${push.ref}:${push.expectedSha}`, push.remote, `${source}:${push.ref}`]);
  await ctx.step(
    'push',
    `Push ${short(source)} to ${push.remote} ${push.ref} (lease: ${short(push.expectedSha)})`,
    async (out) => {
      const outcome = await repo.pushWithLease(source, push.ref, push.expectedSha);
      out(`${outcome.message}\n`);
      if (outcome.ok) return;
      const { state, remoteSha } = await remoteState(repo, plan);
      const facts = { ...(plan.beforeSha ? { beforeSha: plan.beforeSha } : {}), ...(remoteSha ? { remoteSha } : {}), outputTail: outcome.message };
      switch (outcome.kind) {
        case 'stale_lease':
        case 'rejected':
          throw new RollbackFailure('lease_rejected', `The remote refused the push because ${push.ref} moved since the plan (lease on ${short(push.expectedSha)} failed). Plan again.`, state, facts);
        case 'hook_rejected':
          throw new RollbackFailure('hook_rejected', `A server-side hook rejected the push: ${outcome.message}`, state, facts);
        case 'auth':
          throw new RollbackFailure('auth_failed', `The remote refused our credentials: ${outcome.message}`, state, facts);
        default:
          throw new RollbackFailure('failed', `The push failed: ${outcome.message}`, state, facts);
      }
    },
    { command: line },
  );
}

async function revertInWorktree(repo: GitRepo, plan: RollbackPlan, ctx: StepContext, options: GitRunOptions): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'firebreak-rollback-'));
  const path = join(root, 'worktree');
  const env = await identityEnv(repo, options.operator);
  try {
    await ctx.step('worktree', `Check out ${short(plan.beforeSha)} in a temporary worktree`, async (out) => {
      await repo.run(['worktree', 'add', '--detach', '--quiet', path, plan.beforeSha!]);
      out(`worktree at ${path}\n`);
    });
    const worktree = new GitRepo(path, repo.remote);
    const sha = await ctx.step('revert', `Revert ${plan.commits.length} commit(s) and commit`, async (out) => {
      for (const c of plan.commits) {
        ctx.stopIfCancelled(`Nothing was pushed; remote ${plan.push!.ref} is unchanged; the temporary worktree is removed. ${UNTOUCHED}`);
        await worktree.run(['revert', '--no-commit', ...(c.merge ? ['-m', '1'] : []), c.sha], { env });
        out(`reverted ${c.sha.slice(0, 12)} ${c.subject}\n`);
      }
      await worktree.run(['commit', '--quiet', '--no-verify', '-m', commitMessage(plan, options.rollbackId)], { env });
      return (await worktree.run(['rev-parse', 'HEAD'])).stdout.trim();
    });
    if (plan.target) {
      await ctx.step('check', `Check the result matches ${plan.target.label}`, async (out) => {
        const [got, want] = await Promise.all([worktree.treeOf(sha), repo.treeOf(plan.target!.sha)]);
        if (got !== want) {
          throw new RollbackFailure('conflict', `The reverted tree differs from ${plan.target!.label}; refusing to push a result nobody planned.`, `Nothing was pushed. ${UNTOUCHED}`);
        }
        out(`tree ${got.slice(0, 12)} equals ${plan.target!.label}\n`);
      });
    }
    await pushStep(repo, plan, sha, ctx, options);
    return sha;
  } finally {
    await repo.run(['worktree', 'remove', '--force', path]).catch(() => undefined);
    await repo.run(['worktree', 'prune']).catch(() => undefined);
    await rm(root, { recursive: true, force: true });
  }
}

export async function runGitRollback(service: ServiceConfig, plan: RollbackPlan, ctx: StepContext, options: GitRunOptions): Promise<ExecutionResult> {
  const repo = repoOf(service);
  const push = plan.push;
  if (!push || !plan.beforeSha) throw new RollbackFailure('misconfigured', 'The plan has no push; plan again.', 'Nothing was changed.');
  try {
    await preflight(repo, service, plan, ctx);
    let after: string;
    if (plan.strategy === 'move-ref') {
      after = plan.afterSha!;
      await pushStep(repo, plan, after, ctx, options);
    } else {
      after = await revertInWorktree(repo, plan, ctx, options);
    }
    // The push went from a throwaway worktree; fetch so the operator's clone knows about it, and say where it stands.
    let cloneNote = '';
    await ctx.step('sync', `Fetch ${push.remote} into your clone of ${plan.service}`, async (out) => {
      try {
        await repo.fetchRef(push.ref);
        const behind = Number((await repo.run(['rev-list', '--count', `HEAD..${after}`])).stdout.trim());
        cloneNote = ` Fetched ${push.remote} into your clone of ${plan.service}${behind > 0 ? `; its checked-out branch is ${behind} commit${behind === 1 ? '' : 's'} behind ${push.ref}: pull before you work there (Firebreak does not touch your working tree).` : '.'}`;
      } catch (e) {
        cloneNote = ` Could not fetch ${push.remote} into your clone of ${plan.service} (${(e as Error).message.slice(0, 300)}); the push itself succeeded. Run git fetch there.`;
      }
      out(`${cloneNote.trim()}\n`);
    });
    const verb = plan.strategy === 'move-ref' ? 'Moved' : 'Pushed revert commit; moved';
    return { summary: `${verb} ${push.ref} from ${short(plan.beforeSha)} to ${short(after)}.${cloneNote}`, beforeSha: plan.beforeSha, afterSha: after };
  } catch (e) {
    return fail(repo, plan, e);
  }
}
