// The rollout's stage commands: in order with streamed output, waiting for a click, and a stage that fails, times out or is cancelled.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DomainError } from '../../../../shared/result';
import { toTimelineEntry } from '../../../../shared/timeline/describe-event';
import { HOTFIX, INCIDENT, nodeStage, rolloutFixture, type RolloutFixture } from './rollout.test-support';

let fx: RolloutFixture;
afterEach(async () => fx?.cleanup());

const start = () => fx.engine.start({ incidentId: INCIDENT, hotfixId: HOTFIX, service: 'checkout' });

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const e: unknown = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}

describe('rollout stages', () => {
  it('runs the stages in order with streamed output, waits for the click where configured, and completes', async () => {
    fx = await rolloutFixture({
      stages: [nodeStage('canary-5', 'console.log("weight 5")', { advance: 'on-click', percent: 5 }), nodeStage('full', 'console.log("weight 100")', { percent: 100 })],
    });
    const started = await start();
    expect(started.stages.map((s) => s.id)).toEqual(['canary-5', 'full']);
    expect((await refusal(start())).message).toContain(`A rollout of checkout (${started.id}) is in progress`);
    await fx.engine.settled(started.id);
    expect(fx.state(started.id)).toMatchObject({ status: 'waiting', currentStageId: 'canary-5', stages: [{ status: 'succeeded', outputTail: 'weight 5\n' }, { status: 'pending' }] });
    expect(fx.chunks.join('')).toContain('weight 5');
    expect(fx.ofType('rollout.stage_finished')[0]!.payload).toMatchObject({ outcome: 'succeeded', exitCode: 0, message: 'canary 5 done' });
    // The timeline names the stage as people call it.
    expect(toTimelineEntry(fx.ofType('rollout.stage_finished')[0]!).text).toBe('Rollout stage "canary 5" succeeded: canary 5 done');

    await fx.engine.advance({ incidentId: INCIDENT, rolloutId: started.id });
    await fx.engine.settled(started.id);
    expect(fx.state(started.id)).toMatchObject({ status: 'completed', stages: [{ status: 'succeeded' }, { status: 'succeeded', outputTail: 'weight 100\n' }] });
    expect(fx.ofType('rollout.stage_advanced')[0]).toMatchObject({ actor: 'ines', payload: { stageId: 'canary-5', action: 'next-stage' } });
    expect(toTimelineEntry(fx.ofType('rollout.stage_advanced')[0]!).text).toBe('ines advanced the rollout past "canary 5"');
    expect(fx.events().map((e) => e.type).filter((t) => t.startsWith('rollout.'))).toEqual([
      'rollout.started',
      'rollout.stage_started',
      'rollout.stage_finished',
      'rollout.stage_advanced',
      'rollout.stage_started',
      'rollout.stage_finished',
      'rollout.completed',
    ]);
    expect((await refusal(fx.engine.advance({ incidentId: INCIDENT, rolloutId: started.id }))).message).toContain('already completed');
  });

  it('aborts when a stage exits non-zero, keeps its output, and offers the rollback', async () => {
    fx = await rolloutFixture({ stages: [nodeStage('canary-5', 'console.error("Error: rollout checkout not found"); process.exit(3)'), nodeStage('full', 'console.log("never")')] });
    const started = await start();
    await fx.engine.settled(started.id);
    const state = fx.state(started.id);
    expect(state).toMatchObject({ status: 'aborted', aborted: { stageId: 'canary-5', reason: 'stage_failed' }, stages: [{ status: 'failed', exitCode: 3 }, { status: 'pending' }] });
    expect(state.stages[0]!.outputTail).toContain('rollout checkout not found');
    expect(state.stages[0]!.message).toBe('The command exited with code 3; see its output.');
    expect(state.rollback).toMatchObject({ offered: true, strategy: 'command' });
    expect(fx.ofType('rollout.rollback_offered')[0]!.payload.message).toBe('Plan and confirm the command rollback of checkout in the Rollback pane.');
    expect(fx.rollbacks.list(INCIDENT)).toEqual([]);
    // The service is free again for a new rollout.
    const again = await start();
    await fx.engine.settled(again.id);
  });

  it('stops a stage that runs past its timeout and aborts the rollout', async () => {
    fx = await rolloutFixture({ stages: [nodeStage('canary-5', 'console.log("applying"); setInterval(() => {}, 1000)', { run: { command: process.execPath, args: ['-e', 'console.log("applying"); setInterval(() => {}, 1000)'], timeoutMs: 1_500 } })] });
    const started = await start();
    await fx.engine.settled(started.id);
    expect(fx.state(started.id)).toMatchObject({ status: 'aborted', aborted: { reason: 'stage_failed' }, stages: [{ status: 'timeout', outputTail: 'applying\n' }] });
    expect(fx.state(started.id).stages[0]!.message).toMatch(/^No result within 2 s; the command and its children were stopped/);
  });

  it('cancels a running stage on request and runs the configured automatic rollback', async () => {
    fx = await rolloutFixture({
      stages: [nodeStage('canary-5', 'console.log("waiting for pods"); setInterval(() => {}, 1000)', { run: { command: process.execPath, args: ['-e', 'console.log("waiting for pods"); setInterval(() => {}, 1000)'], timeoutMs: 60_000 } })],
      onFailure: 'rollback-automatically',
      rollbackStrategy: 'command',
    });
    const started = await start();
    // Cancel once the command is really running (its first output arrived), so the kill reaches a live process tree.
    await vi.waitFor(() => expect(fx.chunks.join('')).toContain('waiting for pods'), { timeout: 15_000 });
    const cancelled = await fx.engine.cancel({ incidentId: INCIDENT, rolloutId: started.id, reason: 'wrong image tag' });
    expect(cancelled).toMatchObject({ status: 'aborted', aborted: { reason: 'cancelled', message: 'wrong image tag', by: 'ines' }, stages: [{ status: 'cancelled' }] });
    const rollbackId = fx.ofType('rollout.rollback_started')[0]!.payload.rollbackId;
    expect(cancelled.rollback).toMatchObject({ strategy: 'command', rollbackId });
    await fx.rollbacks.settled(rollbackId);
    expect(fx.rollbacks.list(INCIDENT)[0]).toMatchObject({ id: rollbackId, stage: 'completed', confirmedBy: 'ines' });
    expect((await refusal(fx.engine.cancel({ incidentId: INCIDENT, rolloutId: started.id }))).message).toContain('already aborted');
  });

  it('refuses a service without a rollout, and marks a rollout interrupted by a stop', async () => {
    fx = await rolloutFixture({ stages: [nodeStage('canary-5', '0', { advance: 'on-click' }), nodeStage('full', '0')] });
    await fx.catalogue.put({ name: 'payments' });
    expect((await refusal(fx.engine.start({ incidentId: INCIDENT, hotfixId: HOTFIX, service: 'payments' }))).message).toContain('Service payments has no rollout configured');
    const started = await start();
    await fx.engine.settled(started.id);
    expect(fx.state(started.id).status).toBe('waiting');
    const { RolloutEngine } = await import('./rollout-engine');
    const restarted = new RolloutEngine({ store: fx.store, catalogue: fx.catalogue, operator: () => 'ines' });
    await restarted.recoverInterrupted();
    expect(fx.state(started.id)).toMatchObject({ status: 'aborted', aborted: { reason: 'interrupted', by: 'firebreak' } });
  });

  it('lets the hot-fix track refuse a start (e.g. not approved yet)', async () => {
    fx = await rolloutFixture({ stages: [nodeStage('full', '0')] }, { checkStart: () => { throw new DomainError('conflict', 'HF-20260301-1 is not approved yet.'); } });
    expect((await refusal(start())).message).toBe('HF-20260301-1 is not approved yet.');
    expect(fx.ofType('rollout.started')).toEqual([]);
  });
});
