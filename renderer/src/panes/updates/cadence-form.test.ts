// Tests for the cadence settings form mapping: round trips, turning a severity off and keeping later phases.
import { describe, expect, it } from 'vitest';
import { CadencePolicy, defaultCadencePolicy } from '../../../../shared/updates/cadence';
import { policyOf, rowOf, ruleOf } from './cadence-form';

describe('cadence form', () => {
  it('round-trips the default policy', () => {
    const rows = { SEV1: rowOf(defaultCadencePolicy.SEV1), SEV2: rowOf(defaultCadencePolicy.SEV2), SEV3: rowOf(defaultCadencePolicy.SEV3), SEV4: rowOf(defaultCadencePolicy.SEV4) };
    expect(policyOf(rows)).toEqual(defaultCadencePolicy);
  });

  it('edits the first phase, keeps later ones and turns a severity on from a starting point', () => {
    const rule = { firstWithinMinutes: 5, phases: [{ untilMinutes: 60, everyMinutes: 15 }, { untilMinutes: 240, everyMinutes: 30 }], thenEveryMinutes: 120, audiences: ['support' as const] };
    const row = { ...rowOf(rule), every: '10' };
    expect(ruleOf(row)?.phases).toEqual([{ untilMinutes: 60, everyMinutes: 10 }, { untilMinutes: 240, everyMinutes: 30 }]);
    const off = rowOf(null);
    expect(ruleOf(off)).toBeNull();
    expect(ruleOf({ ...off, on: true })).toMatchObject({ firstWithinMinutes: 15 });
  });

  it('leaves bad numbers for validation to report by field', () => {
    const row = { ...rowOf(defaultCadencePolicy.SEV1), first: '' };
    const parsed = CadencePolicy.safeParse({ ...defaultCadencePolicy, SEV1: ruleOf(row) });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path).toEqual(['SEV1', 'firstWithinMinutes']);
  });
});
