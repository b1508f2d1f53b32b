// The rollout inside the hot-fix track (real git, real commands): only an approved hot fix rolls out; the track moves
// approved → rolling-out → rolled-out (or back to approved on abort), and the approver read the configured stages.
import { afterEach, describe, expect, it } from 'vitest';
import { projectHotfixes } from '../../../../shared/hotfix/hotfix-state';
import { DomainError } from '../../../../shared/result';
import { INCIDENT, hotfixFixture, testCommand, type HotfixFixture } from '../hotfix-flow.test-support';
import { describeRolloutPlan } from '../../../../shared/hotfix/rollout-plan-summary';
import { RolloutEngine } from './rollout-engine';
import { checkHotfixApproved, findHotfix, rolloutHandlers } from './rollout-handlers';
import { nodeStage } from './rollout.test-support';

let fx: HotfixFixture;
let engine: RolloutEngine;
afterEach(async () => {
  await engine?.close();
  await fx?.cleanup();
});

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const e: unknown = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}

async function approvedHotfix(stages: Record<string, unknown>[], strategy: 'revert' | 'kill-switch' = 'revert') {
  fx = await hotfixFixture({ deps: { rolloutPlanOf: describeRolloutPlan } });
  const service = await fx.catalogue.get('checkout');
  await fx.catalogue.put({ ...service, hotfix: { testCommand: testCommand() }, rollout: { stages } });
  const hotfixOf = (incidentId: string, hotfixId: string) => findHotfix(fx.hotfixes.list(incidentId), hotfixId, incidentId);
  engine = new RolloutEngine({ store: fx.store, catalogue: fx.catalogue, operator: () => 'ines', checkStart: (i, h) => checkHotfixApproved(hotfixOf(i, h)) });
  const handlers = rolloutHandlers(engine, hotfixOf);
  const h = await fx.hotfixes.open({ incidentId: INCIDENT, service: 'checkout', symptom: 'Checkouts time out after 30 s', intendedChange: 'Lower the payment timeout to 10 s' });
  await fx.hotfixes.chooseRollback({ incidentId: INCIDENT, hotfixId: h.id, strategy });
  await fx.hotfixes.linkChange({ incidentId: INCIDENT, hotfixId: h.id, refs: ['hotfix/checkout-timeout'] });
  await fx.hotfixes.runTests({ incidentId: INCIDENT, hotfixId: h.id });
  await fx.hotfixes.testsSettled(h.id);
  const start = async () => handlers['hotfix.startRollout']({ incidentId: INCIDENT, hotfixId: h.id });
  expect((await refusal(start())).message).toBe(`Hot fix ${h.id} cannot be rolled out: it is not approved yet (see what blocks it in the track).`);
  await fx.approveAs('omar', { incidentId: INCIDENT, hotfixId: h.id });
  const approved = await fx.approveAs('lea', { incidentId: INCIDENT, hotfixId: h.id });
  return { h: approved, handlers, start, stage: () => fx.hotfixes.list(INCIDENT)[0]!.stage };
}

describe('the rollout in the hot-fix track', () => {
  it('rolls an approved hot fix out stage by stage to rolled-out, then it can be verified', async () => {
    const { h, handlers, start, stage } = await approvedHotfix([nodeStage('canary-25', 'console.log("25%")', { advance: 'on-click', percent: 25 }), nodeStage('full', 'console.log("100%")', { percent: 100 })]);
    expect(h.approvals[1]!.approved.rolloutPlan).toContain('Rollout: canary 25 → full; on failure the rollback is offered.');
    const started = await start();
    expect(stage()).toBe('rolling-out');
    await engine.settled(started.id);
    expect(stage()).toBe('rolling-out');
    await handlers['hotfix.advanceStage']({ incidentId: INCIDENT, rolloutId: started.id });
    await engine.settled(started.id);
    expect((await handlers['hotfix.rollouts']({ incidentId: INCIDENT }))[0]!.status).toBe('completed');
    expect(stage()).toBe('rolled-out');
    const verified = await fx.hotfixes.verify({ incidentId: INCIDENT, hotfixId: h.id, outcome: 'healthy' });
    expect(verified.stage).toBe('verified');
    expect(projectHotfixes(fx.events())).toEqual(fx.hotfixes.list(INCIDENT));
  });

  it('goes back to approved when the rollout aborts, so it can be rolled out again or rolled back', async () => {
    const { start, stage } = await approvedHotfix([nodeStage('canary-25', 'process.exit(1)')], 'kill-switch');
    // The strategy the hot fix chose (kill-switch) is the one offered, not the service's first (revert).
    const started = await start();
    await engine.settled(started.id);
    expect(stage()).toBe('approved');
    expect(engine.list(INCIDENT)[0]).toMatchObject({ status: 'aborted', rollback: { offered: true, strategy: 'kill-switch' } });
  });
});
