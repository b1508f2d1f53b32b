// One audience's update: editor with live preview and diff, draft saving, and publishing through the core.
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { Audience, UpdateChannel, UpdateFormat } from '../../../../shared/events';
import type { DeliveryOutcome, DeliveryState } from '../../../../shared/ipc/updates';
import { renderTemplate, type TemplateProblem } from '../../../../shared/updates/template';
import { diffUpdates } from '../../../../shared/updates/update-diff';
import { CallError, getClient } from '../../api/client';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { copyText } from '../../ui/clipboard';
import { DraftEditor } from './DraftEditor';
import { PublishControls } from './PublishControls';
import { UpdatePreview } from './UpdatePreview';
import { updateKeys, useUpdateDraft, useUpdateMutations } from './update-queries';
import { useFormatTime } from '../../time/Time';

const deliveryWords: Record<DeliveryState['state'], string> = {
  not_sent: 'not sent',
  pending: 'waiting in the outbox',
  sent: 'sent',
  failed: 'failed',
  cancelled: 'cancelled',
};

interface Props {
  incidentId: string;
  audience: Audience;
  /** Unsaved edits, kept by the pane so switching audiences does not lose them. */
  edit: string | undefined;
  onEdit(source: string | undefined): void;
}

export function AudienceDraft({ incidentId, audience, edit, onEdit }: Props) {
  const draft = useUpdateDraft(incidentId, audience);
  const format = useFormatTime();
  const { saveDraft, publish, render } = useUpdateMutations(incidentId);
  const queryClient = useQueryClient();
  const [outcomes, setOutcomes] = useState<DeliveryOutcome[]>();
  const [error, setError] = useState<unknown>();
  const [serverProblems, setServerProblems] = useState<TemplateProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const [templateNote, setTemplateNote] = useState<string>();

  const data = draft.data;
  const source = edit ?? data?.source ?? '';
  const result = useMemo(() => (data ? renderTemplate(source, data.variables) : undefined), [source, data]);
  const text = result?.ok ? result.text : undefined;
  const diff = useMemo(() => (text !== undefined ? diffUpdates(data?.previous?.text, text) : undefined), [text, data?.previous?.text]);

  if (draft.error) return <ErrorNotice error={draft.error} title="The draft could not be loaded" />;
  if (!data || !result) return <p className="loading">Loading draft…</p>;
  const problems = result.ok ? serverProblems : result.problems;

  const refetchDraft = () => queryClient.refetchQueries({ queryKey: updateKeys.draft(incidentId, audience) });

  async function publishNow(channels: UpdateChannel[], format: UpdateFormat) {
    setBusy(true);
    setError(undefined);
    setOutcomes(undefined);
    try {
      // The core renders the final text; that exact text is copied and recorded.
      const rendered = await render({ audience, source });
      if (rendered.text === undefined) {
        setServerProblems(rendered.problems);
        return;
      }
      setServerProblems([]);
      if (channels.includes('clipboard')) {
        try {
          await copyText(format === 'plain' ? rendered.plainText! : rendered.text);
        } catch (e) {
          setError(new CallError({ code: 'unavailable', message: `Could not copy to the clipboard (${(e as Error).message}); nothing was published.` }));
          return;
        }
      }
      const published = await publish.mutateAsync({ audience, source, channels, format, renderedAt: rendered.renderedAt, expectedText: rendered.text });
      setOutcomes(published.deliveries);
      await refetchDraft();
      onEdit(undefined);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function save() {
    setError(undefined);
    try {
      await saveDraft.mutateAsync({ audience, source });
      await refetchDraft();
      onEdit(undefined);
    } catch (e) {
      setError(e);
    }
  }

  async function saveAsTemplate() {
    setError(undefined);
    setTemplateNote(undefined);
    const saved = await getClient().call('updates.saveTemplate', { audience, source });
    if (!saved.ok) return setError(new CallError(saved.error));
    setTemplateNote(`Saved as the ${data!.label} template (${saved.value.file}).`);
    await refetchDraft();
  }

  async function restoreShippedTemplate() {
    setError(undefined);
    const restored = await getClient().call('updates.resetTemplate', { audience });
    if (!restored.ok) return setError(new CallError(restored.error));
    setTemplateNote(`The ${data!.label} template is the shipped default again; "Reset to template" puts it in the draft.`);
    await refetchDraft();
  }

  return (
    <div className="update-draft" data-audience={audience}>
      <p className="update-draft-meta">
        {data.origin === 'draft' ? `Your saved draft (${format(data.draftSavedAt!)})` : `From the ${data.label} template`}
        {data.previous ? ` · last published ${format(data.previous.ts)} via ${data.previous.channel}` : ' · nothing published to this audience yet'}
        {' · '}
        {data.cadence.reason}
      </p>
      {data.previous && data.previous.deliveries.length > 0 ? (
        <ul className="previous-deliveries" aria-label="Deliveries of the last update">
          {data.previous.deliveries.map((d, i) => (
            <li key={`${d.channel}-${i}`} className={`delivery-${d.state}`} title={d.detail}>
              {d.channel === 'jira' ? 'Jira' : d.channel === 'statuspage' ? 'Status page' : 'PagerDuty'}: {deliveryWords[d.state]}
              {d.state === 'not_sent' || d.state === 'failed' ? ` — ${d.detail}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="update-columns">
        <DraftEditor label={data.label} source={source} problems={problems} catalogue={data.catalogue} variables={data.variables} onChange={onEdit} />
        <UpdatePreview text={text} diff={diff} previous={data.previous} label={data.label} />
      </div>
      <div className="draft-actions">
        <button type="button" onClick={() => void save()} disabled={edit === undefined || edit === data.source || saveDraft.isPending}>
          Save draft
        </button>
        <button type="button" onClick={() => onEdit(data.templateSource)} disabled={source === data.templateSource}>
          Reset to template
        </button>
        <button type="button" onClick={() => void saveAsTemplate()} disabled={!result.ok || source === data.templateSource}>
          Save as template
        </button>
        <button type="button" onClick={() => void restoreShippedTemplate()}>
          Restore shipped template
        </button>
        {edit !== undefined && edit !== data.source ? <span className="draft-unsaved">Unsaved changes</span> : null}
      </div>
      {templateNote ? <p className="draft-note">{templateNote}</p> : null}
      <ErrorNotice error={error} title="Not done" />
      <PublishControls channels={data.channels} canPublish={result.ok} busy={busy} outcomes={outcomes} onPublish={(c, f) => void publishNow(c, f)} />
    </div>
  );
}
