// Add a timestamped note (observation, hypothesis, decision or action) to the open incident.
import { useState } from 'react';
import type { NoteKind } from '../../../shared/events';
import { useIncidentMutations } from '../api/queries';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { FormActions } from '../ui/FormActions';

const kinds: NoteKind[] = ['note', 'observation', 'hypothesis', 'decision', 'action'];

export function NoteDialog({ incidentId, onClose }: { incidentId: string; onClose: () => void }) {
  const { addNote } = useIncidentMutations();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<NoteKind>('note');
  return (
    <Dialog title="Add note" onClose={onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          addNote.mutate({ incidentId, text, kind }, { onSuccess: onClose });
        }}
      >
        <label>
          Note
          <textarea
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={4}
            required
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit();
            }}
          />
        </label>
        <label>
          Kind
          <select value={kind} onChange={(e) => setKind(e.target.value as NoteKind)}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <ErrorNotice error={addNote.error} title="Note not saved" />
        <FormActions onCancel={onClose} submitLabel="Add note" disabled={addNote.isPending} />
      </form>
    </Dialog>
  );
}
