// Import a review bundle file; if the incident already exists, offers an explicit "import as a copy" — never overwrites.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CallError, getClient } from '../api/client';
import { queryKeys } from '../api/queries';
import { useUiStore } from '../state/ui-store';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/ErrorNotice';

export function ImportBundleDialog({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const selectIncident = useUiStore((s) => s.selectIncident);
  const [content, setContent] = useState<string>();
  const [fileError, setFileError] = useState<string>();
  const importBundle = useMutation({
    mutationFn: (asCopy: boolean) => getClient().callOrThrow('review.importBundle', { content: content!, asCopy }),
    onSuccess: async ({ incidentId }) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.incidents });
      selectIncident(incidentId);
      onClose();
    },
  });
  const conflict = importBundle.error instanceof CallError && importBundle.error.error.code === 'conflict';
  return (
    <Dialog title="Import review bundle" onClose={onClose}>
      <div className="form">
        <label>
          Review bundle file (.firebreak-review.html)
          <input
            type="file"
            accept=".html,.json"
            onChange={(e) => {
              const file = e.target.files?.[0];
              setFileError(undefined);
              importBundle.reset();
              if (file) file.text().then(setContent, (err: Error) => setFileError(`The file could not be read: ${err.message}`));
            }}
          />
        </label>
        {fileError ? <p role="alert">{fileError}</p> : null}
        <ErrorNotice error={importBundle.error} title="Not imported" />
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          {conflict ? (
            <button type="button" className="primary" onClick={() => importBundle.mutate(true)}>
              Import as a copy
            </button>
          ) : (
            <button type="button" className="primary" disabled={!content || importBundle.isPending} onClick={() => importBundle.mutate(false)}>
              Import
            </button>
          )}
        </div>
      </div>
    </Dialog>
  );
}
