// Tests for the rollback pane's pure helpers.
import { describe, expect, it } from 'vitest';
import type { RollbackState } from '../../../../shared/rollback/rollback-state';
import { actionsFor, currentRollback, stageLabel } from './rollback-view';

const r = (id: string, over: Partial<RollbackState>): RollbackState => ({
  id,
  plan: { service: 'checkout', strategy: 'revert', direction: 'rollback', summary: '', commits: [], commands: [], reversible: true },
  plannedAt: '2026-03-01T10:00:00Z',
  plannedBy: 'ines',
  stage: 'planned',
  steps: [],
  ...over,
});

describe('rollback view', () => {
  it('focuses the newest rollback that still needs the operator', () => {
    const done = r('rb-done-1', { stage: 'completed', verification: { method: 'manual', outcome: 'healthy', by: 'ines', at: '' } });
    const unverified = r('rb-unv-2', { stage: 'completed' });
    const failed = r('rb-fail-3', { stage: 'failed' });
    expect(currentRollback([done, unverified, failed])?.id).toBe('rb-unv-2');
    expect(currentRollback([done, failed])).toBeUndefined();
    expect(stageLabel(unverified)).toBe('completed — verify');
    expect(stageLabel(done)).toBe('completed, verified healthy');
  });

  it('offers only the actions that are valid now, and none in playback', () => {
    const planned = r('rb-plan-1', {});
    expect(actionsFor(planned, [planned], false)).toEqual({ confirm: true, discard: true, cancel: false, verify: false, rollForward: false });
    const completed = r('rb-done-2', { stage: 'completed' });
    expect(actionsFor(completed, [completed], false)).toMatchObject({ verify: true, rollForward: true });
    expect(actionsFor(completed, [completed], true)).toMatchObject({ verify: false, rollForward: false });
  });
});
