// What a runbook step's action asked a pane to prepare: the rollback plan for a service, or the update draft for an
// audience. The pane takes the request (and clears it), so it is applied once, whether the pane was on screen or not yet.
import { create } from 'zustand';
import type { Audience } from '../../../shared/events';

export type StepIntent = { pane: 'rollback'; service?: string } | { pane: 'updates'; audience?: Audience };

interface StepIntentState {
  intent: StepIntent | undefined;
  request(intent: StepIntent): void;
  /** Returns the pending request for `pane` and clears it; undefined when there is none. */
  take<P extends StepIntent['pane']>(pane: P): Extract<StepIntent, { pane: P }> | undefined;
}

export const useStepIntentStore = create<StepIntentState>((set, get) => ({
  intent: undefined,
  request: (intent) => set({ intent }),
  take(pane) {
    const intent = get().intent;
    if (intent?.pane !== pane) return undefined;
    set({ intent: undefined });
    return intent as Extract<StepIntent, { pane: typeof pane }>;
  },
}));
