import { describe, expect, it } from 'vitest';
import type { IncidentEvent } from '../../../shared/events';
import { seededRandom, syntheticLog } from '../../../shared/playback/synthetic-log';
import { statedImpact, statedNextStep } from '../../../shared/updates/audience-facts';
import { cadenceOf, cadenceStatus, defaultCadencePolicy, policyInForce } from '../../../shared/updates/cadence';
import { policyFrom, updateFactsProjection } from './update-facts-projection';

/** A synthetic incident with the commander's impact, next step and cadence changes mixed in. */
function logWithFacts(seed: number): IncidentEvent[] {
  const random = seededRandom(seed);
  const out: IncidentEvent[] = [];
  for (const e of syntheticLog({ count: 400, random, maxGapMs: 120_000 })) {
    const seq = out.length + 1;
    out.push({ ...e, seq });
    const roll = random();
    const base = { v: e.v, seq: seq + 1, ts: e.ts, actor: 'ana' };
    if (roll < 0.03) out.push({ ...base, type: 'update.impact_set', payload: { who: `users ${seq}`, howBadly: 'slow', since: e.ts } } as IncidentEvent);
    else if (roll < 0.06) out.push({ ...base, type: 'update.next_step_set', payload: { text: `step ${seq}` } } as IncidentEvent);
    else if (roll < 0.08) {
      const policy = { ...defaultCadencePolicy, SEV3: { ...defaultCadencePolicy.SEV1, thenEveryMinutes: 10 + seq } };
      out.push({ ...base, type: 'update.cadence_set', payload: { policy, origin: 'commander' } } as IncidentEvent);
    }
  }
  return out;
}

describe('updateFactsProjection', () => {
  it('equals the whole-log functions (cadence, policy in force, impact, next step) after every event', () => {
    for (const seed of [1, 7, 42, 1234]) {
      const log = logWithFacts(seed);
      let fold = updateFactsProjection.initial('inc');
      const now = new Date(Date.parse(log.at(-1)!.ts) + 60_000);
      for (let i = 0; i < log.length; i++) {
        fold = updateFactsProjection.apply(fold, log[i]!, 'inc');
        const prefix = log.slice(0, i + 1);
        expect(policyFrom(fold, defaultCadencePolicy)).toEqual(policyInForce(prefix, defaultCadencePolicy));
        expect(fold.impact).toEqual(statedImpact(prefix));
        expect(fold.nextStep).toEqual(statedNextStep(prefix));
        expect(cadenceOf(fold.cadence, defaultCadencePolicy, now)).toEqual(cadenceStatus(prefix, defaultCadencePolicy, now));
      }
      expect(log.some((e) => e.type === 'update.impact_set') && log.some((e) => e.type === 'update.cadence_set')).toBe(true);
    }
  });
});
