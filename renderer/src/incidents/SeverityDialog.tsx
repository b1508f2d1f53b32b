// Re-classify the open incident's severity, with the criteria shown; a downgrade asks for a reason and a confirmation.
import { useState } from 'react';
import { isSeverityDowngrade } from '../../../shared/incidents/change-guards';
import type { Severity } from '../../../shared/incidents/severity';
import { useIncident, useIncidentMutations } from '../api/queries';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { SeverityPicker } from './SeverityPicker';
import { useSeverityUndo } from './use-status-change';

export function SeverityDialog({ incidentId, onClose }: { incidentId: string; onClose: () => void }) {
  const incident = useIncident(incidentId);
  const { changeSeverity } = useIncidentMutations();
  const offerUndo = useSeverityUndo();
  const from = incident.data?.state?.severity ?? 'SEV2';
  const [severity, setSeverity] = useState<Severity>(from);
  const [reason, setReason] = useState('');
  const downgrade = isSeverityDowngrade(from, severity);
  return (
    <Dialog title="Change severity" onClose={onClose} wide>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (severity === from) return onClose();
          changeSeverity.mutate(
            { incidentId, to: severity, ...(reason.trim() ? { reason: reason.trim() } : {}) },
            {
              onSuccess: () => {
                offerUndo(incidentId, from, severity);
                onClose();
              },
            },
          );
        }}
      >
        <SeverityPicker value={severity} onChange={setSeverity} />
        {downgrade ? (
          <p className="confirm-warning" role="note">
            Downgrading from {from} to {severity} lowers who is paged and how often stakeholders hear. Say why.
          </p>
        ) : null}
        <label>
          Reason <span className="field-hint">{downgrade ? '(required for a downgrade)' : '(optional)'}</span>
          <input value={reason} onChange={(e) => setReason(e.target.value)} required={downgrade} minLength={downgrade ? 3 : undefined} />
        </label>
        <ErrorNotice error={changeSeverity.error} title="Severity not changed" />
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={changeSeverity.isPending || severity === from}>
            {downgrade ? `Confirm downgrade to ${severity}` : severity === from ? 'Choose a new severity' : `Change to ${severity}`}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
