// Import a review bundle file: checked first (integrity and signer shown; a bad signature is refused), and if the incident
// already exists, an explicit "import as a copy" is offered — never an overwrite.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CallError, getClient } from '../api/client';
import { queryKeys } from '../api/queries';
import { useUiStore } from '../state/ui-store';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { BundleSignerLine } from './BundleSignerLine';

export function ImportBundleDialog({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const selectIncident = useUiStore((s) => s.selectIncident);
  const [content, setContent] = useState<string>();
  const [fileError, setFileError] = useState<string>();
  const inspect = useMutation({ mutationFn: (text: string) => getClient().callOrThrow('review.inspectBundle', { content: text }) });
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
              inspect.reset();
              setContent(undefined);
              if (file) {
                file.text().then(
                  (text) => {
                    setContent(text);
                    inspect.mutate(text);
                  },
                  (err: Error) => setFileError(`The file could not be read: ${err.message}`),
                );
              }
            }}
          />
        </label>
        {fileError ? <p role="alert">{fileError}</p> : null}
        {inspect.isPending ? <p role="status">Checking the bundle…</p> : null}
        {inspect.data ? (
          <div className="bundle-check">
            <p>
              <strong>{inspect.data.title}</strong> — {inspect.data.eventCount} events, exported {new Date(inspect.data.exportedAt).toLocaleString()}
            </p>
            <BundleSignerLine signature={inspect.data.signature} />
          </div>
        ) : null}
        <ErrorNotice error={inspect.error} title="Refused — this bundle cannot be imported" />
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
            <button type="button" className="primary" disabled={!content || !inspect.data || importBundle.isPending} onClick={() => importBundle.mutate(false)}>
              Import
            </button>
          )}
        </div>
      </div>
    </Dialog>
  );
}
