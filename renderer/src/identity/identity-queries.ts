// Who uses this installation, as the core knows it: read once, replaced on save (and app.info's operator refetched with it).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '../../../shared/ipc';
import { getClient } from '../api/client';
import { queryKeys } from '../api/queries';

export const identityKey = ['identity'] as const;

/** Undefined data in a read-only review bundle, which has no user: nobody can act there, so nobody is asked who they are. */
export const useIdentity = () =>
  useQuery({ queryKey: identityKey, queryFn: () => getClient().callOrThrow('identity.get', {}), staleTime: Infinity, enabled: getClient().serves('identity.get') });

export function useSaveIdentity(onSaved?: () => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'identity.save'>) => getClient().callOrThrow('identity.save', input),
    onSuccess: (view) => {
      qc.setQueryData(identityKey, view);
      void qc.invalidateQueries({ queryKey: queryKeys.appInfo });
      void qc.invalidateQueries({ queryKey: ['signing', 'identity'] });
      onSaved?.();
    },
  });
}
