// The hot-fix track against real git and a real test command: open → criteria → rollback strategy → change → tests → approvals,
// with every refusal the policy asks for.
import { afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../../shared/result';
import { rolloutBlockers } from '../../../shared/hotfix/hotfix-blockers';
import { projectHotfixes } from '../../../shared/hotfix/hotfix-state';
import { INCIDENT, hotfixFixture, testCommand, type HotfixFixture } from './hotfix-flow.test-support';

let fx: HotfixFixture;
afterEach(async () => fx?.cleanup());

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const e: unknown = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}

const open = () => fx.hotfixes.open({ incidentId: INCIDENT, service: 'checkout', symptom: 'Checkouts time out after 30 s', intendedChange: 'Lower the payment timeout to 10 s' });

async function tested(id: string) {
  await fx.hotfixes.runTests({ incidentId: INCIDENT, hotfixId: id });
  await fx.hotfixes.testsSettled(id);
  return fx.hotfixes.list(INCIDENT).find((h) => h.id === id)!;
}

describe('opening a hot fix', () => {
  it('names it HF-<yyyymmdd>-<n>, records the criteria as met for a SEV2 with customer impact, and counts up', async () => {
    fx = await hotfixFixture();
    const first = await open();
    expect(first).toMatchObject({ id: 'HF-20261202-1', service: 'checkout', stage: 'open', severity: 'SEV2', criteria: { met: true }, approvalRule: { approvers: 2, cabOnly: false } });
    expect((await open()).id).toBe('HF-20261202-2');
    expect(fx.events().map((e) => e.type)).toEqual(expect.arrayContaining(['hotfix.opened', 'hotfix.criteria_checked']));
  });

  it('says "this should be a patch" for a SEV3 without stated impact, and blocks until overridden with a reason', async () => {
    fx = await hotfixFixture({ severity: 'SEV3', impact: false });
    const h = await open();
    expect(h.criteria).toMatchObject({ met: false, reasons: ['SEV3 is not a hot-fix severity (SEV1, SEV2)', 'no customer impact has been stated'] });
    expect(rolloutBlockers(h)[0]).toMatchObject({ step: 'criteria', problem: expect.stringContaining('This should be a patch') });
    const short = await fx.hotfixes.overrideCriteria({ incidentId: INCIDENT, hotfixId: h.id, reason: 'Legal deadline tonight' }).then((s) => s);
    expect(short.criteriaOverride).toMatchObject({ reason: 'Legal deadline tonight', by: 'ines' });
    expect(rolloutBlockers(short).some((b) => b.step === 'criteria')).toBe(false);
    expect((await refusal(fx.hotfixes.overrideCriteria({ incidentId: INCIDENT, hotfixId: h.id, reason: 'again' }))).code).toBe('conflict');
  });

  it('uses a saved team policy: id pattern, criteria and approval rule', async () => {
    fx = await hotfixFixture({ severity: 'SEV1' });
    const { policy } = await fx.policy.load();
    await fx.policy.save({ ...policy, idPattern: 'PAY-HF-<n>', cab: ['Omar'] });
    const h = await open();
    expect(h).toMatchObject({ id: 'PAY-HF-1', approvalRule: { approvers: 1, cabOnly: true }, cab: ['Omar'] });
    const bad = await refusal(fx.policy.save({ ...policy, idPattern: 'HF-<yyyymmdd>' }));
    expect(bad.message).toContain('<n>');
  });
});

describe('the change, tests and approvals', () => {
  it('requires a configured rollback strategy and names the kill switch', async () => {
    fx = await hotfixFixture();
    const h = await open();
    expect(rolloutBlockers(h).map((b) => b.step)).toEqual(['rollback', 'change', 'approval']);
    const none = await refusal(fx.hotfixes.chooseRollback({ incidentId: INCIDENT, hotfixId: h.id, strategy: 'move-ref' }));
    expect(none.message).toContain('offers revert, kill-switch');
    const chosen = await fx.hotfixes.chooseRollback({ incidentId: INCIDENT, hotfixId: h.id, strategy: 'revert' });
    expect(chosen.rollback).toMatchObject({ strategy: 'revert', description: 'reverting the fix on refs/heads/main (guarded rollback)', killSwitch: 'POST https://flags.example.test/checkout-timeout/off' });
  });

  it('links the fix branch: diff stat against the deployed release tag, not against main', async () => {
    fx = await hotfixFixture();
    const h = await open();
    const linked = await fx.hotfixes.linkChange({ incidentId: INCIDENT, hotfixId: h.id, refs: ['hotfix/checkout-timeout'] });
    expect(linked.change).toMatchObject({
      base: { label: 'v1.3.0', sha: fx.shas.release },
      headSha: fx.shas.fix,
      commits: [{ sha: fx.shas.fix, subject: 'PAY-7 lower the checkout timeout', author: 'Dana Dev' }],
      diffStat: { files: 1, insertions: 1, deletions: 1, modules: ['(root)'], perFile: [{ path: 'app.txt', insertions: 1, deletions: 1 }] },
      flags: [],
    });
    const unknown = await refusal(fx.hotfixes.linkChange({ incidentId: INCIDENT, hotfixId: h.id, refs: ['no-such-branch'] }));
    expect(unknown.message).toContain('neither a branch');
  });

  it('flags a change over the minimal-change thresholds (files, lines, modules)', async () => {
    fx = await hotfixFixture({ hotfix: { thresholds: { maxFiles: 1, maxLines: 2, maxModules: 1 } } });
    fx.repos.git(fx.repos.clone, 'checkout', '--quiet', '-b', 'hotfix/big', 'v1.3.0');
    fx.repos.git(fx.repos.clone, 'rm', '--quiet', 'app.txt');
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    for (const dir of ['api', 'web']) {
      mkdirSync(join(fx.repos.clone, dir));
      writeFileSync(join(fx.repos.clone, dir, 'x.txt'), 'a\nb\nc\n');
    }
    fx.repos.git(fx.repos.clone, 'add', '-A');
    fx.repos.git(fx.repos.clone, 'commit', '--quiet', '-m', 'big change');
    fx.repos.push('hotfix/big');
    const h = await open();
    const linked = await fx.hotfixes.linkChange({ incidentId: INCIDENT, hotfixId: h.id, refs: ['hotfix/big'] });
    expect(linked.change!.diffStat).toMatchObject({ files: 3, insertions: 6, deletions: 2, modules: ['(root)', 'api', 'web'] });
    expect(linked.change!.flags).toEqual([
      '3 files changed (the limit is 1)',
      '8 lines changed (the limit is 2)',
      '3 modules touched: (root), api, web (the limit is 1)',
    ]);
  });

  it('runs the targeted tests in a checkout of the fix (the clone stays on main), and a pass clears the tests blocker', async () => {
    const chunks: string[] = [];
    const caughtUp: boolean[] = [];
    fx = await hotfixFixture({
      deps: {
        publishOutput: (o) => {
          // Each chunk says where it starts, and a pane opening now gets everything up to its end from testOutput.
          expect(o.offset).toBe(chunks.join('').length);
          chunks.push(o.chunk);
          const snapshot = fx.hotfixes.testOutput({ incidentId: INCIDENT, hotfixId: o.hotfixId, runId: o.runId });
          caughtUp.push(snapshot.length === o.offset + o.chunk.length && snapshot.text === chunks.join('').slice(-20_000));
        },
      },
    });
    const h = await open();
    await fx.hotfixes.chooseRollback({ incidentId: INCIDENT, hotfixId: h.id, strategy: 'revert' });
    await fx.hotfixes.linkChange({ incidentId: INCIDENT, hotfixId: h.id, refs: ['hotfix/checkout-timeout'] });
    const done = await tested(h.id);
    expect(done.tests).toMatchObject({ kind: 'local', status: 'passed', exitCode: 0, headSha: fx.shas.fix });
    expect(chunks.join('')).toContain('checking app.txt');
    expect(caughtUp.length).toBeGreaterThan(0);
    expect(caughtUp.every(Boolean)).toBe(true);
    expect(fx.hotfixes.testOutput({ incidentId: INCIDENT, hotfixId: h.id, runId: done.tests!.runId! })).toEqual({ text: '', length: 0 });
    expect(done.tests!.outputTail).toContain('checking app.txt');
    expect(fx.repos.git(fx.repos.clone, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');
    expect(fx.repos.git(fx.repos.clone, 'worktree', 'list').split('\n')).toHaveLength(1);
    expect(rolloutBlockers(done).map((b) => b.step)).toEqual(['approval']);
  });

  it('a failed test blocks approval until it is overridden with a reason', async () => {
    fx = await hotfixFixture();
    const h = await open();
    await fx.hotfixes.chooseRollback({ incidentId: INCIDENT, hotfixId: h.id, strategy: 'revert' });
    // Linking the release's own successor on main (no fix in it) makes the targeted test fail.
    await fx.hotfixes.linkChange({ incidentId: INCIDENT, hotfixId: h.id, refs: ['main'] });
    const failed = await tested(h.id);
    expect(failed.tests).toMatchObject({ status: 'failed', exitCode: 1, message: 'exit code 1' });
    expect(rolloutBlockers(failed)[0]).toMatchObject({ step: 'tests', problem: 'The tests failed.' });
    const blocked = await refusal(fx.approveAs('omar', { incidentId: INCIDENT, hotfixId: h.id }));
    expect(blocked.message).toContain('The tests failed.');
    const overridden = await fx.hotfixes.overrideTests({ incidentId: INCIDENT, hotfixId: h.id, reason: 'Flaky test, verified by hand on staging' });
    expect(rolloutBlockers(overridden).map((b) => b.step)).toEqual(['approval']);
    const approved = await fx.approveAs('omar', { incidentId: INCIDENT, hotfixId: h.id });
    expect(approved.approvals[0]!.approved.tests).toContain('overridden: Flaky test');
  });

  it('times out or cancels a test run, and records an external CI result by URL instead', async () => {
    fx = await hotfixFixture({ hotfix: { testCommand: testCommand({ args: ['-e', 'setTimeout(() => {}, 60000)'], timeoutMs: 300 }) } });
    const h = await open();
    await fx.hotfixes.linkChange({ incidentId: INCIDENT, hotfixId: h.id, refs: ['hotfix/checkout-timeout'] });
    expect((await tested(h.id)).tests).toMatchObject({ status: 'timeout' });
    await fx.catalogue.put({ ...(await fx.catalogue.get('checkout')), hotfix: { testCommand: testCommand({ args: ['-e', 'setTimeout(() => {}, 60000)'] }) } });
    await fx.hotfixes.runTests({ incidentId: INCIDENT, hotfixId: h.id });
    const cancelled = await fx.hotfixes.cancelTests({ incidentId: INCIDENT, hotfixId: h.id });
    expect(cancelled.tests).toMatchObject({ status: 'cancelled' });
    const ci = await fx.hotfixes.recordCi({ incidentId: INCIDENT, hotfixId: h.id, url: 'https://ci.example.test/runs/42', outcome: 'passed' });
    expect(ci.tests).toMatchObject({ kind: 'ci', status: 'passed', url: 'https://ci.example.test/runs/42' });
  });

  it('approvals: never the author, once per person, two for SEV2, and a new change needs them again', async () => {
    fx = await hotfixFixture();
    const h = await open();
    await fx.hotfixes.chooseRollback({ incidentId: INCIDENT, hotfixId: h.id, strategy: 'revert' });
    await fx.hotfixes.linkChange({ incidentId: INCIDENT, hotfixId: h.id, refs: ['hotfix/checkout-timeout'] });
    await tested(h.id);
    expect((await refusal(fx.hotfixes.approve({ incidentId: INCIDENT, hotfixId: h.id }))).message).toContain('ines wrote or opened this hot fix');
    expect((await refusal(fx.approveAs('dana@example.test', { incidentId: INCIDENT, hotfixId: h.id }))).message).toContain('cannot approve');
    const one = await fx.approveAs('omar', { incidentId: INCIDENT, hotfixId: h.id, comment: 'small and tested' });
    expect(one.stage).toBe('open');
    expect(rolloutBlockers(one)).toEqual([expect.objectContaining({ step: 'approval', problem: '1 more approval needed (2 approvers).' })]);
    expect((await refusal(fx.approveAs('Omar', { incidentId: INCIDENT, hotfixId: h.id }))).message).toContain('already approved');
    const two = await fx.approveAs('lea', { incidentId: INCIDENT, hotfixId: h.id });
    expect(two.stage).toBe('approved');
    expect(two.approvals[1]!.approved).toMatchObject({ headSha: fx.shas.fix, diff: expect.stringContaining('against v1.3.0: 1 file, +1 −1'), rolloutPlan: expect.stringContaining('Rollback: reverting the fix') });
    // The rollout engine is not wired yet: verification and the tag wait for 100%.
    expect((await refusal(fx.hotfixes.verify({ incidentId: INCIDENT, hotfixId: h.id, outcome: 'healthy' }))).message).toContain('once the rollout has reached 100%');
    expect((await refusal(fx.hotfixes.tag({ incidentId: INCIDENT, hotfixId: h.id }))).message).toContain('once verified');
    // Linking another change withdraws the approvals.
    await fx.hotfixes.linkChange({ incidentId: INCIDENT, hotfixId: h.id, refs: ['main'] });
    const relinked = fx.hotfixes.list(INCIDENT)[0]!;
    expect(relinked).toMatchObject({ stage: 'open', approvals: [] });
    // The live projection equals the whole-log fold (playback and review read the same).
    expect(projectHotfixes(fx.events())).toEqual(fx.hotfixes.list(INCIDENT));
  });

  it('SEV1 counts only approvers on the CAB list', async () => {
    fx = await hotfixFixture({ severity: 'SEV1' });
    const { policy } = await fx.policy.load();
    await fx.policy.save({ ...policy, cab: ['Omar'] });
    const h = await open();
    await fx.hotfixes.chooseRollback({ incidentId: INCIDENT, hotfixId: h.id, strategy: 'revert' });
    await fx.hotfixes.linkChange({ incidentId: INCIDENT, hotfixId: h.id, refs: ['hotfix/checkout-timeout'] });
    await tested(h.id);
    expect((await refusal(fx.approveAs('lea', { incidentId: INCIDENT, hotfixId: h.id }))).message).toContain('CAB list (Omar)');
    expect((await fx.approveAs('omar', { incidentId: INCIDENT, hotfixId: h.id })).stage).toBe('approved');
  });

  it('the approver is the person using the installation: matched to the CAB list by handle, recorded with handle and device', async () => {
    fx = await hotfixFixture({ severity: 'SEV1' });
    const { policy } = await fx.policy.load();
    await fx.policy.save({ ...policy, cab: ['@lea.m'] });
    const h = await open();
    await fx.hotfixes.chooseRollback({ incidentId: INCIDENT, hotfixId: h.id, strategy: 'revert' });
    await fx.hotfixes.linkChange({ incidentId: INCIDENT, hotfixId: h.id, refs: ['hotfix/checkout-timeout'] });
    await tested(h.id);
    // ines (the opener, using this installation) cannot approve; Léa approves as herself and is on the CAB list by handle.
    expect((await refusal(fx.hotfixes.approve({ incidentId: INCIDENT, hotfixId: h.id }))).message).toContain('ines wrote or opened this hot fix and cannot approve it; someone else approves it as themselves');
    const approved = await fx.approveAs('Léa Martin', { incidentId: INCIDENT, hotfixId: h.id }, 'lea.m');
    expect(approved.stage).toBe('approved');
    expect(approved.approvals[0]).toMatchObject({ approver: 'Léa Martin', handle: 'lea.m', deviceId: expect.stringMatching(/^dev_/), by: 'Léa Martin' });
    expect(fx.events().at(-1)).toMatchObject({ type: 'hotfix.approved', actor: 'Léa Martin', actorIdentity: { handle: 'lea.m' } });
  });
});

describe('the fix branch', () => {
  it('is created on the remote from the deployed release tag, once, and a fix pushed there links against it', async () => {
    fx = await hotfixFixture();
    const h = await open();
    const created = await fx.hotfixes.createBranch({ incidentId: INCIDENT, hotfixId: h.id });
    expect(created.branch).toMatchObject({ name: 'hotfix/HF-20261202-1', base: { label: 'v1.3.0', sha: fx.shas.release }, remote: 'origin' });
    expect(fx.repos.remoteSha('refs/heads/hotfix/HF-20261202-1')).toBe(fx.shas.release);
    expect((await refusal(fx.hotfixes.createBranch({ incidentId: INCIDENT, hotfixId: h.id }))).message).toContain('already created');
    // An engineer commits the fix on the branch and pushes it.
    const work = fx.repos.otherClone();
    fx.repos.git(work, 'checkout', '--quiet', 'hotfix/HF-20261202-1');
    const fix = fx.repos.commit('PAY-8 guard the retry', 'retry.txt', 'guard\n', '2026-12-02T10:30:00Z', work);
    fx.repos.push('hotfix/HF-20261202-1', work);
    const linked = await fx.hotfixes.linkChange({ incidentId: INCIDENT, hotfixId: h.id, refs: ['hotfix/HF-20261202-1'] });
    expect(linked.change).toMatchObject({ base: { label: 'v1.3.0' }, headSha: fix, diffStat: { files: 1, insertions: 1, deletions: 0 } });
    // A second hot fix may not take a branch name that exists on the remote.
    const second = await open();
    fx.repos.git(work, 'push', '--quiet', 'origin', `${fx.shas.release}:refs/heads/hotfix/${second.id}`);
    expect((await refusal(fx.hotfixes.createBranch({ incidentId: INCIDENT, hotfixId: second.id }))).message).toContain('already exists on origin');
  });
});
