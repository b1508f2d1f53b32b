// Under the incident header, when the current status was set at the same time as another change on another laptop: says
// which one stands and why (both are kept; the team server's order decides, the same on every laptop).
import { useSyncIncident } from './sync-queries';

export function StatusConflictNotice({ incidentId }: { incidentId: string }) {
  const conflict = useSyncIncident(incidentId).data?.statusConflict;
  if (!conflict) return null;
  return (
    <p className="sync-conflict" role="note" data-testid="status-conflict">
      {conflict.explanation}
    </p>
  );
}
