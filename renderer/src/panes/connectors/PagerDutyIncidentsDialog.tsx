// PagerDuty incidents, filtered by PagerDuty itself (services, status, urgency, since), a page at a time: import one as a new
// Firebreak incident, or link one to the incident on screen.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { IncidentListItem } from '../../../../shared/ipc';
import { getClient } from '../../api/client';
import { queryKeys } from '../../api/queries';
import { useUiStore } from '../../state/ui-store';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useIncidentConnectorMutations, usePagerDutyIncidentPages, usePagerDutyServices } from './connector-queries';

const STATUSES = ['triggered', 'acknowledged', 'resolved'] as const;
const SINCE = { '': 'PagerDuty default', '1': 'last 24 hours', '7': 'last 7 days', '30': 'last 30 days' } as const;

export function PagerDutyIncidentsDialog({ incidentId, canLink, onClose }: { incidentId: string; canLink: boolean; onClose: () => void }) {
  const services = usePagerDutyServices(true);
  const [chosen, setChosen] = useState<string[]>([]);
  const [statuses, setStatuses] = useState<(typeof STATUSES)[number][]>(['triggered', 'acknowledged']);
  const [urgency, setUrgency] = useState<'' | 'high' | 'low'>('');
  const [sinceDays, setSinceDays] = useState<keyof typeof SINCE>('');
  // Rounded to the hour so the query key (and the cached pages) stay put while the dialog is open.
  const since = sinceDays ? new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - Number(sinceDays) * 86_400_000).toISOString() : undefined;
  const pages = usePagerDutyIncidentPages({ serviceIds: chosen, statuses, urgencies: urgency ? [urgency] : [], ...(since ? { since } : {}) }, statuses.length > 0);
  // Offset paging can repeat an incident when new ones arrive between pages; show each once.
  const incidents = pages.data ? [...new Map(pages.data.pages.flatMap((p) => p.incidents).map((i) => [i.id, i])).values()] : undefined;
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
  const toggleStatus = (s: (typeof STATUSES)[number]) => setStatuses((c) => (c.includes(s) ? c.filter((x) => x !== s) : [...c, s]));

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
      <fieldset className="pd-filters">
        <legend>Filter</legend>
        {STATUSES.map((s) => (
          <label key={s} className="inline-check">
            <input type="checkbox" checked={statuses.includes(s)} onChange={() => toggleStatus(s)} /> {s}
          </label>
        ))}
        <label className="inline-check">
          Urgency{' '}
          <select value={urgency} onChange={(e) => setUrgency(e.target.value as typeof urgency)}>
            <option value="">any</option>
            <option value="high">high</option>
            <option value="low">low</option>
          </select>
        </label>
        <label className="inline-check">
          Created{' '}
          <select value={sinceDays} onChange={(e) => setSinceDays(e.target.value as keyof typeof SINCE)}>
            {Object.entries(SINCE).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {statuses.length === 0 ? <span className="field-hint">Choose at least one status.</span> : null}
      </fieldset>
      <ErrorNotice error={pages.error ?? importIncident.error ?? linkPagerDuty.error} title="PagerDuty" />
      {pages.isLoading ? <p className="loading">Loading incidents…</p> : null}
      {incidents && incidents.length === 0 ? <p className="field-hint">No incidents match these filters.</p> : null}
      <ul className="pd-incidents">
        {incidents?.map((i) => (
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
      {pages.hasNextPage ? (
        <button type="button" className="pd-load-more" onClick={() => void pages.fetchNextPage()} disabled={pages.isFetchingNextPage}>
          {pages.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      ) : null}
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
