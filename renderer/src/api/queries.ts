// react-query hooks for core data, with query keys per domain and invalidation driven by core events.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { IncidentListItem, InputOf } from '../../../shared/ipc';
import { getClient } from './client';

export const queryKeys = {
  appInfo: ['app', 'info'] as const,
  incidents: ['incidents'] as const,
  incident: (id: string) => ['incidents', id] as const,
  timeline: (id: string) => ['timeline', id] as const,
};

export const useAppInfo = () => useQuery({ queryKey: queryKeys.appInfo, queryFn: () => getClient().callOrThrow('app.info', {}), staleTime: Infinity });

export const useIncidents = () => useQuery({ queryKey: queryKeys.incidents, queryFn: () => getClient().callOrThrow('incidents.list', {}) });

export const useIncident = (id: string | undefined) =>
  useQuery({ queryKey: queryKeys.incident(id ?? ''), queryFn: () => getClient().callOrThrow('incidents.get', { incidentId: id! }), enabled: !!id });

/** During a burst the core reports every append; refreshing once per this interval keeps the cockpit current without a
 * request storm (each refresh re-reads about ten queries, and a storm queues behind the browser's six connections). */
const REFRESH_COALESCE_MS = 250;

/** Keeps every query in step with the core: incident changes invalidate that incident's data and the list. */
export function useCoreEventSync(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const client = getClient();
    const refresh = (incidentId: string) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.incident(incidentId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.timeline(incidentId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.incidents, exact: true });
      // Other domains key their queries by incident id as the second element; refresh them too.
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[1] === incidentId });
    };
    // Leading and trailing: the first change refreshes at once, changes during the interval refresh once at its end.
    const timers = new Map<string, { timer: number; again: boolean }>();
    const onChanged = (incidentId: string) => {
      const pending = timers.get(incidentId);
      if (pending) {
        pending.again = true;
        return;
      }
      refresh(incidentId);
      const entry = {
        again: false,
        timer: window.setTimeout(function flush() {
          if (entry.again) {
            entry.again = false;
            refresh(incidentId);
            entry.timer = window.setTimeout(flush, REFRESH_COALESCE_MS);
          } else timers.delete(incidentId);
        }, REFRESH_COALESCE_MS),
      };
      timers.set(incidentId, entry);
    };
    const offChanged = client.subscribe('incident.changed', ({ incidentId }) => onChanged(incidentId));
    const offList = client.subscribe('incidents.listChanged', () => void queryClient.invalidateQueries({ queryKey: queryKeys.incidents }));
    return () => {
      offChanged();
      offList();
      for (const { timer } of timers.values()) window.clearTimeout(timer);
    };
  }, [queryClient]);
}

export function useIncidentMutations() {
  const queryClient = useQueryClient();
  const client = getClient();
  const refresh = (incidentId: string) => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.incident(incidentId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.timeline(incidentId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.incidents });
  };
  return {
    declare: useMutation({
      mutationFn: (input: InputOf<'incidents.declare'>) => client.callOrThrow('incidents.declare', input),
      onSuccess: (state) => {
        // Put the new incident in the list at once, so selecting it never races the list refetch.
        queryClient.setQueryData(queryKeys.incidents, (old: IncidentListItem[] | undefined) => [{ id: state.id, state, problems: [] }, ...(old ?? [])]);
        refresh(state.id);
      },
    }),
    changeStatus: useMutation({
      mutationFn: (input: InputOf<'incidents.changeStatus'>) => client.callOrThrow('incidents.changeStatus', input),
      onSuccess: (state) => refresh(state.id),
    }),
    changeSeverity: useMutation({
      mutationFn: (input: InputOf<'incidents.changeSeverity'>) => client.callOrThrow('incidents.changeSeverity', input),
      onSuccess: (state) => refresh(state.id),
    }),
    addNote: useMutation({
      mutationFn: (input: InputOf<'incidents.addNote'>) => client.callOrThrow('incidents.addNote', input),
      onSuccess: (_e, input) => refresh(input.incidentId),
    }),
  };
}
