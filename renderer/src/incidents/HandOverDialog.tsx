// Hand over command in two steps. Step one: the commander names the successor with a handover note, pre-filled from the log
// (status, open actions, next update due, open checklist steps). Step two: the successor accepts as themselves, or — when
// they are not in Firebreak (offline) — the current commander records that they took over. Every step is a timeline event.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { getClient } from '../api/client';
import { useIncident } from '../api/queries';
import { useIdentity } from '../identity/identity-queries';
import { useTeamChange } from '../team/team-queries';
import { Time } from '../time/Time';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { FormField } from '../ui/FormField';
import { useToastStore } from '../ui/toast-store';
import '../team/team.css';
import { FormActions } from '../ui/FormActions';

const same = (a: string, b: string | undefined) => !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

export function HandOverDialog({ incidentId, onClose }: { incidentId: string; onClose: () => void }) {
  const state = useIncident(incidentId).data?.state;
  if (!state) return null;
  return (
    <Dialog title="Hand over command" onClose={onClose} wide>
      {state.handover ? <PendingHandover incidentId={incidentId} onClose={onClose} /> : <ProposeHandover incidentId={incidentId} onClose={onClose} />}
    </Dialog>
  );
}

function ProposeHandover({ incidentId, onClose }: { incidentId: string; onClose: () => void }) {
  const current = useIncident(incidentId).data?.state?.commander ?? '';
  const draft = useQuery({ queryKey: ['team', 'handoverDraft', incidentId], queryFn: () => getClient().callOrThrow('team.handoverDraft', { incidentId }), staleTime: 0, gcTime: 0 });
  const [to, setTo] = useState('');
  const [note, setNote] = useState<string>();
  const [tried, setTried] = useState(false);
  useEffect(() => {
    if (draft.data && note === undefined) setNote(draft.data.note);
  }, [draft.data, note]);
  const propose = useTeamChange('team.proposeHandover');
  const toError = !tried ? undefined : !to.trim() ? 'Name the new commander' : same(current, to) ? `${current} is already the commander` : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!to.trim() || same(current, to)) return;
    propose.mutate({ incidentId, to: to.trim(), note: note ?? '' });
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <p>
        Current commander: <strong>{current}</strong>. The new commander accepts on their own laptop, or you record the handover once they have taken over.
      </p>
      <FormField label="New commander" hint="Name or handle" {...(toError ? { error: toError } : {})}>
        <input value={to} onChange={(e) => setTo(e.target.value)} maxLength={120} data-autofocus />
      </FormField>
      <FormField label="Handover note" hint="Pre-filled from the incident: edit it to say what the successor must know">
        <textarea className="handover-note" value={note ?? ''} onChange={(e) => setNote(e.target.value)} disabled={note === undefined && draft.isPending} />
      </FormField>
      <ErrorNotice error={draft.error} title="The handover note could not be pre-filled (write it yourself)" />
      <ErrorNotice error={propose.error} title="Handover not proposed" />
      <FormActions onCancel={onClose} submitLabel="Propose handover" disabled={propose.isPending} />
    </form>
  );
}

function PendingHandover({ incidentId, onClose }: { incidentId: string; onClose: () => void }) {
  const state = useIncident(incidentId).data?.state;
  const me = useIdentity().data;
  const push = useToastStore((s) => s.push);
  const done = (verb: string) => () => {
    push({ message: verb });
    onClose();
  };
  const accept = useTeamChange('team.acceptHandover', done('You are now the commander'));
  const record = useTeamChange('team.recordHandover', done(`${state?.handover?.to ?? 'The successor'} is now the commander`));
  const withdraw = useTeamChange('team.withdrawHandover');
  const handover = state?.handover;
  if (!state || !handover) return null;
  const isSuccessor = !!me && (same(handover.to, me.name) || same(handover.to, me.handle) || same(handover.to, `@${me.handle ?? ''}`));
  const busy = accept.isPending || record.isPending || withdraw.isPending;
  return (
    <div className="form">
      <p>
        <strong>{handover.from}</strong> → <strong>{handover.to}</strong>, proposed by {handover.proposedBy} <Time at={handover.proposedAt} />
      </p>
      <h3>Handover note</h3>
      <pre className="handover-pending" aria-label="Handover note">
        {handover.note || '(no note)'}
      </pre>
      {isSuccessor ? null : <p className="field-hint">{handover.to} accepts on their own laptop. If they took over outside Firebreak, record the handover.</p>}
      <ErrorNotice error={accept.error ?? record.error ?? withdraw.error} title="Handover not changed" />
      <div className="form-actions">
        <button type="button" onClick={() => withdraw.mutate({ incidentId })} disabled={busy}>
          Withdraw
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
        {isSuccessor ? (
          <button type="button" className="primary" onClick={() => accept.mutate({ incidentId })} disabled={busy}>
            Accept command as {me?.name}
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => record.mutate({ incidentId })} disabled={busy}>
            Record handover to {handover.to}
          </button>
        )}
      </div>
    </div>
  );
}
