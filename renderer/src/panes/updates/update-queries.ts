// react-query hooks for stakeholder updates; keys start ['updates', incidentId] so core 'incident.changed' events refresh them.
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Audience } from '../../../../shared/events';
import type { InputOf } from '../../../../shared/ipc';
import { getClient } from '../../api/client';

export const updateKeys = {
  all: (incidentId: string) => ['updates', incidentId] as const,
  draft: (incidentId: string, audience: Audience) => ['updates', incidentId, 'draft', audience] as const,
  cadence: (incidentId: string) => ['updates', incidentId, 'cadence'] as const,
  facts: (incidentId: string) => ['updates', incidentId, 'facts'] as const,
};

const draftQuery = (incidentId: string, audience: Audience) => ({
  queryKey: updateKeys.draft(incidentId, audience),
  queryFn: () => getClient().callOrThrow('updates.draft', { incidentId, audience }),
  refetchInterval: 60_000,
});

/** The drafts of several audiences (same cache as useUpdateDraft), for publishing them at once. */
export const useUpdateDrafts = (incidentId: string, list: readonly Audience[]) => useQueries({ queries: list.map((a) => draftQuery(incidentId, a)) });

/** Stated impact, next step and the cadence in force for this incident. */
export const useUpdateFacts = (incidentId: string) =>
  useQuery({ queryKey: updateKeys.facts(incidentId), queryFn: () => getClient().callOrThrow('updates.facts', { incidentId }) });

/** The draft and its variables; refetched every minute so time-based variables (duration, next update) stay current. */
export const useUpdateDraft = (incidentId: string, audience: Audience) => useQuery(draftQuery(incidentId, audience));

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
    setImpact: useMutation({
      mutationFn: (input: Omit<InputOf<'updates.setImpact'>, 'incidentId'>) => client.callOrThrow('updates.setImpact', { incidentId, ...input }),
      onSuccess: refresh,
    }),
    setNextStep: useMutation({
      mutationFn: (input: Omit<InputOf<'updates.setNextStep'>, 'incidentId'>) => client.callOrThrow('updates.setNextStep', { incidentId, ...input }),
      onSuccess: refresh,
    }),
    setCadence: useMutation({
      mutationFn: (input: Omit<InputOf<'updates.setCadence'>, 'incidentId'>) => client.callOrThrow('updates.setCadence', { incidentId, ...input }),
      onSuccess: refresh,
    }),
    publishMany: (input: Omit<InputOf<'updates.publishMany'>, 'incidentId'>) => client.callOrThrow('updates.publishMany', { incidentId, ...input }),
    refresh,
    publish: useMutation({
      mutationFn: (input: Omit<InputOf<'updates.publish'>, 'incidentId'>) => client.callOrThrow('updates.publish', { incidentId, ...input }),
      onSuccess: refresh,
    }),
  };
}
