// Offers to attach the runbooks that the incident's alerts link to (their runbook_url annotation matches a library runbook).
// The core works them out from its incremental projection, so a windowed incident (whose log the renderer never holds) gets
// them too, and this pane never loads the log.
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useAlertRunbookOffers, useChecklistMutations } from './runbook-queries';

export function AlertRunbookOffers({ incidentId }: { incidentId: string }) {
  const offers = useAlertRunbookOffers(incidentId).data?.offers ?? [];
  const { attach } = useChecklistMutations(incidentId);
  if (offers.length === 0 && !attach.error) return null;
  return (
    <div className="alert-runbook-offers" role="region" aria-label="Runbooks linked from alerts">
      {offers.map((o) => (
        <p key={o.runbookId} className="alert-runbook-offer">
          <span>
            Alert <strong>{o.alertname}</strong> links the runbook <strong>{o.title}</strong>.
          </span>
          <button type="button" disabled={attach.isPending} onClick={() => attach.mutate(o.runbookId)}>
            Attach {o.title}
          </button>
        </p>
      ))}
      <ErrorNotice error={attach.error} title="Runbook not attached" />
    </div>
  );
}
