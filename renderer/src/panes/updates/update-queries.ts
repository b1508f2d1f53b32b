// react-query hooks for stakeholder updates; keys start ['updates', incidentId] so core 'incident.changed' events refresh them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Audience } from '../../../../shared/events';
import type { InputOf } from '../../../../shared/ipc';
import { getClient } from '../../api/client';

export const updateKeys = {
  all: (incidentId: string) => ['updates', incidentId] as const,
  draft: (incidentId: string, audience: Audience) => ['updates', incidentId, 'draft', audience] as const,
  cadence: (incidentId: string) => ['updates', incidentId, 'cadence'] as const,
};

/** The draft and its variables; refetched every minute so time-based variables (duration, next update) stay current. */
export const useUpdateDraft = (incidentId: string, audience: Audience) =>
  useQuery({
    queryKey: updateKeys.draft(incidentId, audience),
    queryFn: () => getClient().callOrThrow('updates.draft', { incidentId, audience }),
    refetchInterval: 60_000,
  });

export const useUpdateCadence = (incidentId: string) =>
  useQuery({ queryKey: updateKeys.cadence(incidentId), queryFn: () => getClient().callOrThrow('updates.cadence', { incidentId }), refetchInterval: 60_000 });

export function useUpdateMutations(incidentId: string) {
  const queryClient = useQueryClient();
  const client = getClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: updateKeys.all(incidentId) });
  return {
    saveDraft: useMutation({
      mutationFn: (input: Omit<InputOf<'updates.saveDraft'>, 'incidentId'>) => client.callOrThrow('updates.saveDraft', { incidentId, ...input }),
      onSuccess: refresh,
    }),
    acknowledge: useMutation({
      mutationFn: (input: Omit<InputOf<'updates.acknowledgeReminder'>, 'incidentId'>) => client.callOrThrow('updates.acknowledgeReminder', { incidentId, ...input }),
      onSuccess: (status) => queryClient.setQueryData(updateKeys.cadence(incidentId), status),
    }),
    render: (input: Omit<InputOf<'updates.render'>, 'incidentId'>) => client.callOrThrow('updates.render', { incidentId, ...input }),
    publish: useMutation({
      mutationFn: (input: Omit<InputOf<'updates.publish'>, 'incidentId'>) => client.callOrThrow('updates.publish', { incidentId, ...input }),
      onSuccess: refresh,
    }),
  };
}
