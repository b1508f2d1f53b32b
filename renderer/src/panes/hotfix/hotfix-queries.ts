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

/**
 * Live output of the running test command of a hot fix, kept to the last 20k characters; unsubscribes on unmount. What was
 * printed before the pane subscribed comes from hotfix.testOutput; chunks carry their offset, so none is shown twice or lost.
 */
export function useTestOutput(incidentId: string, hotfixId: string, runId: string | undefined): string {
  const [text, setText] = useState('');
  useEffect(() => {
    setText('');
    if (!runId) return;
    let seen: number | undefined; // characters of output shown so far; undefined until the snapshot arrived
    const early: { chunk: string; offset: number }[] = [];
    let closed = false;
    const append = (o: { chunk: string; offset: number }) => {
      const skip = Math.max(0, (seen ?? 0) - o.offset);
      if (skip >= o.chunk.length) return;
      seen = o.offset + o.chunk.length;
      setText((prev) => (prev + o.chunk.slice(skip)).slice(-LIVE_LIMIT));
    };
    const unsubscribe = getClient().subscribe('hotfix.output', (o) => {
      if (o.incidentId !== incidentId || o.hotfixId !== hotfixId || o.runId !== runId) return;
      if (seen === undefined) early.push(o);
      else append(o);
    });
    const caughtUp = (snapshot: { text: string; length: number }) => {
      if (closed) return;
      seen = snapshot.length;
      setText(snapshot.text.slice(-LIVE_LIMIT));
      for (const o of early.splice(0)) append(o);
    };
    getClient()
      .callOrThrow('hotfix.testOutput', { incidentId, hotfixId, runId })
      .then(caughtUp, () => caughtUp({ text: '', length: 0 }));
    return () => {
      closed = true;
      unsubscribe();
    };
  }, [incidentId, hotfixId, runId]);
  return text;
}
