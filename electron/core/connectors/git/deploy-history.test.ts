// Tests for reading the deploy branch with real git: window, merges, tags, Jira keys and the previous release.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployHistoryFixture } from './deploy-history.fixture.test-support';
import { globToRegExp, previousRelease, readDeployHistory } from './deploy-history';
import { GitRepo } from './git-repo';
import { classifyGitFailure, GitError, runGit } from './git-runner';

const fx = deployHistoryFixture();
beforeAll(() => fx.build());
afterAll(() => fx.repos.cleanup());

describe('readDeployHistory', () => {
  it('lists commits and merges in the window with author, Jira keys and tags', async () => {
    const repo = new GitRepo(fx.repos.clone, 'origin');
    const history = await readDeployHistory(repo, 'refs/heads/main', { since: new Date('2026-03-01T10:30:00Z'), until: new Date('2026-03-01T13:00:00Z') });
    expect(history?.headSha).toBe(fx.shas.merge);
    const subjects = history!.commits.map((c) => c.subject);
    expect(subjects).toEqual(["Merge branch 'feature'", 'PAY-7 feature work', 'PAY-12 raise cache TTL (OPS-3)']);
    const merge = history!.commits[0]!;
    expect(merge).toMatchObject({ merge: true, author: 'Dana Dev', tags: ['v1.2.0'] });
    expect(history!.commits[2]!.jiraKeys).toEqual(['PAY-12', 'OPS-3']);
    expect(history!.tags).toEqual([{ tag: 'v1.2.0', sha: fx.shas.merge }]);
  });

  it('answers undefined for a ref the remote does not have', async () => {
    const repo = new GitRepo(fx.repos.clone, 'origin');
    expect(await readDeployHistory(repo, 'refs/heads/nope', { since: new Date(0), until: new Date() })).toBeUndefined();
  });

  it('finds the previous release on the first-parent line, skipping the head and non-matching tags', async () => {
    const repo = new GitRepo(fx.repos.clone, 'origin');
    expect(await previousRelease(repo, fx.shas.merge, 'v*')).toEqual({ tag: 'v1.1.0', sha: fx.shas.base });
    expect(await previousRelease(repo, fx.shas.merge, 'release-*')).toBeUndefined();
  });
});

describe('git runner', () => {
  it('types errors: not a repository, missing folder, timeout', async () => {
    const notRepo = await runGit(['status'], { cwd: fx.repos.root }).catch((e: unknown) => e);
    expect(notRepo).toBeInstanceOf(GitError);
    expect((notRepo as GitError).kind).toBe('not_a_repo');
    const missing = await runGit(['status'], { cwd: `${fx.repos.root}/missing` }).catch((e: unknown) => e);
    expect((missing as GitError).kind).toBe('not_a_repo');
    const slow = await runGit(['-c', 'alias.slow=!sleep 5', 'slow'], { cwd: fx.repos.clone, timeoutMs: 200 }).catch((e: unknown) => e);
    expect((slow as GitError).kind).toBe('timeout');
    const big = await runGit(['log', '-p'], { cwd: fx.repos.clone, maxOutputBytes: 64 }).catch((e: unknown) => e);
    expect((big as GitError).kind).toBe('output_too_large');
  });

  it('converts tag globs', () => {
    expect(globToRegExp('v*').test('v1.2.0')).toBe(true);
    expect(globToRegExp('v*').test('xv1')).toBe(false);
    expect(globToRegExp('release-[0-9]?').test('release-42')).toBe(true);
    expect(globToRegExp('a.b').test('axb')).toBe(false);
  });
});

describe('classifyGitFailure', () => {
  it('recognises what git says (in the C locale) about credentials, leases, hooks and conflicts', () => {
    expect(classifyGitFailure("fatal: could not read Username for 'https://git.example.com': terminal prompts disabled")).toBe('auth');
    expect(classifyGitFailure('git@git.example.com: Permission denied (publickey).')).toBe('auth');
    expect(classifyGitFailure('', '!\trefs/heads/main:refs/heads/main\t[rejected] (stale info)')).toBe('stale_lease');
    expect(classifyGitFailure('remote: CAB-42 required\n', '!\tHEAD:refs/heads/main\t[remote rejected] (pre-receive hook declined)')).toBe('hook_rejected');
    expect(classifyGitFailure('CONFLICT (content): Merge conflict in app.txt\nerror: could not revert 1234abc')).toBe('conflict');
    expect(classifyGitFailure('fatal: something else')).toBe('failed');
  });
});
