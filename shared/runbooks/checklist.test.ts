// Tests for the checklist projection: attach snapshot, check/uncheck/skip/assign/note, progress, and change validation.
import { describe, expect, it } from 'vitest';
import { IncidentEvent, type NewEvent } from '../events';
import { toTimelineEntry } from '../timeline/describe-event';
import { applyChecklistEvent, projectChecklists, stepChangeProblem, stepsBySection } from './checklist';

let seq = 0;
function ev(e: NewEvent): IncidentEvent {
  seq += 1;
  return IncidentEvent.parse({ v: 1, seq, ts: new Date(Date.UTC(2026, 0, 1, 10, 0, seq)).toISOString(), ...e });
}
const ref = (stepId: string) => ({ runbookId: 'bundled/bad-deploy', runbookTitle: 'Bad deploy', stepId, stepText: `text of ${stepId}` });

const log = [
  ev({ type: 'incident.declared', actor: 'ana', payload: { title: 'Checkout down', severity: 'SEV1', commander: 'ana', services: [] } }),
  ev({
    type: 'runbook.attached',
    actor: 'ana',
    payload: {
      runbookId: 'bundled/bad-deploy',
      title: 'Bad deploy',
      origin: 'bundled',
      path: 'bad-deploy.md',
      version: 'sha256:abc',
      steps: [
        { id: 'step-1', text: 'Confirm the deploy', section: 'Confirm' },
        { id: 'step-2', text: 'Roll back', action: 'rollback' },
        { id: 'step-3', text: 'Tell support' },
      ],
    },
  }),
  ev({ type: 'runbook.step_checked', actor: 'ben', payload: ref('step-1') }),
  ev({ type: 'runbook.step_skipped', actor: 'ana', payload: { ...ref('step-3'), reason: 'Support already knows' } }),
  ev({ type: 'runbook.step_assigned', actor: 'ana', payload: { ...ref('step-2'), owner: 'carol' } }),
  ev({ type: 'runbook.step_noted', actor: 'carol', payload: { ...ref('step-2'), text: 'Waiting for approval' } }),
];

describe('projectChecklists', () => {
  it('folds the attached snapshot and step changes into one checklist with progress', () => {
    const [list] = projectChecklists(log);
    expect(list!.title).toBe('Bad deploy');
    expect(list!.attached).toEqual({ actor: 'ana', at: log[1]!.ts, seq: 2 });
    expect(list!.steps.map((s) => s.status)).toEqual(['done', 'open', 'skipped']);
    expect(list!.steps[0]!.resolved).toEqual({ actor: 'ben', at: log[2]!.ts, seq: 3 });
    expect(list!.steps[2]!.skipReason).toBe('Support already knows');
    expect(list!.steps[1]).toMatchObject({ owner: 'carol', action: 'rollback', notes: [{ actor: 'carol', text: 'Waiting for approval', seq: 6 }] });
    expect(list!.progress).toEqual({ done: 1, skipped: 1, total: 3, percent: 66 });
  });

  it('unchecking clears who resolved the step and any skip reason', () => {
    const lists = projectChecklists([...log, ev({ type: 'runbook.step_unchecked', actor: 'ana', payload: ref('step-3') })]);
    const step = lists[0]!.steps[2]!;
    expect(step.status).toBe('open');
    expect(step.resolved).toBeUndefined();
    expect(step.skipReason).toBeUndefined();
    expect(lists[0]!.progress.percent).toBe(33);
  });

  it('never mutates an earlier state (playback keeps checkpoints)', () => {
    const before = projectChecklists(log.slice(0, 2));
    const snapshot = JSON.stringify(before);
    applyChecklistEvent(before, log[2]!);
    expect(JSON.stringify(before)).toBe(snapshot);
    expect(before[0]!.progress.percent).toBe(0);
  });

  it('ignores a second attach of the same runbook and events for unknown runbooks', () => {
    const lists = projectChecklists([...log, log[1]!, ev({ type: 'runbook.step_checked', actor: 'x', payload: { ...ref('step-2'), runbookId: 'other' } })]);
    expect(lists).toHaveLength(1);
    expect(lists[0]!.steps[1]!.status).toBe('open');
  });
});

describe('stepChangeProblem', () => {
  const lists = projectChecklists(log);
  it('explains impossible changes and allows sensible ones', () => {
    expect(stepChangeProblem(lists, 'nope', 'step-1', 'check')?.message).toMatch(/not attached/);
    expect(stepChangeProblem(lists, 'bundled/bad-deploy', 'step-9', 'check')).toEqual({ code: 'not_found', message: expect.stringMatching(/no step step-9 \(it has 3 steps\)/) });
    expect(stepChangeProblem(lists, 'bundled/bad-deploy', 'step-1', 'check')).toEqual({ code: 'conflict', message: expect.stringMatching(/already checked/) });
    expect(stepChangeProblem(lists, 'bundled/bad-deploy', 'step-2', 'uncheck')?.message).toMatch(/not checked/);
    expect(stepChangeProblem(lists, 'bundled/bad-deploy', 'step-3', 'skip')?.message).toMatch(/already skipped/);
    expect(stepChangeProblem(lists, 'bundled/bad-deploy', 'step-3', 'check')).toBeUndefined();
    expect(stepChangeProblem(lists, 'bundled/bad-deploy', 'step-1', 'note')).toBeUndefined();
  });
});

describe('describeRunbookEvent', () => {
  it('names the step and the runbook by its short title on the timeline', () => {
    const skipped = ev({ type: 'runbook.step_skipped', actor: 'ana', payload: { ...ref('step-3'), runbookTitle: 'Bad deploy — errors after a release', reason: 'n/a' } });
    expect(toTimelineEntry(skipped)).toMatchObject({ source: 'runbooks', text: 'Skipped “text of step-3” in Bad deploy: n/a' });
    expect(toTimelineEntry(log[1]!).text).toBe('Runbook attached: Bad deploy (3 steps)');
  });
});

describe('stepsBySection', () => {
  it('groups consecutive steps by heading and keeps a heading that comes back as a new group', () => {
    const groups = stepsBySection([{ section: 'A' }, { section: 'A' }, {}, { section: 'A' }]);
    expect(groups.map((g) => [g.section, g.steps.length])).toEqual([
      ['A', 2],
      ['', 1],
      ['A', 1],
    ]);
  });
});
