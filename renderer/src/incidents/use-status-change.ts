// One way to change an incident's status or severity from anywhere (header, palette): resolving first asks for a
// confirmation and a note; every change then offers Undo for a few seconds, which appends a reverting event.
import { useQueryClient } from '@tanstack/react-query';
import { create } from 'zustand';
import { undoSeverityReason, undoStatusReason, statusChangeNeedsConfirmation } from '../../../shared/incidents/change-guards';
import type { IncidentState } from '../../../shared/incidents/incident-state';
import type { Severity } from '../../../shared/incidents/severity';
import { statusLabels, type IncidentStatus } from '../../../shared/incidents/status';
import { getClient } from '../api/client';
import { timelineWindowKey } from '../api/event-sync';
import { queryKeys, useIncidentMutations } from '../api/queries';
import { useUiStore } from '../state/ui-store';
import { useToastStore } from '../ui/toast-store';

/** The status change waiting for the commander's confirmation (UI-only state). */
export const usePendingStatusStore = create<{ to: IncidentStatus | undefined; set(to: IncidentStatus | undefined): void }>((set) => ({
  to: undefined,
  set: (to) => set({ to }),
}));

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Offers Undo for a change that just happened; the undo is a new event, the log is never edited. */
export function useUndoOffer() {
  const queryClient = useQueryClient();
  const push = useToastStore((s) => s.push);
  return (message: string, undo: () => Promise<unknown>, incidentId: string) =>
    push({
      message,
      action: {
        label: 'Undo',
        run: () => {
          undo()
            .then(() => {
              void queryClient.invalidateQueries({ queryKey: queryKeys.incident(incidentId) });
              void queryClient.invalidateQueries({ queryKey: queryKeys.timeline(incidentId) });
              void queryClient.invalidateQueries({ queryKey: timelineWindowKey(incidentId) });
              void queryClient.invalidateQueries({ queryKey: queryKeys.incidents });
              push({ message: 'Change undone (recorded on the timeline)' });
            })
            .catch((err: unknown) => push({ message: `Undo failed: ${errorText(err)}` }));
        },
      },
    });
}

export function useStatusChange() {
  const { changeStatus } = useIncidentMutations();
  const offerUndo = useUndoOffer();
  const openDialog = useUiStore((s) => s.openDialog);
  const setPending = usePendingStatusStore((s) => s.set);
  const push = useToastStore((s) => s.push);

  /** Apply a status change now (already confirmed if it needed to be) and offer Undo. */
  const apply = (state: Pick<IncidentState, 'id' | 'status'>, to: IncidentStatus, reason?: string) =>
    changeStatus.mutateAsync({ incidentId: state.id, to, ...(reason ? { reason } : {}) }).then((next) => {
      offerUndo(
        `Status changed to ${statusLabels[to]}`,
        () => getClient().callOrThrow('incidents.changeStatus', { incidentId: state.id, to: state.status, reason: undoStatusReason(to) }),
        state.id,
      );
      return next;
    });

  /** Ask for confirmation where the change is consequential, otherwise apply it at once. */
  const request = (state: Pick<IncidentState, 'id' | 'status'>, to: IncidentStatus, options: { errorsAsToast?: boolean } = {}) => {
    if (to === state.status) return;
    if (statusChangeNeedsConfirmation(state.status, to)) {
      setPending(to);
      openDialog('status');
      return;
    }
    // The error shows through `error` where the caller renders it, or as a toast when the caller is gone (the palette).
    apply(state, to).catch((err: unknown) => {
      if (options.errorsAsToast) push({ message: `Status not changed: ${errorText(err)}` });
    });
  };

  return { request, apply, error: changeStatus.error, pending: changeStatus.isPending };
}

export function useSeverityUndo() {
  const offerUndo = useUndoOffer();
  return (incidentId: string, from: Severity, to: Severity) =>
    offerUndo(
      `Severity changed to ${to}`,
      () => getClient().callOrThrow('incidents.changeSeverity', { incidentId, to: from, reason: undoSeverityReason(to) }),
      incidentId,
    );
}
