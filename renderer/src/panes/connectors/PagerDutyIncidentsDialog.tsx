// Open PagerDuty incidents of chosen services: import one as a new Firebreak incident, or link one to the incident on screen.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { IncidentListItem } from '../../../../shared/ipc';
import { getClient } from '../../api/client';
import { queryKeys } from '../../api/queries';
import { useUiStore } from '../../state/ui-store';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useIncidentConnectorMutations, useOpenPagerDutyIncidents, usePagerDutyServices } from './connector-queries';

export function PagerDutyIncidentsDialog({ incidentId, canLink, onClose }: { incidentId: string; canLink: boolean; onClose: () => void }) {
  const services = usePagerDutyServices(true);
  const [chosen, setChosen] = useState<string[]>([]);
  const open = useOpenPagerDutyIncidents(chosen, true);
  const { linkPagerDuty } = useIncidentConnectorMutations(incidentId);
  const selectIncident = useUiStore((s) => s.selectIncident);
  const qc = useQueryClient();
  const importIncident = useMutation({
    mutationFn: (pdIncidentId: string) => getClient().callOrThrow('pagerduty.import', { pdIncidentId }),
    onSuccess: (state) => {
      // Put the new incident in the list first, so selecting it never races the list refetch (as declaring does).
      qc.setQueryData(queryKeys.incidents, (old: IncidentListItem[] | undefined) => [{ id: state.id, state, problems: [] }, ...(old ?? [])]);
      void qc.invalidateQueries({ queryKey: queryKeys.incidents });
      selectIncident(state.id);
      onClose();
    },
  });
  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));

  return (
    <Dialog title="PagerDuty incidents" onClose={onClose} wide>
      <ErrorNotice error={services.error} title="Services could not be listed" />
      <fieldset className="pd-services">
        <legend>Services {chosen.length === 0 ? <span className="field-hint">(none chosen: all services)</span> : null}</legend>
        {services.data?.map((s) => (
          <label key={s.id} className="inline-check">
            <input type="checkbox" checked={chosen.includes(s.id)} onChange={() => toggle(s.id)} /> {s.name}
          </label>
        ))}
      </fieldset>
      <ErrorNotice error={open.error ?? importIncident.error ?? linkPagerDuty.error} title="PagerDuty" />
      {open.isPending ? <p className="loading">Loading open incidents…</p> : null}
      {open.data && open.data.length === 0 ? <p className="field-hint">No triggered or acknowledged incidents for these services.</p> : null}
      <ul className="pd-incidents">
        {open.data?.map((i) => (
          <li key={i.id} data-pd-incident={i.id}>
            <span className={`pd-status pd-${i.status}`}>{i.status}</span>
            <span className="pd-title">
              {i.number !== undefined ? `#${i.number} ` : ''}
              {i.title}
            </span>
            <span className="field-hint">
              {i.serviceName ?? ''} {i.assignees.length > 0 ? `· ${i.assignees.join(', ')}` : ''}
            </span>
            <span className="row-actions">
              <button type="button" onClick={() => importIncident.mutate(i.id)} disabled={importIncident.isPending}>
                Import
              </button>
              {canLink ? (
                <button type="button" onClick={() => linkPagerDuty.mutate({ pdIncidentId: i.id }, { onSuccess: onClose })} disabled={linkPagerDuty.isPending}>
                  Link here
                </button>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
