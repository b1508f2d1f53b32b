// react-query hooks for the hot fix's rollout; keys start ['hotfix', incidentId] so every appended event refreshes them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { InputOf } from '../../../../../shared/ipc';
import { getClient } from '../../../api/client';
import { hotfixKeys } from '../hotfix-queries';

export const useRollouts = (incidentId: string, enabled = true) =>
  useQuery({ queryKey: [...hotfixKeys.all(incidentId), 'rollouts'], queryFn: () => getClient().callOrThrow('hotfix.rollouts', { incidentId }), enabled });

type RolloutCall = 'hotfix.startRollout' | 'hotfix.advanceStage' | 'hotfix.cancelStage';

export function useRolloutCall<C extends RolloutCall>(incidentId: string, channel: C) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<InputOf<C>, 'incidentId'>) => getClient().callOrThrow(channel, { incidentId, ...input } as InputOf<C>),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: hotfixKeys.all(incidentId) }),
  });
}

const LIVE_LIMIT = 20_000;

/** Live output of a running rollout stage, kept to the last 20k characters; unsubscribes on unmount. */
export function useStageOutput(incidentId: string, rolloutId: string, stageId: string | undefined): string {
  const [text, setText] = useState('');
  useEffect(() => {
    setText('');
    if (!stageId) return;
    return getClient().subscribe('hotfix.rolloutOutput', (o) => {
      if (o.incidentId !== incidentId || o.rolloutId !== rolloutId || o.stageId !== stageId) return;
      setText((prev) => (prev + o.chunk).slice(-LIVE_LIMIT));
    });
  }, [incidentId, rolloutId, stageId]);
  return text;
}
