// @vitest-environment happy-dom
// The rollout section: start once approved, the stages with their output, the canary analysis with reasons and the
// canary-vs-baseline chart, going on when it waits for a click, and the rollback offered after an abort.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, IncidentEvent } from '../../../../../shared/events';
import type { HotfixState } from '../../../../../shared/hotfix/hotfix-state';
import { projectRollouts, type RolloutState } from '../../../../../shared/hotfix/rollout-state';
import type { RollbackState } from '../../../../../shared/rollback/rollback-state';
import type { ServiceConfig } from '../../../../../shared/services/service-config';
import { renderWithCore, resetCore } from '../../../test/render-with-core';
import { RolloutSection } from './RolloutSection';

const ID = 'inc-1';
const HF = 'HF-20261202-1';
const RO = 'ro-test-0001';
let seq = 0;
const ev = (type: string, payload: unknown) => IncidentEvent.parse({ v: EVENT_SCHEMA_VERSION, seq: ++seq, ts: `2026-12-02T10:${String(seq).padStart(2, '0')}:00.000Z`, actor: 'ana', type, payload });
const ids = { hotfixId: HF, rolloutId: RO };
const t0 = Date.parse('2026-12-02T10:05:00Z');
const points = (values: number[]) => values.map((v, i) => [t0 + i * 15_000, v] as [number, number]);

function analysed(outcome: 'pass' | 'fail'): RolloutState[] {
  seq = 0;
  const canary = outcome === 'pass' ? [0.01, 0.012, 0.011, 0.01, 0.01] : [0.2, 0.25, 0.3, 0.28, 0.3];
  const events = [
    ev('rollout.started', { ...ids, service: 'checkout', onFailure: 'offer-rollback', rollbackStrategy: 'revert', stages: [{ id: 'canary-5', label: 'Canary 5%', percent: 5, analyze: true, advance: 'on-click', bakeSeconds: 60 }, { id: 'full', label: 'All traffic', percent: 100, analyze: false, advance: 'automatic', bakeSeconds: 60 }] }),
    ev('rollout.stage_started', { ...ids, stageId: 'canary-5', label: 'Canary 5%', command: 'kubectl argo rollouts set weight checkout 5', timeoutMs: 60_000 }),
    ev('rollout.stage_finished', { ...ids, stageId: 'canary-5', outcome: 'succeeded', exitCode: 0, durationMs: 900, message: 'Canary 5% done', outputTail: 'weight set to 5\n' }),
    ev('rollout.analysis_started', { ...ids, stageId: 'canary-5', from: new Date(t0).toISOString(), bakeSeconds: 60, stepSeconds: 15, queries: [{ id: 'errors', label: 'Error ratio' }] }),
    ev('rollout.analysis_finished', {
      ...ids,
      stageId: 'canary-5',
      outcome,
      from: new Date(t0).toISOString(),
      to: new Date(t0 + 60_000).toISOString(),
      queries: [{ queryId: 'errors', label: 'Error ratio', outcome, reasons: [outcome === 'pass' ? 'Error ratio: canary 0.0106 vs baseline 0.0104 — within the allowed difference of 0.02' : 'Error ratio: canary 0.266 vs baseline 0.0104 — 0.256 higher, over the allowed difference of 0.02'], canary: { samples: 5, mean: 0.01 }, baseline: { samples: 5, mean: 0.01 } }],
      series: [{ queryId: 'errors', label: 'Error ratio', unit: '', canary: points(canary), baseline: points([0.01, 0.011, 0.01, 0.01, 0.01]) }],
    }),
    ...(outcome === 'fail'
      ? [
          ev('rollout.aborted', { ...ids, stageId: 'canary-5', reason: 'analysis_failed', message: 'The canary analysis after "Canary 5%" failed; the rollout stopped there.' }),
          ev('rollout.rollback_offered', { ...ids, service: 'checkout', strategy: 'revert', message: 'Plan and confirm the revert rollback of checkout in the Rollback pane.' }),
        ]
      : []),
  ];
  return projectRollouts(events);
}

const hotfix = (stage: HotfixState['stage']) => ({ id: HF, service: 'checkout', stage }) as HotfixState;
const service = {
  name: 'checkout',
  rollout: { stages: [{ id: 'canary-5', label: 'Canary 5%' }, { id: 'full', label: 'All traffic' }] },
} as unknown as ServiceConfig;

describe('RolloutSection', () => {
  afterEach(resetCore);

  it('starts the rollout of an approved hot fix, and names the stages it will run', async () => {
    const { callsTo } = renderWithCore(<RolloutSection incidentId={ID} hotfix={hotfix('approved')} service={service} rollouts={[]} readOnly={false} />, {
      'hotfix.startRollout': () => analysed('pass')[0]!,
    });
    expect(screen.getByText('Canary 5% → All traffic')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Start the rollout' }));
    await waitFor(() => expect(callsTo('hotfix.startRollout')).toEqual([{ incidentId: ID, hotfixId: HF }]));
  });

  it('shows the passed analysis with its chart and goes on to the next stage on a click', async () => {
    const rollouts = analysed('pass');
    expect(rollouts[0]!.status).toBe('waiting');
    const { callsTo } = renderWithCore(<RolloutSection incidentId={ID} hotfix={hotfix('rolling-out')} service={service} rollouts={rollouts} readOnly={false} />, {
      'hotfix.advanceStage': () => rollouts[0]!,
    });
    expect(screen.getByRole('status').textContent).toBe('Canary 5% passed. Waiting for your go to start All traffic.');
    const stage = screen.getByRole('listitem', { name: 'Canary 5%: Done' });
    expect(within(stage).getByLabelText('Output of Canary 5%').textContent).toBe('weight set to 5\n');
    const analysis = within(stage).getByRole('group', { name: 'Canary analysis after Canary 5%' });
    expect(analysis.textContent).toContain('Passed');
    expect(analysis.textContent).toContain('within the allowed difference of 0.02');
    expect(within(analysis).getByRole('figure', { name: 'Error ratio: canary and baseline' }).getAttribute('data-points')).toBe('5');
    expect(screen.getByRole('listitem', { name: 'All traffic: Not started' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Start All traffic' }));
    await waitFor(() => expect(callsTo('hotfix.advanceStage')).toEqual([{ incidentId: ID, rolloutId: RO }]));
  });

  it('after a failed analysis says why, offers the rollback, and offers no controls in playback', () => {
    renderWithCore(<RolloutSection incidentId={ID} hotfix={hotfix('approved')} service={service} rollouts={analysed('fail')} readOnly />, {});
    expect(screen.getByRole('status').textContent).toBe('Stopped at Canary 5%: The canary analysis after "Canary 5%" failed; the rollout stopped there.');
    expect(screen.getByRole('group', { name: 'Canary analysis after Canary 5%' }).textContent).toContain('0.256 higher, over the allowed difference of 0.02');
    expect(screen.getByRole('note', { name: 'Rollback' }).textContent).toContain('Plan and confirm the revert rollback of checkout in the Rollback pane.');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('plans the offered rollback in one click with the strategy the hot fix chose, then focuses its Confirm in the Rollback pane', async () => {
    const planned: RollbackState = {
      id: 'rb-7',
      plan: { service: 'checkout', strategy: 'revert', direction: 'rollback', summary: 'revert the fix on refs/heads/main', commits: [], commands: [], reversible: true },
      plannedAt: '2026-12-02T10:09:00.000Z',
      plannedBy: 'ana',
      stage: 'planned',
      steps: [],
    };
    let rollbacks: RollbackState[] = [];
    const { callsTo } = renderWithCore(
      <>
        <RolloutSection incidentId={ID} hotfix={{ ...hotfix('approved'), change: { base: { label: 'v1.3.0', sha: 'a'.repeat(40) } } as HotfixState['change'] }} service={service} rollouts={analysed('fail')} readOnly={false} />
        <section data-pane="rollback" aria-label="Rollback pane">
          <article data-rollback-id="rb-7">
            <div className="form-actions">
              <button type="button" className="primary">
                Confirm…
              </button>
            </div>
          </article>
        </section>
      </>,
      {
        'rollback.list': () => rollbacks,
        'rollback.plan': () => {
          rollbacks = [planned];
          return planned;
        },
      },
    );
    const note = screen.getByRole('note', { name: 'Rollback' });
    fireEvent.click(within(note).getByRole('button', { name: 'Plan the revert rollback of checkout to v1.3.0' }));
    await waitFor(() => expect(callsTo('rollback.plan')).toEqual([{ incidentId: ID, service: 'checkout', strategy: 'revert', target: 'v1.3.0' }]));
    await waitFor(() => expect(note.textContent).toContain('The revert rollback of checkout is planned: review and confirm it in the Rollback pane.'));
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Confirm…'));
    expect(within(note).queryByRole('button', { name: /Plan the/ })).toBeNull();
    (document.activeElement as HTMLElement).blur();
    fireEvent.click(within(note).getByRole('button', { name: 'Show it in the Rollback pane' }));
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Confirm…'));
    expect(callsTo('rollback.plan')).toHaveLength(1);
  });
});
