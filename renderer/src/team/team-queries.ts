// Team changes (roles, handover steps) as mutations: each returns the incident's new state, which refreshes header and timeline.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '../../../shared/ipc';
import { getClient } from '../api/client';
import { queryKeys } from '../api/queries';

type TeamChannel = 'team.assignRole' | 'team.releaseRole' | 'team.proposeHandover' | 'team.withdrawHandover' | 'team.acceptHandover' | 'team.recordHandover';

export function useTeamChange<C extends TeamChannel>(channel: C, onDone?: () => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<C>) => getClient().callOrThrow(channel, input),
    onSuccess: (state) => {
      void qc.invalidateQueries({ queryKey: queryKeys.incident(state.id) });
      void qc.invalidateQueries({ queryKey: queryKeys.timeline(state.id) });
      void qc.invalidateQueries({ queryKey: queryKeys.incidents });
      onDone?.();
    },
  });
}
