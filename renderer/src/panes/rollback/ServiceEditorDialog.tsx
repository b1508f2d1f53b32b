// Adds or edits one service catalogue entry through a form, with the raw entry as an "Advanced (JSON)" view that round-trips
// with it. The core validates on save and keeps keys it does not know; its field errors are shown under the field they name.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { ServiceConfig } from '../../../../shared/services/service-config';
import { CallError, getClient } from '../../api/client';
import { queryKeys } from '../../api/queries';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { ViewSwitch, type EditorView } from '../../ui/ViewSwitch';
import { rollbackKeys } from './rollback-queries';
import { draftFromEntry, entryFromDraft, fieldErrors, newServiceEntry, parseEntryText, type Entry, type ServiceDraft } from './service-form';
import { ServiceFormFields } from './ServiceFormFields';

export interface ServiceEditorProps {
  /** The entry to edit; absent to add a new one. */
  service: ServiceConfig | undefined;
  /** For a new service: the name to start from (the service the incident was declared for). */
  suggestedName?: string;
  onClose: () => void;
}

export function ServiceEditorDialog({ service, suggestedName, onClose }: ServiceEditorProps) {
  const [base, setBase] = useState<Entry>(() => (service as Entry | undefined) ?? newServiceEntry(suggestedName));
  const [draft, setDraft] = useState<ServiceDraft>(() => draftFromEntry(base));
  const [view, setView] = useState<EditorView>('form');
  const [text, setText] = useState('');
  const [jsonProblem, setJsonProblem] = useState<string>();
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: rollbackKeys.services });
    void queryClient.invalidateQueries({ queryKey: queryKeys.appInfo });
  };
  const formRef = useRef<HTMLFormElement>(null);
  const save = useMutation({
    mutationFn: (entry: Entry) => getClient().callOrThrow('services.put', { service: entry }),
    onSuccess: () => (refresh(), onClose()),
  });
  // After a refused save, take the user to the first field the core named, so a field far down is not missed.
  useEffect(() => {
    if (save.error) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [save.error]);
  const remove = useMutation({ mutationFn: (name: string) => getClient().callOrThrow('services.remove', { name }), onSuccess: () => (refresh(), onClose()) });
  const errors = view === 'form' ? fieldErrors(save.error instanceof CallError ? save.error.error : undefined) : {};

  const switchTo = (next: EditorView) => {
    if (next === 'json') {
      setText(JSON.stringify(entryFromDraft(draft, base), null, 2));
      setJsonProblem(undefined);
      setView('json');
      return;
    }
    const parsed = parseEntryText(text);
    if ('problem' in parsed) {
      setJsonProblem(`${parsed.problem} Fix it to go back to the form.`);
      return;
    }
    setBase(parsed.entry);
    setDraft(draftFromEntry(parsed.entry));
    setView('form');
  };

  const submit = () => {
    if (view === 'form') return save.mutate(entryFromDraft(draft, base));
    const parsed = parseEntryText(text);
    if ('problem' in parsed) return setJsonProblem(parsed.problem);
    setJsonProblem(undefined);
    save.mutate(parsed.entry);
  };

  return (
    <Dialog title={service ? `Edit service ${service.name}` : 'Add a service'} onClose={onClose} wide>
      <form
        ref={formRef}
        className="form service-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <ViewSwitch view={view} onSwitch={switchTo} label="Edit the service as" />
        {view === 'form' ? (
          <ServiceFormFields draft={draft} onChange={setDraft} errors={errors} />
        ) : (
          <>
            <label>
              Service entry (JSON)
              <textarea className="service-json" value={text} onChange={(e) => setText(e.target.value)} rows={16} spellCheck={false} aria-invalid={jsonProblem ? true : undefined} />
            </label>
            {jsonProblem ? (
              <p className="field-error" role="alert">
                {jsonProblem}
              </p>
            ) : null}
            <span className="field-hint">
              Everything the form shows, plus what it does not: a kill switch {'{kind: "kill-switch", url, method, headers, body, timeoutMs, forward?}'}, command env,
              and other settings. Header and env values may use ${'{env:NAME}'}.
            </span>
          </>
        )}
        <ErrorNotice error={save.error} title="Not saved" />
        <ErrorNotice error={remove.error} title="Not removed" />
        <div className="form-actions">
          {service ? (
            <button type="button" onClick={() => remove.mutate(service.name)} disabled={remove.isPending}>
              Remove service
            </button>
          ) : null}
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button type="submit" className="primary" disabled={save.isPending}>
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
