// Offers to attach the runbooks that the incident's alerts link to (their runbook_url annotation matches a library runbook).
import { useMemo } from 'react';
import { alertRunbookSuggestions } from '../../../../shared/runbooks/alert-runbooks';
import { useIncidentEvents, useTimelineWindowed } from '../../api/timeline-query';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useChecklistMutations, useRunbookList } from './runbook-queries';

export function AlertRunbookOffers({ incidentId }: { incidentId: string }) {
  // A windowed timeline's log is not held in the renderer: loading a million events for these offers would undo the window.
  const { sized, windowed } = useTimelineWindowed(incidentId);
  const events = useIncidentEvents(incidentId, sized && !windowed).data;
  const library = useRunbookList({}).data?.runbooks;
  const { attach } = useChecklistMutations(incidentId);
  const offers = useMemo(() => (events && library ? alertRunbookSuggestions(events, library) : []), [events, library]);
  if (offers.length === 0 && !attach.error) return null;
  return (
    <div className="alert-runbook-offers" role="region" aria-label="Runbooks linked from alerts">
      {offers.map((o) => (
        <p key={o.runbook.id} className="alert-runbook-offer">
          <span>
            Alert <strong>{o.alertname}</strong> links the runbook <strong>{o.runbook.title}</strong>.
          </span>
          <button type="button" disabled={attach.isPending} onClick={() => attach.mutate(o.runbook.id)}>
            Attach {o.runbook.title}
          </button>
        </p>
      ))}
      <ErrorNotice error={attach.error} title="Runbook not attached" />
    </div>
  );
}
