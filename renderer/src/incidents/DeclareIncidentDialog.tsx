// Declare an incident: title, severity with criteria, commander, affected services.
import { useState } from 'react';
import type { Severity } from '../../../shared/incidents/severity';
import type { IncidentListItem } from '../../../shared/ipc';
import { useAppInfo, useIncidentMutations, useIncidents } from '../api/queries';
import { useUiStore } from '../state/ui-store';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { focusNoteComposer } from '../ui/focus-composer';
import { SeverityPicker } from './SeverityPicker';

export function parseServices(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean))];
}

/** An unresolved incident with the same title (case and spacing ignored): declaring again would split the response. */
export function findOpenDuplicate(incidents: readonly IncidentListItem[], title: string): IncidentListItem['state'] {
  const key = title.trim().replace(/\s+/g, ' ').toLowerCase();
  if (key.length < 3) return undefined;
  return incidents.find((i) => i.state && i.state.status !== 'resolved' && i.state.title.trim().replace(/\s+/g, ' ').toLowerCase() === key)?.state;
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
  const duplicate = findOpenDuplicate(useIncidents().data ?? [], title);

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
                focusNoteComposer(state.id);
              },
            },
          );
        }}
      >
        <label>
          Title
          <input value={title} onChange={(e) => setTitle(e.target.value)} required minLength={3} placeholder="Checkout requests failing in eu-west" />
        </label>
        {duplicate ? (
          <div className="confirm-warning" role="alert">
            An open {duplicate.severity} incident already has this title. Declaring again splits the response in two.{' '}
            <button
              type="button"
              onClick={() => {
                selectIncident(duplicate.id);
                onClose();
                focusNoteComposer(duplicate.id);
              }}
            >
              Open the existing incident
            </button>
          </div>
        ) : null}
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
          <textarea value={summary} onChange={(e) => setSummary(e.target.value)} rows={2} />
        </label>
        <ErrorNotice error={declare.error} title="Incident not declared" />
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={declare.isPending}>
            {duplicate ? 'Declare a second incident' : 'Declare incident'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
