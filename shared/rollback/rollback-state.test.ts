// Tests for the rollback projection: stages, steps, outcome, verification and roll-forward links, replayed from events.
import { describe, expect, it } from 'vitest';
import { IncidentEvent } from '../events';
import { toTimelineEntry } from '../timeline/describe-event';
import { awaitingVerification, canRollForward, projectRollbacks } from './rollback-state';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const R = 'c'.repeat(40);
let seq = 0;
const ev = (type: string, payload: unknown, actor = 'ines') =>
  IncidentEvent.parse({ v: 1, seq: ++seq, ts: `2026-03-01T10:00:${String(seq).padStart(2, '0')}.000Z`, actor, type, payload });

const plan = (over: Record<string, unknown> = {}) => ({
  service: 'checkout',
  strategy: 'revert',
  direction: 'rollback',
  summary: 'Revert 1 commit after v1.0.0',
  target: { sha: A, label: 'v1.0.0' },
  beforeSha: B,
  commits: [{ sha: B, author: 'Dana', subject: 'PAY-1 bad', merge: false, committedAt: '2026-03-01T09:00:00Z' }],
  commands: ['git revert --no-commit ' + B],
  reversible: true,
  ...over,
});

describe('projectRollbacks', () => {
  const events = [
    ev('incident.declared', { title: 'Checkout errors', severity: 'SEV2', commander: 'ines', services: ['checkout'] }),
    ev('rollback.planned', { rollbackId: 'rb-one-1', plan: plan() }),
    ev('rollback.confirmed', { rollbackId: 'rb-one-1', service: 'checkout', direction: 'rollback', approver: 'omar' }),
    ev('rollback.step', { rollbackId: 'rb-one-1', step: 'push', label: 'Push', status: 'started', command: 'git push' }),
    ev('rollback.step', { rollbackId: 'rb-one-1', step: 'push', label: 'Push', status: 'succeeded', outputTail: 'ok' }),
    ev('rollback.completed', { rollbackId: 'rb-one-1', service: 'checkout', summary: 'Moved main', beforeSha: B, afterSha: R }),
  ];

  it('folds plan, confirmation, steps (latest status per step) and outcome', () => {
    const [r] = projectRollbacks(events);
    expect(r).toMatchObject({ id: 'rb-one-1', stage: 'completed', confirmedBy: 'ines', approver: 'omar', outcome: { beforeSha: B, afterSha: R } });
    expect(r!.steps).toEqual([{ step: 'push', label: 'Push', status: 'succeeded', outputTail: 'ok', at: events[4]!.ts }]);
    expect(awaitingVerification(r!)).toBe(true);
    expect(canRollForward(r!, [r!])).toBe(true);
  });

  it('is a pure replay: any prefix gives the state at that point (playback)', () => {
    expect(projectRollbacks(events.slice(0, 2))[0]!.stage).toBe('planned');
    expect(projectRollbacks(events.slice(0, 4))[0]!.stage).toBe('running');
    expect(projectRollbacks(events.slice(0, 4))[0]!.steps[0]!.status).toBe('started');
    expect(projectRollbacks(events.slice(0, 1))).toEqual([]);
  });

  it('links a completed roll forward to the rollback it undid and records verification', () => {
    const more = [
      ...events,
      ev('rollback.verified', { rollbackId: 'rb-one-1', service: 'checkout', method: 'manual', outcome: 'unhealthy', note: 'still failing' }),
      ev('rollback.planned', { rollbackId: 'rb-two-2', plan: plan({ direction: 'roll-forward', forwardOf: 'rb-one-1', target: undefined }) }),
    ];
    const pending = projectRollbacks(more);
    expect(canRollForward(pending[0]!, pending)).toBe(false);
    const all = projectRollbacks([...more, ev('rollback.confirmed', { rollbackId: 'rb-two-2', service: 'checkout', direction: 'roll-forward' }), ev('rollback.completed', { rollbackId: 'rb-two-2', service: 'checkout', summary: 'Reverted the revert' })]);
    expect(all[0]).toMatchObject({ rolledForwardBy: 'rb-two-2', verification: { method: 'manual', outcome: 'unhealthy', by: 'ines' } });
    expect(canRollForward(all[0]!, all)).toBe(false);
    expect(canRollForward(all[1]!, all)).toBe(false);
  });

  it('records failures and cancellations with the reported state, and ignores events of unknown rollbacks', () => {
    const failed = projectRollbacks([
      events[1]!,
      ev('rollback.failed', { rollbackId: 'rb-one-1', service: 'checkout', reason: 'lease_rejected', message: 'moved', state: 'Remote unchanged', remoteSha: A }),
      ev('rollback.cancelled', { rollbackId: 'rb-nope-9', service: 'checkout', reason: 'x', state: 'y' }),
    ]);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ stage: 'failed', failure: { reason: 'lease_rejected', remoteSha: A, state: 'Remote unchanged' } });
  });

  it('describes each rollback event on the timeline under the rollback source', () => {
    const lines = events.slice(1).map((e) => toTimelineEntry(e));
    expect(lines.every((l) => l.source === 'rollback')).toBe(true);
    expect(lines[1]!.text).toBe('Rollback of checkout confirmed by ines, approved by omar');
    expect(lines[4]!.text).toBe('Rollback of checkout completed (bbbbbbbb → cccccccc): Moved main');
  });
});
