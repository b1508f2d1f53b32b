import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, IncidentEvent } from '../events';
import { cockpitProjection } from '../playback/cockpit-projection';
import { toTimelineEntry } from '../timeline/describe-event';
import { hotfixReviewLines } from '../review/review-hotfix';
import { projectHotfixes } from './hotfix-state';
import { rolloutReviewLines } from './rollout-review';
import { projectRollouts } from './rollout-state';

const HF = 'HF-20261202-1';
const ids = { hotfixId: HF, rolloutId: 'ro-test-0001' };
let seq = 0;
const ev = (type: string, payload: unknown, actor = 'ana') => IncidentEvent.parse({ v: EVENT_SCHEMA_VERSION, seq: ++seq, ts: `2026-12-02T10:${String(seq).padStart(2, '0')}:00.000Z`, actor, type, payload });

function log(end: 'paused' | 'aborted' | 'completed') {
  seq = 0;
  const events = [
    ev('incident.declared', { title: 'Checkout timeouts', severity: 'SEV2', commander: 'ana', services: ['checkout'] }),
    ev('hotfix.opened', { hotfixId: HF, service: 'checkout', symptom: 'Checkouts time out', intendedChange: 'Lower the timeout', severity: 'SEV2', approvalRule: { approvers: 1, cabOnly: false }, cab: [] }),
    ev('rollout.started', { ...ids, service: 'checkout', onFailure: 'offer-rollback', stages: [{ id: 'canary-5', label: 'Canary 5%', analyze: true, advance: 'automatic', bakeSeconds: 60 }, { id: 'full', label: 'All traffic', analyze: false, advance: 'automatic', bakeSeconds: 60 }] }),
    ev('rollout.stage_started', { ...ids, stageId: 'canary-5', label: 'Canary 5%', command: 'deploy 5', timeoutMs: 1000 }),
    ev('rollout.stage_finished', { ...ids, stageId: 'canary-5', outcome: 'succeeded', exitCode: 0, durationMs: 10, message: 'Canary 5% done' }),
    ev('rollout.analysis_started', { ...ids, stageId: 'canary-5', from: '2026-12-02T10:05:00.000Z', bakeSeconds: 60, stepSeconds: 15, queries: [{ id: 'errors', label: 'Error ratio' }] }),
  ];
  const window = { from: '2026-12-02T10:05:00.000Z', to: '2026-12-02T10:06:00.000Z', series: [] };
  if (end === 'paused') events.push(ev('rollout.analysis_finished', { ...ids, stageId: 'canary-5', outcome: 'paused', ...window, queries: [], message: 'Prometheus could not be asked: refused' }));
  if (end === 'aborted') {
    events.push(ev('rollout.analysis_finished', { ...ids, stageId: 'canary-5', outcome: 'fail', ...window, queries: [{ queryId: 'errors', label: 'Error ratio', outcome: 'fail', reasons: ['Error ratio: canary 0.3 vs baseline 0.01 — 0.29 higher, over the allowed difference of 0.02'], canary: { samples: 5, mean: 0.3 }, baseline: { samples: 5, mean: 0.01 } }] }));
    events.push(ev('rollout.aborted', { ...ids, stageId: 'canary-5', reason: 'analysis_failed', message: 'The canary analysis failed' }));
    events.push(ev('rollout.rollback_offered', { ...ids, service: 'checkout', strategy: 'revert', message: 'Plan it' }));
  }
  if (end === 'completed') {
    events.push(ev('rollout.analysis_finished', { ...ids, stageId: 'canary-5', outcome: 'pass', ...window, queries: [] }));
    events.push(ev('rollout.stage_started', { ...ids, stageId: 'full', label: 'All traffic', command: 'deploy 100', timeoutMs: 1000 }));
    events.push(ev('rollout.stage_finished', { ...ids, stageId: 'full', outcome: 'succeeded', exitCode: 0, durationMs: 10, message: 'All traffic done' }));
    events.push(ev('rollout.completed', { ...ids, service: 'checkout' }));
  }
  return events;
}

describe('rollout projection', () => {
  it('folds a paused analysis as paused (never passed), and playback replays the same state', () => {
    const events = log('paused');
    const [r] = projectRollouts(events);
    expect(r).toMatchObject({ status: 'paused', currentStageId: 'canary-5', stages: [{ status: 'succeeded', analysis: { status: 'paused', message: 'Prometheus could not be asked: refused' } }, { status: 'pending' }] });
    const projection = cockpitProjection('inc');
    const state = events.reduce((s, e) => projection.apply(s, e), projection.initial);
    expect([...state.rollouts.values()]).toEqual(projectRollouts(events));
    expect(rolloutReviewLines([r!])).toEqual(['- **Rollout ro-test-0001:** paused', '  - Canary 5%: done — canary analysis paused (not passed): Prometheus could not be asked: refused', '  - All traffic: not run']);
  });

  it('an abort offers the rollback; the review names the failing reason; the timeline says it in words', () => {
    const events = log('aborted');
    expect(projectRollouts(events)[0]).toMatchObject({ status: 'aborted', aborted: { reason: 'analysis_failed' }, rollback: { offered: true, strategy: 'revert' } });
    expect(hotfixReviewLines(events).join('\n')).toContain('  - Canary 5%: done — canary analysis failed: Error ratio: canary 0.3 vs baseline 0.01 — 0.29 higher, over the allowed difference of 0.02');
    const texts = events.map((e) => toTimelineEntry(e)).filter((e) => e.type.startsWith('rollout.')).map((e) => e.text);
    expect(texts).toContain('Canary analysis after canary-5 failed: Error ratio: canary 0.3 vs baseline 0.01 — 0.29 higher, over the allowed difference of 0.02');
    expect(texts).toContain('Rollout aborted at canary-5: The canary analysis failed');
  });

  it('moves the hot-fix track only from the stage each rollout event expects', () => {
    // Not approved: the rollout's events do not move the track (the engine refuses such a start; an imported log cannot force it).
    expect(projectHotfixes(log('completed'))[0]!.stage).toBe('open');
  });
});
