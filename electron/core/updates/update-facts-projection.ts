// What the updates pane asks for most often, advanced event by event instead of scanned from the whole log per request: the
// cadence timeline (updates.cadence is polled every minute for every open incident), the cadence policy the log records,
// the latest stated impact and next step. Each equals its whole-log function in shared/updates (cadenceStatus,
// policyInForce, statedImpact, statedNextStep); the test checks that.
import type { IncidentEvent } from '../../../shared/events';
import type { ProjectionDef } from '../../../shared/projections/incremental-projection';
import type { StatedImpact } from '../../../shared/updates/audience-facts';
import { applyCadenceEvent, type CadencePolicy, type CadenceTimeline, type PolicyInForce } from '../../../shared/updates/cadence';

export interface UpdateFactsFold {
  cadence: CadenceTimeline | undefined;
  /** The latest recorded cadence policy (policyInForce without its fallback). */
  recorded: Omit<PolicyInForce, 'policy' | 'from'> & { policy: CadencePolicy } | undefined;
  impact: StatedImpact | undefined;
  nextStep: { text: string; ts: string } | undefined;
}

export const updateFactsProjection: ProjectionDef<UpdateFactsFold> = {
  name: 'update facts',
  initial: () => ({ cadence: undefined, recorded: undefined, impact: undefined, nextStep: undefined }),
  apply: (fold, e: IncidentEvent) => {
    fold.cadence = applyCadenceEvent(fold.cadence, e);
    if (e.type === 'update.cadence_set') fold.recorded = { policy: e.payload.policy, origin: e.payload.origin, seq: e.seq };
    else if (e.type === 'update.impact_set') fold.impact = { ...e.payload, ts: e.ts };
    else if (e.type === 'update.next_step_set') fold.nextStep = { text: e.payload.text, ts: e.ts };
    return fold;
  },
  view: (fold) => fold,
};

/** policyInForce from the fold: the recorded policy, else `fallback`. */
export const policyFrom = (fold: UpdateFactsFold, fallback: CadencePolicy): PolicyInForce =>
  fold.recorded ? { ...fold.recorded, from: 'log' } : { policy: fallback, from: 'fallback' };
