// react-query hooks for services and rollbacks; keys start ['rollback', incidentId] so core 'incident.changed' events refresh them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { InputOf } from '../../../../shared/ipc';
import { getClient } from '../../api/client';

export const rollbackKeys = {
  all: (incidentId: string) => ['rollback', incidentId] as const,
  services: ['services'] as const,
};

export const useServices = (enabled = true) => useQuery({ queryKey: rollbackKeys.services, queryFn: () => getClient().callOrThrow('services.list', {}), enabled });

export const useRollbacks = (incidentId: string, enabled = true) =>
  useQuery({ queryKey: rollbackKeys.all(incidentId), queryFn: () => getClient().callOrThrow('rollback.list', { incidentId }), enabled });

type Without<C extends 'rollback.plan' | 'rollback.approve' | 'rollback.confirm' | 'rollback.cancel' | 'rollback.verify' | 'git.importTimeline'> = Omit<InputOf<C>, 'incidentId'>;

export function useRollbackMutations(incidentId: string) {
  const queryClient = useQueryClient();
  const client = getClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: rollbackKeys.all(incidentId) });
  return {
    plan: useMutation({ mutationFn: (input: Without<'rollback.plan'>) => client.callOrThrow('rollback.plan', { incidentId, ...input }), onSuccess: refresh }),
    approve: useMutation({ mutationFn: (input: Without<'rollback.approve'>) => client.callOrThrow('rollback.approve', { incidentId, ...input }), onSuccess: refresh }),
    confirm: useMutation({ mutationFn: (input: Without<'rollback.confirm'>) => client.callOrThrow('rollback.confirm', { incidentId, ...input }), onSuccess: refresh }),
    cancel: useMutation({ mutationFn: (input: Without<'rollback.cancel'>) => client.callOrThrow('rollback.cancel', { incidentId, ...input }), onSuccess: refresh }),
    verify: useMutation({ mutationFn: (input: Without<'rollback.verify'>) => client.callOrThrow('rollback.verify', { incidentId, ...input }), onSuccess: refresh }),
    importGit: useMutation({ mutationFn: (input: Without<'git.importTimeline'>) => client.callOrThrow('git.importTimeline', { incidentId, ...input }) }),
  };
}

const LIVE_LIMIT = 20_000;

/** Live output of a running rollback, kept to the last 20k characters; unsubscribes on unmount. */
export function useRollbackOutput(incidentId: string, rollbackId: string | undefined): string {
  const [text, setText] = useState('');
  useEffect(() => {
    setText('');
    if (!rollbackId) return;
    return getClient().subscribe('rollback.output', (o) => {
      if (o.incidentId !== incidentId || o.rollbackId !== rollbackId) return;
      setText((prev) => (prev + o.chunk).slice(-LIVE_LIMIT));
    });
  }, [incidentId, rollbackId]);
  return text;
}
