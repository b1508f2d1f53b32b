// Converts a per-severity cadence rule to and from the flat form the settings editor shows (pure, unit-tested).
import { audiences, type Audience } from '../../../../shared/events';
import type { CadencePolicy, CadenceRule } from '../../../../shared/updates/cadence';

export interface CadenceRow {
  on: boolean;
  first: string;
  every: string;
  until: string;
  then: string;
  audiences: Audience[];
  /** Phases after the first one, kept as they are (the form edits only the first phase). */
  laterPhases: CadenceRule['phases'];
}

const fallback: CadenceRule = { firstWithinMinutes: 15, phases: [{ untilMinutes: 120, everyMinutes: 30 }], thenEveryMinutes: 60, audiences: ['engineers'] };

export function rowOf(rule: CadenceRule | null): CadenceRow {
  const r = rule ?? fallback;
  const [phase, ...later] = r.phases;
  return {
    on: rule !== null,
    first: String(r.firstWithinMinutes),
    every: phase ? String(phase.everyMinutes) : '',
    until: phase ? String(phase.untilMinutes) : '',
    then: String(r.thenEveryMinutes),
    audiences: [...r.audiences],
    laterPhases: later,
  };
}

/** Numbers are passed through as typed (NaN included) so the core's validation names the exact field that is wrong. */
export function ruleOf(row: CadenceRow): CadenceRule | null {
  if (!row.on) return null;
  const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));
  const firstPhase = row.every.trim() === '' && row.until.trim() === '' ? [] : [{ untilMinutes: num(row.until), everyMinutes: num(row.every) }];
  return {
    firstWithinMinutes: num(row.first),
    phases: [...firstPhase, ...row.laterPhases],
    thenEveryMinutes: num(row.then),
    audiences: audiences.filter((a) => row.audiences.includes(a)),
  };
}

export const policyOf = (rows: Record<keyof CadencePolicy, CadenceRow>): CadencePolicy => ({
  SEV1: ruleOf(rows.SEV1),
  SEV2: ruleOf(rows.SEV2),
  SEV3: ruleOf(rows.SEV3),
  SEV4: ruleOf(rows.SEV4),
});
