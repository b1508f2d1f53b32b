// The guarded rollback flow against real git: revert and move-ref end with the expected remote, and every refusal is reported.
import { chmodSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../../shared/result';
import { INCIDENT, rollbackFixture, type RollbackFixture } from './rollback-flow.test-support';

let fx: RollbackFixture;
afterEach(async () => fx?.cleanup());

async function run(strategy: 'revert' | 'move-ref', extra: { forwardOf?: string } = {}) {
  const planned = await fx.rollbacks.plan({ incidentId: INCIDENT, service: 'checkout', ...(extra.forwardOf ? {} : { strategy }), ...extra });
  await fx.rollbacks.confirm({ incidentId: INCIDENT, rollbackId: planned.id, typedName: 'checkout' });
  await fx.rollbacks.settled(planned.id);
  return fx.rollbacks.list(INCIDENT).find((r) => r.id === planned.id)!;
}

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const e: unknown = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}

const tree = (sha: string) => fx.repos.git(fx.repos.bare, 'rev-parse', `${sha}^{tree}`);

describe('revert', () => {
  it('plans the exact commits, needs the typed name, pushes one revert commit and can be rolled forward', async () => {
    fx = await rollbackFixture();
    const { v1, bad1, bad2 } = fx.shas;
    const planned = await fx.rollbacks.plan({ incidentId: INCIDENT, service: 'checkout', strategy: 'revert' });
    expect(planned.plan).toMatchObject({ beforeSha: bad2, target: { sha: v1, label: 'v1.0.0' }, push: { ref: 'refs/heads/main', expectedSha: bad2, force: false } });
    expect(planned.plan.commits.map((c) => c.sha)).toEqual([bad2, bad1]);
    expect(planned.plan.commands.some((c) => c.includes(`--force-with-lease=refs/heads/main:${bad2}`))).toBe(true);

    const wrong = await refusal(fx.rollbacks.confirm({ incidentId: INCIDENT, rollbackId: planned.id, typedName: 'checkou' }));
    expect(wrong.message).toContain('Type the service name "checkout"');
    // Approvals are events an identified person records (rollback-approvals.test.ts); this service's policy does not ask for one.
    await fx.rollbacks.confirm({ incidentId: INCIDENT, rollbackId: planned.id, typedName: 'checkout' });
    await fx.rollbacks.settled(planned.id);

    const done = fx.rollbacks.list(INCIDENT)[0]!;
    expect(done).toMatchObject({ stage: 'completed', confirmedBy: 'ines', outcome: { beforeSha: bad2 } });
    const after = fx.repos.remoteSha();
    expect(done.outcome?.afterSha).toBe(after);
    expect(fx.repos.git(fx.repos.bare, 'rev-parse', `${after}^`)).toBe(bad2);
    expect(tree(after)).toBe(tree(v1));
    expect(fx.repos.git(fx.repos.bare, 'log', '-1', '--format=%B', after)).toContain('Roll back checkout to v1.0.0');
    // The operator's clone: same HEAD, clean, no leftover worktree.
    expect(fx.repos.git(fx.repos.clone, 'rev-parse', 'HEAD')).toBe(bad2);
    expect(fx.repos.git(fx.repos.clone, 'status', '--porcelain')).toBe('');
    expect(fx.repos.git(fx.repos.clone, 'worktree', 'list').split('\n')).toHaveLength(1);
    expect(done.steps.map((s) => `${s.step}:${s.status}`)).toEqual(['preflight:succeeded', 'worktree:succeeded', 'revert:succeeded', 'check:succeeded', 'push:succeeded', 'sync:succeeded']);
    // ...which was fetched, so it knows about the revert, and the result says how far behind its branch is.
    expect(fx.repos.git(fx.repos.clone, 'rev-parse', 'refs/remotes/origin/main')).toBe(after);
    expect(done.outcome?.summary).toMatch(/Fetched origin into your clone of checkout; its checked-out branch is 1 commit behind refs\/heads\/main: pull before you work there/);
    expect(fx.events().map((e) => e.type)).toContain('rollback.completed');

    await fx.rollbacks.verify({ incidentId: INCIDENT, rollbackId: planned.id, outcome: 'healthy', note: 'error rate back to baseline' });
    const forward = await run('revert', { forwardOf: planned.id });
    expect(forward).toMatchObject({ stage: 'completed', plan: { direction: 'roll-forward', forwardOf: planned.id } });
    expect(tree(fx.repos.remoteSha())).toBe(tree(bad2));
    const original = fx.rollbacks.list(INCIDENT).find((r) => r.id === planned.id)!;
    expect(original.rolledForwardBy).toBe(forward.id);
  });

  it('refuses a dirty working tree when planning, and when it became dirty after the plan', async () => {
    fx = await rollbackFixture();
    writeFileSync(join(fx.repos.clone, 'app.txt'), 'local edit\n');
    const e = await refusal(fx.rollbacks.plan({ incidentId: INCIDENT, service: 'checkout', strategy: 'revert' }));
    expect(e.code).toBe('conflict');
    expect(e.message).toContain('uncommitted changes (app.txt)');
    fx.repos.git(fx.repos.clone, 'checkout', '--', 'app.txt');
    const planned = await fx.rollbacks.plan({ incidentId: INCIDENT, service: 'checkout', strategy: 'revert' });
    writeFileSync(join(fx.repos.clone, 'app.txt'), 'local edit\n');
    await fx.rollbacks.confirm({ incidentId: INCIDENT, rollbackId: planned.id, typedName: 'checkout' });
    await fx.rollbacks.settled(planned.id);
    const failed = fx.rollbacks.list(INCIDENT)[0]!;
    expect(failed).toMatchObject({ stage: 'failed', failure: { reason: 'dirty_tree' } });
    expect(fx.repos.remoteSha()).toBe(fx.shas.bad2);
  });

  it('reports a pre-receive hook rejection with the hook message and an unchanged remote', async () => {
    fx = await rollbackFixture();
    const hook = join(fx.repos.bare, 'hooks', 'pre-receive');
    writeFileSync(hook, '#!/bin/sh\necho "Pushes to main need a change ticket (CAB-42)" >&2\nexit 1\n');
    chmodSync(hook, 0o755);
    const result = await run('revert');
    expect(result).toMatchObject({ stage: 'failed', failure: { reason: 'hook_rejected', remoteSha: fx.shas.bad2 } });
    expect(result.failure!.message).toContain('CAB-42');
    expect(result.failure!.state).toContain('unchanged since the plan');
    expect(fx.repos.remoteSha()).toBe(fx.shas.bad2);
    expect(fx.repos.git(fx.repos.clone, 'worktree', 'list').split('\n')).toHaveLength(1);
  });
});

describe('move-ref', () => {
  it('moves the branch back to the previous release with a lease, and forward again', async () => {
    fx = await rollbackFixture();
    const result = await run('move-ref');
    expect(result).toMatchObject({ stage: 'completed', plan: { afterSha: fx.shas.v1, push: { force: true } }, outcome: { beforeSha: fx.shas.bad2, afterSha: fx.shas.v1 } });
    expect(fx.repos.remoteSha()).toBe(fx.shas.v1);
    const forward = await run('move-ref', { forwardOf: result.id });
    expect(forward.plan.commits.map((c) => c.sha)).toEqual([fx.shas.bad2, fx.shas.bad1]);
    expect(forward.stage).toBe('completed');
    expect(fx.repos.remoteSha()).toBe(fx.shas.bad2);
  });

  it('refuses when someone pushed between plan and confirm', async () => {
    fx = await rollbackFixture();
    const planned = await fx.rollbacks.plan({ incidentId: INCIDENT, service: 'checkout', strategy: 'move-ref' });
    const other = fx.repos.otherClone();
    const hotfix = fx.repos.commit('PAY-3 hotfix', 'hotfix.txt', 'x\n', '2026-03-01T10:00:00Z', other);
    fx.repos.push('main', other);
    await fx.rollbacks.confirm({ incidentId: INCIDENT, rollbackId: planned.id, typedName: 'checkout' });
    await fx.rollbacks.settled(planned.id);
    const failed = fx.rollbacks.list(INCIDENT)[0]!;
    expect(failed).toMatchObject({ stage: 'failed', failure: { reason: 'remote_moved', remoteSha: hotfix } });
    expect(failed.failure!.message).toContain('Plan again');
    expect(fx.repos.remoteSha()).toBe(hotfix);
  });

  it('is refused by the lease when the push races a colleague after the checks', async () => {
    let hotfix = '';
    fx = await rollbackFixture({
      beforePush: async () => {
        const other = fx.repos.otherClone();
        hotfix = fx.repos.commit('PAY-3 hotfix', 'hotfix.txt', 'x\n', '2026-03-01T10:00:00Z', other);
        fx.repos.push('main', other);
      },
    });
    const result = await run('move-ref');
    expect(result).toMatchObject({ stage: 'failed', failure: { reason: 'lease_rejected', remoteSha: hotfix } });
    expect(result.failure!.state).toContain('changed by someone else');
    expect(fx.repos.remoteSha()).toBe(hotfix);
  });
});

describe('cancel', () => {
  it('stops before the push while that is safe, and refuses once the push is on its way', async () => {
    let refusedCancel: unknown;
    fx = await rollbackFixture({ beforePush: async () => void (refusedCancel = await fx.rollbacks.cancel({ incidentId: INCIDENT, rollbackId: fx.rollbacks.list(INCIDENT).at(-1)!.id }).catch((e: unknown) => e)) });
    const early = await fx.rollbacks.plan({ incidentId: INCIDENT, service: 'checkout', strategy: 'revert' });
    await fx.rollbacks.confirm({ incidentId: INCIDENT, rollbackId: early.id, typedName: 'checkout' });
    const cancelled = await fx.rollbacks.cancel({ incidentId: INCIDENT, rollbackId: early.id, reason: 'wrong target' });
    expect(cancelled).toMatchObject({ stage: 'cancelled', cancellation: { reason: 'wrong target' } });
    expect(cancelled.cancellation!.state).toContain('Nothing was pushed');
    expect(fx.repos.remoteSha()).toBe(fx.shas.bad2);
    expect(fx.repos.git(fx.repos.clone, 'worktree', 'list').split('\n')).toHaveLength(1);

    const late = await run('move-ref');
    expect(late.stage).toBe('completed');
    expect(refusedCancel).toBeInstanceOf(DomainError);
    expect((refusedCancel as DomainError).message).toContain('Cannot cancel now: the push to the remote has been sent');
  });
});

describe('other histories', () => {
  it('moves a deploy tag back with a lease', async () => {
    fx = await rollbackFixture();
    fx.repos.tag('production', fx.shas.bad2);
    await fx.catalogue.put({ name: 'checkout', git: { clonePath: fx.repos.clone }, deploy: { tag: 'production', releaseTagPattern: 'v*' }, rollback: { strategies: [{ kind: 'move-ref' }] } });
    const result = await run('move-ref');
    expect(result).toMatchObject({ stage: 'completed', plan: { push: { ref: 'refs/tags/production' }, target: { label: 'v1.0.0' } } });
    expect(fx.repos.remoteSha('refs/tags/production')).toBe(fx.shas.v1);
    expect(fx.repos.remoteSha()).toBe(fx.shas.bad2);
  });

  it('reverts a merge on the deploy branch as one unit (mainline 1)', async () => {
    fx = await rollbackFixture();
    const { repos } = fx;
    repos.git(repos.clone, 'checkout', '--quiet', '-b', 'feature');
    repos.commit('PAY-4 feature part 1', 'feature.txt', 'a\n', '2026-03-01T10:00:00Z');
    repos.commit('PAY-4 feature part 2', 'feature.txt', 'a\nb\n', '2026-03-01T10:05:00Z');
    repos.git(repos.clone, 'checkout', '--quiet', 'main');
    repos.git(repos.clone, 'merge', '--quiet', '--no-ff', '--no-edit', 'feature');
    const merge = repos.git(repos.clone, 'rev-parse', 'HEAD');
    repos.push();
    const result = await run('revert');
    // The previous release is now v1.1.0 (bad2), so only the merge is undone — with its two commits, as one unit.
    expect(result.plan.target?.label).toBe('v1.1.0');
    expect(result.plan.commits.map((c) => [c.sha, c.merge])).toEqual([[merge, true]]);
    expect(result.stage).toBe('completed');
    expect(tree(fx.repos.remoteSha())).toBe(tree(fx.shas.bad2));
  });
});

describe('planning refusals', () => {
  it('reports failed credentials, an unknown target and a remote that differs from the catalogue', async () => {
    fx = await rollbackFixture();
    const { repos } = fx;
    await fx.catalogue.put({ name: 'checkout', git: { clonePath: repos.clone, remote: { name: 'origin', url: '/somewhere/else.git' } }, deploy: { branch: 'main' }, rollback: { strategies: [{ kind: 'revert' }] } });
    expect((await refusal(fx.rollbacks.plan({ incidentId: INCIDENT, service: 'checkout', strategy: 'revert', target: 'v1.0.0' }))).message).toContain('Refusing to push somewhere unexpected');
    await fx.catalogue.put({ name: 'checkout', git: { clonePath: repos.clone }, deploy: { branch: 'main' }, rollback: { strategies: [{ kind: 'revert' }] } });
    expect((await refusal(fx.rollbacks.plan({ incidentId: INCIDENT, service: 'checkout', strategy: 'revert' }))).message).toContain('Name the known-good commit or tag');
    expect((await refusal(fx.rollbacks.plan({ incidentId: INCIDENT, service: 'checkout', strategy: 'move-ref' }))).message).toContain('no move-ref strategy');
    expect((await refusal(fx.rollbacks.plan({ incidentId: INCIDENT, service: 'checkout', strategy: 'revert', target: 'v9' }))).message).toContain('"v9" is not a commit');
    const server = createServer((_req, res) => res.writeHead(401, { 'www-authenticate': 'Basic realm="git"' }).end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      repos.git(repos.clone, 'remote', 'set-url', 'origin', `http://127.0.0.1:${(server.address() as AddressInfo).port}/checkout.git`);
      const denied = await refusal(fx.rollbacks.plan({ incidentId: INCIDENT, service: 'checkout', strategy: 'revert', target: 'v1.0.0' }));
      expect(denied.code).toBe('unauthorized');
      expect(denied.message).toContain('could not authenticate');
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
