// Name + handle form shared by the first-run dialog and Settings; fields are checked with the contract's own rules before sending.
import { useState, type FormEvent } from 'react';
import { Handle, PersonName } from '../../../shared/ipc/identity';
import { ErrorNotice } from '../ui/ErrorNotice';
import { FormField } from '../ui/FormField';
import { useSaveIdentity } from './identity-queries';

const firstIssue = (result: { success: boolean; error?: { issues: { message: string }[] } }) => (result.success ? undefined : result.error?.issues[0]?.message);

/** A handle suggestion from the name ("Ana Kovač" → "ana.kovac"), until the user types their own. */
export function suggestHandle(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '')
    .slice(0, 40);
}

export function IdentityForm({ initial, submitLabel, onSaved, onCancel }: { initial?: { name?: string | undefined; handle?: string | undefined }; submitLabel: string; onSaved?: () => void; onCancel?: () => void }) {
  const [name, setName] = useState(initial?.name ?? '');
  const [handle, setHandle] = useState(initial?.handle ?? '');
  const [handleEdited, setHandleEdited] = useState(!!initial?.handle);
  const [tried, setTried] = useState(false);
  const save = useSaveIdentity(onSaved);
  const nameError = tried ? firstIssue(PersonName.safeParse(name)) : undefined;
  const handleError = tried ? firstIssue(Handle.safeParse(handle)) : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!PersonName.safeParse(name).success || !Handle.safeParse(handle).success) return;
    save.mutate({ name: name.trim(), handle: handle.trim() });
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormField label="Your name" hint="How teammates see you on the timeline and in the header" {...(nameError ? { error: nameError } : {})}>
        <input
          value={name}
          maxLength={120}
          autoComplete="name"
          onChange={(e) => {
            setName(e.target.value);
            if (!handleEdited) setHandle(suggestHandle(e.target.value));
          }}
        />
      </FormField>
      <FormField label="Handle" hint="Short and unique in your team, e.g. ana.k; roles and handovers can name you by it" {...(handleError ? { error: handleError } : {})}>
        <input
          value={handle}
          maxLength={40}
          onChange={(e) => {
            setHandle(e.target.value);
            setHandleEdited(true);
          }}
        />
      </FormField>
      <ErrorNotice error={save.error} title="Your name was not saved" />
      <div className="form-actions">
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className="primary" disabled={save.isPending}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
