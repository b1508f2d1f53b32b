// Exports the incident as one self-contained review file (opens offline in Firebreak or any browser).
import { useMutation } from '@tanstack/react-query';
import { getClient } from '../api/client';
import { ErrorNotice } from '../ui/ErrorNotice';
import { downloadText } from './download';

export function ExportBundleButton({ incidentId }: { incidentId: string }) {
  const exportBundle = useMutation({
    mutationFn: () => getClient().callOrThrow('review.exportBundle', { incidentId }),
    onSuccess: ({ fileName, content }) => downloadText(fileName, content),
  });
  return (
    <>
      <button type="button" onClick={() => exportBundle.mutate()} disabled={exportBundle.isPending}>
        Export review bundle
      </button>
      <ErrorNotice error={exportBundle.error} title="Export failed" />
    </>
  );
}
