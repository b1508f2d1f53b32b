// One audience's update: the draft is the text itself, edited in place beside its preview and diff; the template that
// generates it sits behind "Edit template". Events never overwrite a hand-edited draft: they are counted and merged on request.
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { Audience } from '../../../../shared/events';
import type { DeliveryState, UpdateDraft } from '../../../../shared/ipc/updates';
import { parseTemplate, renderTemplate } from '../../../../shared/updates/template';
import { updateVariableNames } from '../../../../shared/updates/update-context';
import { diffUpdates } from '../../../../shared/updates/update-diff';
import { CallError, getClient } from '../../api/client';
import { useFormatTime } from '../../time/Time';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { DraftEditor } from './DraftEditor';
import { editFrom, effectiveDraft, mergeNewFacts, type DraftEdit } from './draft-state';
import { UpdatePreview } from './UpdatePreview';
import { updateKeys, useUpdateDraft, useUpdateMutations } from './update-queries';

const deliveryWords: Record<DeliveryState['state'], string> = {
  not_sent: 'not sent',
  pending: 'waiting in the outbox',
  sent: 'sent',
  failed: 'failed',
  cancelled: 'cancelled',
};
const channelWords: Record<DeliveryState['channel'], string> = { clipboard: 'Clipboard', markdown_file: 'Markdown file', jira: 'Jira', pagerduty: 'PagerDuty', statuspage: 'Status page' };

interface Props {
  incidentId: string;
  audience: Audience;
  /** Unsaved edits, kept by the pane so switching audiences (and publishing several at once) uses them. */
  edit: DraftEdit | undefined;
  onEdit(edit: DraftEdit | undefined): void;
}

export function AudienceDraft({ incidentId, audience, edit, onEdit }: Props) {
  const draft = useUpdateDraft(incidentId, audience);
  const format = useFormatTime();
  const { saveDraft } = useUpdateMutations(incidentId);
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>();

  const data = draft.data;
  const current = data ? effectiveDraft(data, edit) : undefined;
  const result = useMemo(() => (data && current ? renderTemplate(current.text, data.variables) : undefined), [current?.text, data]);
  const text = result?.ok ? result.text : undefined;
  const diff = useMemo(() => (text !== undefined ? diffUpdates(data?.previous?.text, text) : undefined), [text, data?.previous?.text]);

  if (draft.error) return <ErrorNotice error={draft.error} title="The draft could not be loaded" />;
  if (!data || !current || !result) return <p className="loading">Loading draft…</p>;

  async function save() {
    setError(undefined);
    try {
      await saveDraft.mutateAsync({ audience, source: current!.text, basedOnSeq: current!.basedOnSeq, base: current!.base });
      await queryClient.refetchQueries({ queryKey: updateKeys.draft(incidentId, audience) });
      onEdit(undefined);
    } catch (e) {
      setError(e);
    }
  }

  return (
    <div className="update-draft" data-audience={audience}>
      <p className="update-draft-meta">
        {current.handEdited ? (data.draftSavedAt && !current.unsaved ? `Edited by hand, saved ${format(data.draftSavedAt)}` : 'Edited by hand') : 'Written from the incident’s facts; edit the text freely'}
        {data.previous ? ` · last published ${format(data.previous.ts)} via ${data.previous.channel}` : ' · nothing published to this audience yet'}
        {' · '}
        {data.cadence.reason}
      </p>
      {current.newEvents > 0 ? (
        <p className="new-facts" role="status">
          {current.newEventsAtLeast ? `${current.newEvents.toLocaleString('en')}+ new events` : `${current.newEvents} new event${current.newEvents === 1 ? '' : 's'}`} since you started this draft
          <button type="button" onClick={() => onEdit(mergeNewFacts(data, current))} disabled={data.generated === undefined}>
            Merge new facts
          </button>
        </p>
      ) : null}
      {data.previous && data.previous.deliveries.length > 0 ? (
        <ul className="previous-deliveries" aria-label="Deliveries of the last update">
          {data.previous.deliveries.map((d, i) => (
            <li key={`${d.channel}-${i}`} className={`delivery-${d.state}`} title={d.detail}>
              {channelWords[d.channel]}: {deliveryWords[d.state]}
              {d.state === 'not_sent' || d.state === 'failed' ? ` — ${d.detail}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="update-columns">
        <div className="draft-editor">
          <textarea
            aria-label={`Draft for ${data.label}`}
            aria-invalid={!result.ok}
            spellCheck
            value={current.text}
            onChange={(e) => onEdit(editFrom(current, e.target.value))}
            rows={9}
          />
          {!result.ok ? (
            <ul className="draft-problems" aria-label="Problems in the draft">
              {result.problems.map((p, i) => (
                <li key={i}>
                  Line {p.line}, column {p.column}: {p.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <UpdatePreview text={text} diff={diff} previous={data.previous} label={data.label} />
      </div>
      <div className="draft-actions">
        <button type="button" onClick={() => void save()} disabled={!current.unsaved || saveDraft.isPending}>
          Save draft
        </button>
        <button
          type="button"
          onClick={() => onEdit(data.generated !== undefined ? { text: data.generated, base: data.generated, basedOnSeq: data.lastSeq } : undefined)}
          disabled={!current.handEdited || data.generated === undefined}
          title="Throw away the hand-written text and write the draft from the facts again"
        >
          Rewrite from facts
        </button>
        {current.unsaved ? <span className="draft-unsaved">Unsaved changes</span> : null}
      </div>
      <ErrorNotice error={error} title="Not done" />
      <TemplateDisclosure incidentId={incidentId} audience={audience} data={data} />
    </div>
  );
}

function TemplateDisclosure({ incidentId, audience, data }: { incidentId: string; audience: Audience; data: UpdateDraft }) {
  const queryClient = useQueryClient();
  const [source, setSource] = useState<string>();
  const [note, setNote] = useState<string>();
  const [error, setError] = useState<unknown>();
  const shown = source ?? data.templateSource;
  const problems = useMemo(() => parseTemplate(shown, updateVariableNames).problems, [shown]);
  const refetch = () => queryClient.refetchQueries({ queryKey: updateKeys.draft(incidentId, audience) });

  async function call(channel: 'updates.saveTemplate' | 'updates.resetTemplate') {
    setError(undefined);
    setNote(undefined);
    const done = channel === 'updates.saveTemplate' ? await getClient().call(channel, { audience, source: shown }) : await getClient().call(channel, { audience });
    if (!done.ok) return setError(new CallError(done.error));
    setSource(undefined);
    setNote(channel === 'updates.saveTemplate' ? `Saved the ${data.label} template (${done.value.file}); drafts not edited by hand follow it.` : `The ${data.label} template is the shipped default again.`);
    await refetch();
  }

  return (
    <details className="template-disclosure">
      <summary>Edit template</summary>
      {data.templateProblems.length > 0 ? <p className="update-policy-problem">The saved template has problems, so the draft could not be written from it. Fix them here.</p> : null}
      <DraftEditor label={data.label} source={shown} problems={problems} catalogue={data.catalogue} variables={data.variables} onChange={setSource} />
      <div className="draft-actions">
        <button type="button" onClick={() => void call('updates.saveTemplate')} disabled={source === undefined || source === data.templateSource || problems.length > 0}>
          Save template
        </button>
        <button type="button" onClick={() => void call('updates.resetTemplate')}>
          Restore shipped template
        </button>
      </div>
      {note ? <p className="draft-note">{note}</p> : null}
      <ErrorNotice error={error} title="Template not saved" />
    </details>
  );
}
