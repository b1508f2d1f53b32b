// Re-classify the open incident's severity, with the criteria shown and an optional reason.
import { useState } from 'react';
import type { Severity } from '../../../shared/incidents/severity';
import { useIncident, useIncidentMutations } from '../api/queries';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { SeverityPicker } from './SeverityPicker';

export function SeverityDialog({ incidentId, onClose }: { incidentId: string; onClose: () => void }) {
  const incident = useIncident(incidentId);
  const { changeSeverity } = useIncidentMutations();
  const [severity, setSeverity] = useState<Severity>(incident.data?.state?.severity ?? 'SEV2');
  const [reason, setReason] = useState('');
  return (
    <Dialog title="Change severity" onClose={onClose} wide>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          changeSeverity.mutate({ incidentId, to: severity, ...(reason.trim() ? { reason: reason.trim() } : {}) }, { onSuccess: onClose });
        }}
      >
        <SeverityPicker value={severity} onChange={setSeverity} />
        <label>
          Reason <span className="field-hint">(optional)</span>
          <input value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <ErrorNotice error={changeSeverity.error} title="Severity not changed" />
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={changeSeverity.isPending}>
            Change severity
          </button>
        </div>
      </form>
    </Dialog>
  );
}
