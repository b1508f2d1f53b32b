// react-query hooks for the hot-fix track; keys start ['hotfix', incidentId] so the core's 'incident.changed' refreshes them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Channel, InputOf } from '../../../../shared/ipc';
import { getClient } from '../../api/client';

export const hotfixKeys = {
  all: (incidentId: string) => ['hotfix', incidentId] as const,
  policy: ['hotfix-policy'] as const,
};

export const useHotfixes = (incidentId: string, enabled = true) =>
  useQuery({ queryKey: hotfixKeys.all(incidentId), queryFn: () => getClient().callOrThrow('hotfix.list', { incidentId }), enabled });

export const useHotfixPolicy = (enabled = true) => useQuery({ queryKey: hotfixKeys.policy, queryFn: () => getClient().callOrThrow('hotfix.policy.get', {}), enabled });

type HotfixCall = Extract<Channel, 'hotfix.open' | 'hotfix.overrideCriteria' | 'hotfix.chooseRollback' | 'hotfix.createBranch' | 'hotfix.linkChange' | 'hotfix.runTests' | 'hotfix.cancelTests' | 'hotfix.recordCi' | 'hotfix.overrideTests' | 'hotfix.approve' | 'hotfix.verify' | 'hotfix.tag' | 'hotfix.notifyJira' | 'hotfix.close'>;

/** One mutation for a hot-fix call; the incident id is filled in, and the track is refetched after it. */
export function useHotfixCall<C extends HotfixCall>(incidentId: string, channel: C) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<InputOf<C>, 'incidentId'>) => getClient().callOrThrow(channel, { incidentId, ...input } as InputOf<C>),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: hotfixKeys.all(incidentId) }),
  });
}

export function useSavePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'hotfix.policy.save'>) => getClient().callOrThrow('hotfix.policy.save', input),
    onSuccess: (info) => queryClient.setQueryData(hotfixKeys.policy, info),
  });
}

const LIVE_LIMIT = 20_000;

/** Live output of the running test command of a hot fix, kept to the last 20k characters; unsubscribes on unmount. */
export function useTestOutput(incidentId: string, hotfixId: string, runId: string | undefined): string {
  const [text, setText] = useState('');
  useEffect(() => {
    setText('');
    if (!runId) return;
    return getClient().subscribe('hotfix.output', (o) => {
      if (o.incidentId !== incidentId || o.hotfixId !== hotfixId || o.runId !== runId) return;
      setText((prev) => (prev + o.chunk).slice(-LIVE_LIMIT));
    });
  }, [incidentId, hotfixId, runId]);
  return text;
}
