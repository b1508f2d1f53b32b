// Test support: a bare "origin" and a clone with a scripted history, built with real git in a temp folder.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ScriptedRepos {
  root: string;
  bare: string;
  clone: string;
  git(cwd: string, ...args: string[]): string;
  /** Commits one file change in `cwd` (the clone by default) at a fixed time, returns its sha. */
  commit(message: string, file: string, content: string, at: string, cwd?: string): string;
  tag(name: string, sha: string, cwd?: string): void;
  push(ref?: string, cwd?: string): void;
  /** A second clone, as a colleague who pushes while we plan. */
  otherClone(): string;
  remoteSha(ref?: string): string;
  cleanup(): void;
}

const identity = { GIT_AUTHOR_NAME: 'Dana Dev', GIT_AUTHOR_EMAIL: 'dana@example.test', GIT_COMMITTER_NAME: 'Dana Dev', GIT_COMMITTER_EMAIL: 'dana@example.test' };

export function scriptedRepos(): ScriptedRepos {
  const root = mkdtempSync(join(tmpdir(), 'fb-git-'));
  const bare = join(root, 'origin.git');
  const clone = join(root, 'clone');
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', args, { cwd, env: { ...process.env, ...identity, LC_ALL: 'C', GIT_CONFIG_NOSYSTEM: '1' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  git(root, 'init', '--quiet', '--bare', '-b', 'main', bare);
  git(root, 'clone', '--quiet', bare, clone);
  const configure = (dir: string) => {
    git(dir, 'config', 'user.name', identity.GIT_AUTHOR_NAME);
    git(dir, 'config', 'user.email', identity.GIT_AUTHOR_EMAIL);
    git(dir, 'config', 'commit.gpgsign', 'false');
  };
  configure(clone);
  let others = 0;
  return {
    root,
    bare,
    clone,
    git,
    commit(message, file, content, at, cwd = clone) {
      writeFileSync(join(cwd, file), content);
      git(cwd, 'add', file);
      execFileSync('git', ['commit', '--quiet', '-m', message], { cwd, env: { ...process.env, ...identity, GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at } });
      return git(cwd, 'rev-parse', 'HEAD');
    },
    tag(name, sha, cwd = clone) {
      git(cwd, 'tag', name, sha);
      git(cwd, 'push', '--quiet', 'origin', `refs/tags/${name}`);
    },
    push(ref = 'main', cwd = clone) {
      git(cwd, 'push', '--quiet', 'origin', `HEAD:refs/heads/${ref}`);
    },
    otherClone() {
      const dir = join(root, `other-${++others}`);
      git(root, 'clone', '--quiet', bare, dir);
      configure(dir);
      return dir;
    },
    remoteSha(ref = 'refs/heads/main') {
      return git(bare, 'rev-parse', ref);
    },
    cleanup() {
      // A host under test may still be writing in the clone's .git (a fetch, a lock file) when a test ends; rmSync then
      // meets ENOTEMPTY. Its own retry (linear back-off) is made for exactly that.
      rmSync(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}
