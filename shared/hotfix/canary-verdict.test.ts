import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canaryVerdict, judgeQuery } from './canary-verdict';
import { CanaryQuery, RolloutConfig, queryFor } from './rollout-config';

const errorRatio = CanaryQuery.parse({ id: 'errors', label: 'Error ratio', kind: 'error-ratio', template: 'errors{track="{{track}}"}', maxDelta: 0.02, test: { kind: 'mann-whitney-u' } });
const latency = CanaryQuery.parse({ id: 'p99', label: 'p99 latency', kind: 'latency', canary: 'p99_canary', baseline: 'p99_baseline', maxRatio: 1.5, unit: 's' });
const throughput = CanaryQuery.parse({ id: 'rps', label: 'Throughput', direction: 'lower-is-worse', template: 'rps{track="{{track}}"}', maxRatio: 1.25 });
const values = (min: number, max: number, n = 8) => fc.array(fc.double({ min, max, noNaN: true }), { minLength: n, maxLength: 40 });

describe('canary verdict', () => {
  it('passes a canary like its baseline and fails one whose error ratio rose, saying why per query', () => {
    const same = [0.01, 0.012, 0.009, 0.011, 0.01, 0.013, 0.01, 0.011];
    const pass = canaryVerdict([errorRatio, latency], { errors: { canary: same, baseline: same }, p99: { canary: [0.2, 0.21, 0.2, 0.22, 0.2], baseline: [0.2, 0.2, 0.19, 0.21, 0.2] } });
    expect(pass.outcome).toBe('pass');
    expect(pass.queries.map((q) => q.outcome)).toEqual(['pass', 'pass']);
    expect(pass.queries[0]!.reasons.join('\n')).toMatch(/within the allowed difference of 0\.02/);
    expect(pass.queries[0]!.reasons.join('\n')).toMatch(/finds no evidence the canary is higher — p = [\d.]+ ≥ α 0\.05/);

    const risen = same.map((v) => v + 0.2);
    const fail = canaryVerdict([errorRatio, latency], { errors: { canary: risen, baseline: same }, p99: { canary: [0.5, 0.5, 0.5, 0.5, 0.5], baseline: [0.2, 0.2, 0.2, 0.2, 0.2] } });
    expect(fail.outcome).toBe('fail');
    expect(fail.queries[0]).toMatchObject({ outcome: 'fail', canary: { samples: 8 }, baseline: { samples: 8 } });
    expect(fail.queries[0]!.pValue).toBeLessThan(0.05);
    expect(fail.queries[0]!.reasons[0]).toMatch(/^Error ratio: canary 0\.211 vs baseline 0\.0107 — 0\.2 higher, over the allowed difference of 0\.02$/);
    expect(fail.queries[1]!.reasons[0]).toBe('p99 latency: canary 0.5 s vs baseline 0.2 s — 2.5× higher, over the allowed ratio of 1.5×');
  });

  it('never passes without enough samples, and ignores NaN (no traffic) as samples', () => {
    const v = canaryVerdict([errorRatio], { errors: { canary: [0.01, NaN, NaN, NaN, NaN, 0.01], baseline: [0.01, 0.01, 0.01, 0.01, 0.01] } });
    expect(v.outcome).toBe('fail');
    expect(v.queries[0]).toMatchObject({ outcome: 'inconclusive', canary: { samples: 2 } });
    expect(v.queries[0]!.reasons[0]).toMatch(/only 2 canary and 5 baseline samples; at least 5/);
    expect(canaryVerdict([errorRatio], {}).outcome).toBe('fail');
    expect(canaryVerdict([], {}).outcome).toBe('fail');
  });

  it('reads "lower is worse" the other way round', () => {
    const base = [100, 102, 98, 101, 99];
    expect(judgeQuery(throughput, { canary: [60, 61, 59, 60, 62], baseline: base }).outcome).toBe('fail');
    expect(judgeQuery(throughput, { canary: [200, 210, 190, 205, 199], baseline: base }).outcome).toBe('pass');
  });

  it('property: a canary never worse than its baseline always passes a threshold rule; one far worse always fails', () => {
    fc.assert(
      fc.property(values(0, 0.05), fc.double({ min: 0, max: 0.3, noNaN: true }), (baseline, better) => {
        const canary = baseline.map((v) => Math.max(0, v - better));
        expect(judgeQuery(errorRatio, { canary, baseline }).outcome).toBe('pass');
        const worse = baseline.map((v) => v + 0.5);
        const judged = judgeQuery(errorRatio, { canary: worse, baseline });
        expect(judged.outcome).toBe('fail');
        expect(judged.reasons.some((r) => r.includes('over the allowed difference'))).toBe(true);
      }),
    );
  });

  it('property: the overall verdict passes exactly when every query passes', () => {
    fc.assert(
      fc.property(values(0, 1, 5), values(0, 1, 5), values(0.1, 1, 5), values(0.1, 1, 5), (ec, eb, lc, lb) => {
        const v = canaryVerdict([errorRatio, latency], { errors: { canary: ec, baseline: eb }, p99: { canary: lc, baseline: lb } });
        expect(v.outcome === 'pass').toBe(v.queries.every((q) => q.outcome === 'pass'));
        for (const q of v.queries) expect(q.reasons.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('rollout configuration', () => {
  const stage = { id: 'canary-5', label: 'Canary 5%', percent: 5, run: { command: 'kubectl', args: ['argo', 'rollouts', 'set', 'weight', 'checkout', '5'] } };

  it('fills sensible defaults and builds each track\'s query from the template', () => {
    const c = RolloutConfig.parse({ stages: [stage], analysis: { queries: [errorRatio] } });
    expect(c.stages[0]).toMatchObject({ bakeSeconds: 300, analyze: true, advance: 'on-click', run: { timeoutMs: 300_000 } });
    expect(c).toMatchObject({ onFailure: 'offer-rollback', analysis: { stepSeconds: 15 } });
    expect(queryFor(errorRatio, 'canary')).toBe('errors{track="canary"}');
    expect(queryFor(latency, 'baseline')).toBe('p99_baseline');
  });

  it('refuses configurations that cannot be judged or run, with messages that say what to fix', () => {
    const issues = (v: unknown) => RolloutConfig.safeParse(v).error?.issues.map((i) => i.message) ?? [];
    expect(issues({ stages: [stage] })).toContain('Stage analyses need an analysis section with queries (or set analyze: false)');
    expect(issues({ stages: [stage, stage], analysis: { queries: [errorRatio] } })).toContain('Stage "canary-5" is listed twice');
    expect(issues({ stages: [{ ...stage, analyze: false }], onFailure: 'rollback-automatically' })).toContain('Automatic rollback needs the strategy to run');
    const q = (extra: object) => CanaryQuery.safeParse({ id: 'q', label: 'Q', ...extra }).error?.issues.map((i) => i.message) ?? [];
    expect(q({ template: 'errors', maxDelta: 1 })).toContain('The template must contain {{track}} where the track goes');
    expect(q({ canary: 'a', maxDelta: 1 })).toContain('Give a template with {{track}}, or both a canary and a baseline query');
    expect(q({ template: 'e{t="{{track}}"}' })).toContain('Set a decision rule: maxRatio, maxDelta and/or a statistical test');
  });
});
