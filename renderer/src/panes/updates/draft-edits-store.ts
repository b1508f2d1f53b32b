// Unsaved draft edits per incident and audience, outside the pane's component tree: maximising, restoring or collapsing a
// pane remounts it, and a commander's half-written update must survive that (and switching incidents and back).
import { create } from 'zustand';
import type { DraftEdit } from './draft-state';

interface DraftEditsState {
  /** Keyed `${incidentId}:${audience}`. */
  edits: Record<string, DraftEdit | undefined>;
  setEdit(key: string, edit: DraftEdit | undefined): void;
  clear(keys: readonly string[]): void;
}

export const useDraftEditsStore = create<DraftEditsState>((set) => ({
  edits: {},
  setEdit: (key, edit) => set((s) => ({ edits: { ...s.edits, [key]: edit } })),
  clear: (keys) => set((s) => ({ edits: { ...s.edits, ...Object.fromEntries(keys.map((k) => [k, undefined])) } })),
}));
