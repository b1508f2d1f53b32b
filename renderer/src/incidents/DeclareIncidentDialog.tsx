// Declare an incident: title, severity with criteria, commander, affected services.
import { useState } from 'react';
import type { Severity } from '../../../shared/incidents/severity';
import { useAppInfo, useIncidentMutations } from '../api/queries';
import { useUiStore } from '../state/ui-store';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { SeverityPicker } from './SeverityPicker';

export function parseServices(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean))];
}

export function DeclareIncidentDialog({ onClose }: { onClose: () => void }) {
  const info = useAppInfo();
  const { declare } = useIncidentMutations();
  const selectIncident = useUiStore((s) => s.selectIncident);
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState<Severity>('SEV2');
  const [commander, setCommander] = useState(info.data?.operator ?? '');
  const [services, setServices] = useState('');
  const [summary, setSummary] = useState('');

  return (
    <Dialog title="Declare incident" onClose={onClose} wide>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          declare.mutate(
            { title, severity, commander, services: parseServices(services), ...(summary.trim() ? { summary: summary.trim() } : {}) },
            {
              onSuccess: (state) => {
                selectIncident(state.id);
                onClose();
              },
            },
          );
        }}
      >
        <label>
          Title
          <input value={title} onChange={(e) => setTitle(e.target.value)} required minLength={3} placeholder="Checkout requests failing in eu-west" />
        </label>
        <SeverityPicker value={severity} onChange={setSeverity} />
        <label>
          Commander
          <input value={commander} onChange={(e) => setCommander(e.target.value)} required />
        </label>
        <label>
          Affected services <span className="field-hint">(comma or space separated)</span>
          <input value={services} onChange={(e) => setServices(e.target.value)} placeholder="checkout-api payments" />
        </label>
        <label>
          What is happening <span className="field-hint">(optional)</span>
          <textarea value={summary} onChange={(e) => setSummary(e.target.value)} rows={3} />
        </label>
        <ErrorNotice error={declare.error} title="Incident not declared" />
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={declare.isPending}>
            Declare incident
          </button>
        </div>
      </form>
    </Dialog>
  );
}
