// react-query hooks for the runbook library and incident checklists; library events and incident events keep them fresh.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { InputOf } from '../../../../shared/ipc';
import type { RunbookChecklist } from '../../../../shared/runbooks/checklist';
import type { RunbookFilter } from '../../../../shared/runbooks/library-filter';
import { getClient } from '../../api/client';

export const runbookKeys = {
  all: ['runbooks'] as const,
  list: (filter: RunbookFilter) => ['runbooks', 'list', filter] as const,
  search: (query: string, filter: RunbookFilter) => ['runbooks', 'search', query, filter] as const,
  detail: (id: string) => ['runbooks', 'detail', id] as const,
  library: ['runbooks', 'library'] as const,
  /** Incident id second, so the cockpit's incident.changed sync invalidates it. */
  checklists: (incidentId: string) => ['runbook-checklists', incidentId] as const,
  /** Incident id second, so alerts and attachments recorded in the incident refetch it (event-sync.ts `affects`). */
  alertOffers: (incidentId: string) => ['runbook-offers', incidentId] as const,
  allAlertOffers: ['runbook-offers'] as const,
};

const cleanFilter = (filter: RunbookFilter): RunbookFilter => Object.fromEntries(Object.entries(filter).filter(([, v]) => v)) as RunbookFilter;

export const useRunbookList = (filter: RunbookFilter) =>
  useQuery({ queryKey: runbookKeys.list(cleanFilter(filter)), queryFn: () => getClient().callOrThrow('runbooks.list', cleanFilter(filter)), placeholderData: keepPreviousData });

export const useRunbookSearch = (query: string, filter: RunbookFilter) =>
  useQuery({
    queryKey: runbookKeys.search(query.trim(), cleanFilter(filter)),
    queryFn: () => getClient().callOrThrow('runbooks.search', { query: query.trim(), ...cleanFilter(filter) }),
    enabled: query.trim().length > 0,
    placeholderData: keepPreviousData,
  });

export const useRunbook = (id: string | undefined) =>
  useQuery({ queryKey: runbookKeys.detail(id ?? ''), queryFn: () => getClient().callOrThrow('runbooks.get', { runbookId: id! }), enabled: !!id });

export const useLibraryStatus = () => useQuery({ queryKey: runbookKeys.library, queryFn: () => getClient().callOrThrow('runbooks.library', {}) });

export const useChecklists = (incidentId: string, enabled = true) =>
  useQuery({ queryKey: runbookKeys.checklists(incidentId), queryFn: () => getClient().callOrThrow('runbooks.checklists', { incidentId }), enabled });

/** Runbooks the incident's alerts link to that are not attached yet; not asked where the transport cannot answer (a review bundle). */
export const useAlertRunbookOffers = (incidentId: string) =>
  useQuery({
    queryKey: runbookKeys.alertOffers(incidentId),
    queryFn: () => getClient().callOrThrow('runbooks.alertOffers', { incidentId }),
    enabled: getClient().serves('runbooks.alertOffers'),
  });

/** Refetches library data, and the offers matched against it, whenever the core rescans or syncs the library; unsubscribes on unmount. */
export function useLibraryEventSync(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      getClient().subscribe('runbooks.libraryChanged', () => {
        void queryClient.invalidateQueries({ queryKey: runbookKeys.all });
        void queryClient.invalidateQueries({ queryKey: runbookKeys.allAlertOffers });
      }),
    [queryClient],
  );
}

type StepChannel = 'runbooks.checkStep' | 'runbooks.uncheckStep' | 'runbooks.skipStep' | 'runbooks.assignStep' | 'runbooks.noteStep';

export function useChecklistMutations(incidentId: string) {
  const queryClient = useQueryClient();
  const client = getClient();
  const store = (list: RunbookChecklist) => {
    queryClient.setQueryData(runbookKeys.checklists(incidentId), (old: RunbookChecklist[] | undefined) =>
      old?.some((l) => l.runbookId === list.runbookId) ? old.map((l) => (l.runbookId === list.runbookId ? list : l)) : [...(old ?? []), list],
    );
    void queryClient.invalidateQueries({ queryKey: runbookKeys.checklists(incidentId) });
  };
  const step = <C extends StepChannel>(channel: C) =>
    useMutation({ mutationFn: (input: Omit<InputOf<C>, 'incidentId'>) => client.callOrThrow(channel, { ...input, incidentId } as InputOf<C>), onSuccess: store });
  return {
    attach: useMutation({
      mutationFn: (runbookId: string) => client.callOrThrow('runbooks.attach', { incidentId, runbookId }),
      onSuccess: (list) => {
        store(list);
        // The attached runbook is no longer offered; the incident.changed sync refetches too, but a moment later.
        void queryClient.invalidateQueries({ queryKey: runbookKeys.alertOffers(incidentId) });
      },
    }),
    check: step('runbooks.checkStep'),
    uncheck: step('runbooks.uncheckStep'),
    skip: step('runbooks.skipStep'),
    assign: step('runbooks.assignStep'),
    note: step('runbooks.noteStep'),
  };
}

export function useLibraryMutations() {
  const queryClient = useQueryClient();
  const client = getClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: runbookKeys.all });
  return {
    configure: useMutation({ mutationFn: (input: InputOf<'runbooks.configureSync'>) => client.callOrThrow('runbooks.configureSync', input), onSuccess: refresh }),
    syncNow: useMutation({ mutationFn: () => client.callOrThrow('runbooks.syncNow', {}), onSuccess: refresh }),
  };
}
