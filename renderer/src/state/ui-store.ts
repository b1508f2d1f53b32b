// UI-only state (never server data): which incident is open, which dialog or palette is showing.
import { create } from 'zustand';

/** The cockpit panes a user can collapse or maximise. */
export type CockpitPaneId = 'timeline' | 'runbooks' | 'rollback' | 'hotfix' | 'connectors' | 'metrics' | 'updates';

export type DialogName =
  | 'declare'
  | 'note'
  | 'status'
  | 'severity'
  | 'handover'
  | 'roles'
  | 'switch'
  | 'review'
  | 'import'
  | 'settings'
  | 'diagnostics'
  | 'metrics-settings'
  | 'service'
  | 'keyboard';

/** Which service the service form opens on: an existing entry by name, or a new one starting from a suggested name. */
export type ServiceEditorTarget = { name: string } | { suggestedName?: string };

interface UiState {
  selectedIncidentId: string | undefined;
  paletteOpen: boolean;
  dialog: DialogName | undefined;
  /** The pane shown alone over the whole cockpit, if any. */
  maximisedPane: CockpitPaneId | undefined;
  maximisePane(pane: CockpitPaneId | undefined): void;
  selectIncident(id: string | undefined): void;
  openPalette(open: boolean): void;
  openDialog(dialog: DialogName | undefined): void;
  serviceEditor: ServiceEditorTarget;
  /** Opens the service form (a dialog of its own, so a runbook step or the rollback pane can both send the user there). */
  openServiceEditor(target: ServiceEditorTarget): void;
}

const LAST_INCIDENT_KEY = 'firebreak.lastIncident';

function rememberedIncident(): string | undefined {
  try {
    return window.localStorage.getItem(LAST_INCIDENT_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export const useUiStore = create<UiState>((set) => ({
  selectedIncidentId: rememberedIncident(),
  paletteOpen: false,
  dialog: undefined,
  maximisedPane: undefined,
  maximisePane: (maximisedPane) => set({ maximisedPane }),
  selectIncident(id) {
    try {
      if (id) window.localStorage.setItem(LAST_INCIDENT_KEY, id);
    } catch {
      // storage may be unavailable (private mode); selection still works for this session
    }
    set({ selectedIncidentId: id });
  },
  openPalette: (paletteOpen) => set({ paletteOpen, ...(paletteOpen ? { dialog: undefined } : {}) }),
  openDialog: (dialog) => set({ dialog, paletteOpen: false }),
  serviceEditor: {},
  openServiceEditor: (serviceEditor) => set({ serviceEditor, dialog: 'service', paletteOpen: false }),
}));
