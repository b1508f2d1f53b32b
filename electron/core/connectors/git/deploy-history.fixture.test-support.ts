// Test support: a deploy branch with a release, direct commits, a feature merge and tags at fixed times.
import { execFileSync } from 'node:child_process';
import { scriptedRepos } from './scripted-repos.test-support';

function mergeAt(cwd: string, branch: string, at: string): string {
  const env = { GIT_AUTHOR_NAME: 'Dana Dev', GIT_AUTHOR_EMAIL: 'dana@example.test', GIT_COMMITTER_NAME: 'Dana Dev', GIT_COMMITTER_EMAIL: 'dana@example.test' };
  execFileSync('git', ['merge', '--quiet', '--no-ff', '--no-edit', branch], { cwd, env: { ...process.env, ...env, GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at } });
  return execFileSync('git', ['rev-parse', 'HEAD'], { cwd, encoding: 'utf8' }).trim();
}

export function deployHistoryFixture() {
  const repos = scriptedRepos();
  const shas = { base: '', old: '', direct: '', feature: '', merge: '' };
  return {
    repos,
    shas,
    build() {
      const r = repos;
      shas.old = r.commit('initial import', 'app.txt', 'v1\n', '2026-03-01T08:00:00Z');
      shas.base = r.commit('release 1.1', 'app.txt', 'v1.1\n', '2026-03-01T09:00:00Z');
      r.push();
      r.tag('v1.1.0', shas.base);
      r.tag('nightly', shas.base);
      shas.direct = r.commit('PAY-12 raise cache TTL (OPS-3)', 'cache.txt', 'ttl=600\n', '2026-03-01T11:00:00Z');
      r.git(r.clone, 'checkout', '--quiet', '-b', 'feature', shas.base);
      shas.feature = r.commit('PAY-7 feature work', 'feature.txt', 'on\n', '2026-03-01T11:30:00Z');
      r.git(r.clone, 'checkout', '--quiet', 'main');
      shas.merge = mergeAt(r.clone, 'feature', '2026-03-01T12:00:00Z');
      r.push();
      r.tag('v1.2.0', shas.merge);
    },
  };
}
