// Confirmation for a consequential status change (resolving): states what it ends and records the commander's note.
import { useState } from 'react';
import { statusLabels } from '../../../shared/incidents/status';
import { useIncident } from '../api/queries';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { usePendingStatusStore, useStatusChange } from './use-status-change';

export function ConfirmStatusDialog({ incidentId, onClose }: { incidentId: string; onClose: () => void }) {
  const incident = useIncident(incidentId).data?.state;
  const to = usePendingStatusStore((s) => s.to);
  const { apply, error, pending } = useStatusChange();
  const [note, setNote] = useState('');
  if (!incident || !to) return null;
  const verb = to === 'resolved' ? 'Resolve' : `Move to ${statusLabels[to]}`;
  return (
    <Dialog title={`${verb} ${incident.severity} incident?`} onClose={onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          apply(incident, to, note.trim())
            .then(onClose)
            .catch(() => undefined);
        }}
      >
        <p className="confirm-warning">
          “{incident.title}” is {statusLabels[incident.status].toLowerCase()}. Resolving stops the elapsed clock and the update reminders.
          You can undo for a few seconds afterwards, or reopen it later.
        </p>
        <label>
          Resolution note <span className="field-hint">(required: what fixed it, how you know)</span>
          <textarea
            value={note}
            onChange={(e) => setNote(e.target.value)}
            rows={3}
            required
            minLength={3}
            maxLength={2000}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit();
            }}
          />
        </label>
        <ErrorNotice error={error} title="Status not changed" />
        <div className="form-actions">
          <span className="field-hint">
            <kbd>Ctrl</kbd>/<kbd>⌘</kbd>+<kbd>Enter</kbd> to confirm
          </span>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={pending}>
            {verb} incident
          </button>
        </div>
      </form>
    </Dialog>
  );
}
