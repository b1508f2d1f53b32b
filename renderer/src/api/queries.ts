// react-query hooks for core data, with query keys per domain and invalidation driven by core events.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { IncidentListItem, InputOf } from '../../../shared/ipc';
import { getClient } from './client';
import { applyIncidentChange, timelineKey, timelineWindowKey } from './event-sync';

export const queryKeys = {
  appInfo: ['app', 'info'] as const,
  incidents: ['incidents'] as const,
  incident: (id: string) => ['incidents', id] as const,
  timeline: timelineKey,
};

export const useAppInfo = () => useQuery({ queryKey: queryKeys.appInfo, queryFn: () => getClient().callOrThrow('app.info', {}), staleTime: Infinity });

export const useIncidents = () => useQuery({ queryKey: queryKeys.incidents, queryFn: () => getClient().callOrThrow('incidents.list', {}) });

export const useIncident = (id: string | undefined) =>
  useQuery({ queryKey: queryKeys.incident(id ?? ''), queryFn: () => getClient().callOrThrow('incidents.get', { incidentId: id! }), enabled: !!id });

/**
 * The incident's key times from the core, for a client that does not hold the log (a windowed timeline). Refreshed by the
 * events that can move a key time (event-sync.ts), not by every note.
 */
export const useIncidentKeyTimes = (id: string, enabled: boolean) =>
  useQuery({ queryKey: ['key-times', id], queryFn: () => getClient().callOrThrow('incidents.keyTimes', { incidentId: id }), enabled });

/** Keeps every query in step with the core by deltas: new events are appended, only the domains they touch refetch. */
export function useCoreEventSync(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const client = getClient();
    const offChanged = client.subscribe('incident.changed', (change) => void applyIncidentChange(queryClient, client, change));
    const offList = client.subscribe('incidents.listChanged', () => void queryClient.invalidateQueries({ queryKey: queryKeys.incidents }));
    return () => {
      offChanged();
      offList();
    };
  }, [queryClient]);
}

export function useIncidentMutations() {
  const queryClient = useQueryClient();
  const client = getClient();
  const refresh = (incidentId: string) => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.incident(incidentId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.timeline(incidentId) });
    void queryClient.invalidateQueries({ queryKey: timelineWindowKey(incidentId) });
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
