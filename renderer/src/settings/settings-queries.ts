// react-query hooks for settings as a whole: exporting and importing the non-secret configuration file.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getClient } from '../api/client';

export function useConfigTransfer() {
  const qc = useQueryClient();
  return {
    exportConfig: useMutation({ mutationFn: () => getClient().callOrThrow('settings.exportConfig', {}) }),
    importConfig: useMutation({
      mutationFn: (content: string) => getClient().callOrThrow('settings.importConfig', { content }),
      // Every domain's settings may have changed: refetch everything rather than guess which panes care.
      onSuccess: () => void qc.invalidateQueries(),
    }),
  };
}
