// A rollback's second approval is an event the approver records as themselves; a service whose policy asks for one cannot be
// confirmed without an approval from someone other than the person confirming. Old logs with a typed approver stay readable.
import { afterEach, describe, expect, it } from 'vitest';
import { applyRollbackEvent, type RollbackState } from '../../../shared/rollback/rollback-state';
import { toTimelineEntry } from '../../../shared/timeline/describe-event';
import { DomainError } from '../../../shared/result';
import type { IncidentEvent } from '../../../shared/events';
import { INCIDENT, rollbackFixture, type RollbackFixture } from './rollback-flow.test-support';

let fx: RollbackFixture | undefined;
afterEach(async () => {
  await fx?.cleanup();
  fx = undefined;
});

const people = { ines: { name: 'ines', handle: 'ines', deviceId: 'dev_iiiiiiiiiiiiiiii' }, omar: { name: 'omar', handle: 'omar.h', deviceId: 'dev_oooooooooooooooo' } };

async function setUp(requireApproval: boolean) {
  const who = { current: people.ines };
  fx = await rollbackFixture({ operator: () => who.current.name, operatorHandle: () => who.current.handle }, { rollback: { strategies: [{ kind: 'revert' }], ...(requireApproval ? { requireApproval } : {}) } });
  fx.store.stampIdentity(() => who.current);
  return { fx, who };
}

const refused = async (p: Promise<unknown>) => {
  const e: unknown = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(DomainError);
  return (e as DomainError).message;
};

describe('rollback approvals', () => {
  it('the policy holds the confirmation until someone else approved as themselves', async () => {
    const { fx, who } = await setUp(true);
    const planned = await fx.rollbacks.plan({ incidentId: INCIDENT, service: 'checkout', strategy: 'revert' });
    expect(await refused(fx.rollbacks.confirm({ incidentId: INCIDENT, rollbackId: planned.id, typedName: 'checkout' }))).toMatch(/need the approval of someone other than you \(ines\)/);

    // The operator's own approval is recorded but does not count.
    await fx.rollbacks.approve({ incidentId: INCIDENT, rollbackId: planned.id });
    expect(await refused(fx.rollbacks.approve({ incidentId: INCIDENT, rollbackId: planned.id }))).toMatch(/already approved/);
    expect(await refused(fx.rollbacks.confirm({ incidentId: INCIDENT, rollbackId: planned.id, typedName: 'checkout' }))).toMatch(/someone other than you/);

    who.current = people.omar;
    const approved = await fx.rollbacks.approve({ incidentId: INCIDENT, rollbackId: planned.id });
    expect(approved.approvals?.map((a) => [a.by, a.handle, a.deviceId])).toEqual([
      ['ines', 'ines', 'dev_iiiiiiiiiiiiiiii'],
      ['omar', 'omar.h', 'dev_oooooooooooooooo'],
    ]);
    const approvalEvent = fx.events().at(-1)!;
    expect(toTimelineEntry(approvalEvent).text).toBe(`omar (@omar.h) approved the rollback of checkout to v1.0.0 (${planned.id})`);

    who.current = people.ines;
    await fx.rollbacks.confirm({ incidentId: INCIDENT, rollbackId: planned.id, typedName: 'checkout' });
    await fx.rollbacks.settled(planned.id);
    const confirmed = fx.events().find((e) => e.type === 'rollback.confirmed')!;
    expect(confirmed).toMatchObject({ actor: 'ines', payload: { approver: 'omar', approvalId: `dev_rollback_tests.${approvalEvent.seq}` } });
    expect(confirmed.payload).not.toHaveProperty('approvalSeq');
    expect(fx.rollbacks.list(INCIDENT)[0]).toMatchObject({ stage: 'completed', approver: 'omar', confirmedBy: 'ines' });
  });

  it('a plan that is no longer planned cannot be approved; without the policy no approval is needed', async () => {
    const { fx } = await setUp(false);
    const planned = await fx.rollbacks.plan({ incidentId: INCIDENT, service: 'checkout', strategy: 'revert' });
    await fx.rollbacks.confirm({ incidentId: INCIDENT, rollbackId: planned.id, typedName: 'checkout' });
    await fx.rollbacks.settled(planned.id);
    expect(await refused(fx.rollbacks.approve({ incidentId: INCIDENT, rollbackId: planned.id }))).toMatch(/already completed; only a plan can be approved/);
    expect(fx.rollbacks.list(INCIDENT)[0]!.approver).toBeUndefined();
  });

  it('old logs with a typed approver still fold and read the same', () => {
    const base = { v: 1 as const, ts: '2026-03-01T10:00:00.000Z', actor: 'lee' };
    const plan = { service: 'api', strategy: 'command', direction: 'rollback', summary: 'helm rollback', commands: [], commits: [] };
    const events = [
      { ...base, seq: 2, type: 'rollback.planned', payload: { rollbackId: 'rb-1', plan } },
      { ...base, seq: 3, type: 'rollback.confirmed', payload: { rollbackId: 'rb-1', service: 'api', direction: 'rollback', approver: 'priya' } },
    ] as unknown as IncidentEvent[];
    let map = new Map<string, RollbackState>();
    for (const e of events) map = applyRollbackEvent(map, e);
    expect(map.get('rb-1')).toMatchObject({ stage: 'running', approver: 'priya', confirmedBy: 'lee' });
    expect(toTimelineEntry(events[1]!).text).toBe('Rollback of api confirmed by lee, approved by priya');
  });
});
