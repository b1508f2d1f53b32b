// Post-incident review editor: starts from the draft generated from the log, edited with a live preview, saved as an event.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { markdownToHtml } from '../../../shared/markdown';
import { getClient } from '../api/client';
import { useAppInfo } from '../api/queries';
import { ActionItemsToJira } from './ActionItemsToJira';
import { Dialog } from '../ui/Dialog';
import { MarkdownHtml } from '../ui/MarkdownHtml';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useFormatTime } from '../time/Time';

export function ReviewDialog({ incidentId, onClose, readOnly }: { incidentId: string; onClose: () => void; readOnly: boolean }) {
  const queryClient = useQueryClient();
  const format = useFormatTime();
  const jiraConfigured = useAppInfo().data?.capabilities.includes('jira') ?? false;
  const review = useQuery({ queryKey: ['review', incidentId], queryFn: () => getClient().callOrThrow('review.get', { incidentId }) });
  const [text, setText] = useState<string | undefined>(undefined);
  const current = text ?? review.data?.saved?.markdown ?? review.data?.generated ?? '';
  const preview = useMemo(() => markdownToHtml(current), [current]);
  const save = useMutation({
    mutationFn: () => getClient().callOrThrow('review.save', { incidentId, markdown: current }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['review', incidentId] }),
  });

  return (
    <Dialog title="Post-incident review" onClose={onClose} wide>
      <ErrorNotice error={review.error} title="Review could not be loaded" />
      {review.data ? (
        <div className="review-editor">
          <textarea aria-label="Review text" value={current} readOnly={readOnly} onChange={(e) => setText(e.target.value)} rows={24} />
          {/* The pipeline escapes any HTML in the text and MarkdownHtml sanitizes its output, so this preview cannot run markup. */}
          <MarkdownHtml className="review-preview markdown" aria-label="Review preview" html={preview} />
        </div>
      ) : null}
      <p className="field-hint">
        {review.data?.saved ? `Last saved ${format(review.data.saved.savedAt)} by ${review.data.saved.by}.` : 'Generated from the incident log; not saved yet.'}
      </p>
      {!readOnly && jiraConfigured ? <ActionItemsToJira incidentId={incidentId} markdown={current} /> : null}
      <ErrorNotice error={save.error} title="Review not saved" />
      <div className="form-actions">
        {readOnly ? null : (
          <button type="button" onClick={() => setText(review.data?.generated ?? '')}>
            Regenerate from log
          </button>
        )}
        <button type="button" onClick={onClose}>
          Close
        </button>
        {readOnly ? null : (
          <button type="button" className="primary" disabled={save.isPending || !current.trim()} onClick={() => save.mutate()}>
            {save.isSuccess && text === undefined ? 'Saved' : 'Save review'}
          </button>
        )}
      </div>
    </Dialog>
  );
}
