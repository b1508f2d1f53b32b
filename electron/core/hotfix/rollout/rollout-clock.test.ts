// The engine's analysis loop on an injected clock (no waiting): progress over the bake time, a pause that a retry resolves,
// automatic advance after a pass, and output summaries of a running stage. Prometheus itself is covered by the real-server test.
import { afterEach, describe, expect, it } from 'vitest';
import type { MetricSeries } from '../../../../shared/metrics/series';
import type { Clock } from '../../rollback/health-verification';
import type { QueryRange } from './canary-sampler';
import { RolloutEngine } from './rollout-engine';
import { HOTFIX, INCIDENT, nodeStage, rolloutFixture, type RolloutFixture } from './rollout.test-support';

let fx: RolloutFixture;
afterEach(async () => fx?.cleanup());

/** Time moves only when the engine sleeps. */
function manualClock(start = Date.parse('2026-12-02T10:00:00Z')): Clock & { slept: number[] } {
  let now = start;
  const slept: number[] = [];
  return { slept, now: () => now, sleep: async (ms) => void (slept.push(ms), (now += ms)) };
}

/** Answers each track with a value per step; `down` makes it throw like an unreachable server. */
function scriptedRange(values: { canary: number; baseline: number }, state: { down: boolean; calls: string[] }): QueryRange {
  return async (promql, start, end, step) => {
    state.calls.push(promql);
    if (state.down) throw new Error('127.0.0.1:9 refused the connection: nothing is listening there.');
    const t: number[] = [];
    for (let s = start; s <= end; s += step) t.push(s * 1000);
    const v = promql.includes('canary') ? values.canary : values.baseline;
    return [{ labels: {}, t, v: t.map(() => v) }] satisfies MetricSeries[];
  };
}

const config = {
  stages: [nodeStage('canary-5', 'console.log("5%")', { analyze: true, advance: 'automatic', bakeSeconds: 120 }), nodeStage('all', 'console.log("100%")')],
  analysis: { stepSeconds: 10, queries: [{ id: 'errors', label: 'Error ratio', template: 'errors{track="{{track}}"}', maxDelta: 0.02 }] },
};

describe('rollout engine on an injected clock', () => {
  it('pauses while Prometheus is down, passes on retry once it answers, and then goes on by itself', async () => {
    fx = await rolloutFixture(config);
    const clock = manualClock();
    const prom = { down: true, calls: [] as string[] };
    const engine = new RolloutEngine({ store: fx.store, catalogue: fx.catalogue, operator: () => 'ines', clock, queryRange: scriptedRange({ canary: 0.01, baseline: 0.01 }, prom) });
    const started = await engine.start({ incidentId: INCIDENT, hotfixId: HOTFIX, service: 'checkout' });
    await engine.settled(started.id);
    expect(fx.state(started.id)).toMatchObject({ status: 'paused', stages: [{ analysis: { status: 'paused' } }, { status: 'pending' }] });
    expect(fx.state(started.id).stages[0]!.analysis!.message).toContain('refused the connection');
    prom.down = false;
    await engine.advance({ incidentId: INCIDENT, rolloutId: started.id });
    await engine.settled(started.id);
    const done = fx.state(started.id);
    expect(done.status).toBe('completed');
    expect(done.stages[0]!.analysis).toMatchObject({ status: 'pass', queries: [{ outcome: 'pass', canary: { samples: 13 }, baseline: { samples: 13 } }] });
    // Six progress samples over 120 s (every 20 s), then the verdict over the whole window.
    expect(fx.ofType('rollout.analysis_progress').map((e) => e.payload.elapsedSeconds)).toEqual([20, 40, 60, 80, 100]);
    expect(clock.slept.slice(-6)).toEqual([20_000, 20_000, 20_000, 20_000, 20_000, 20_000]);
    expect(prom.calls).toContain('errors{track="canary"}');
    expect(prom.calls).toContain('errors{track="baseline"}');
    expect(fx.ofType('rollout.stage_advanced').map((e) => e.payload.action)).toEqual(['retry-analysis']);
    await engine.close();
  });

  it('pauses, never passes, without a configured Prometheus; a stopped rollout offers the rollback', async () => {
    fx = await rolloutFixture(config);
    const engine = new RolloutEngine({ store: fx.store, catalogue: fx.catalogue, operator: () => 'ines', clock: manualClock(), rollbacks: fx.rollbacks });
    const started = await engine.start({ incidentId: INCIDENT, hotfixId: HOTFIX, service: 'checkout' });
    await engine.settled(started.id);
    expect(fx.state(started.id).stages[0]!.analysis!.message).toMatch(/^No Prometheus server is configured/);
    const stopped = await engine.cancel({ incidentId: INCIDENT, rolloutId: started.id });
    expect(stopped).toMatchObject({ status: 'aborted', aborted: { reason: 'cancelled', message: 'Cancelled by the commander' }, rollback: { offered: true, strategy: 'command' } });
    expect(fx.ofType('rollout.analysis_finished').map((e) => e.payload.outcome)).toEqual(['paused']);
    await engine.close();
  });

  it('records output summaries of a running stage before its outcome', async () => {
    fx = await rolloutFixture({ stages: [nodeStage('canary-5', 'let n=0; const t=setInterval(() => { console.log("pods ready " + (++n) + "/3"); if (n === 3) clearInterval(t); }, 50)')] });
    const engine = new RolloutEngine({ store: fx.store, catalogue: fx.catalogue, operator: () => 'ines', summaryEveryMs: 0 });
    const started = await engine.start({ incidentId: INCIDENT, hotfixId: HOTFIX, service: 'checkout' });
    await engine.settled(started.id);
    const types = fx.events().map((e) => e.type).filter((t) => t.startsWith('rollout.stage'));
    expect(types[0]).toBe('rollout.stage_started');
    expect(types.at(-1)).toBe('rollout.stage_finished');
    const summaries = fx.ofType('rollout.stage_output');
    expect(summaries.length).toBeGreaterThan(0);
    expect(summaries.at(-1)!.payload).toMatchObject({ lines: 3, outputTail: 'pods ready 1/3\npods ready 2/3\npods ready 3/3\n' });
    await engine.close();
  });
});
