// The incident cockpit: header over timeline, runbook checklist, metrics, stakeholder updates and rollback panes.
import type { CapabilityName } from '../../../shared/ipc';
import { useIncident } from '../api/queries';
import { MetricsPane } from '../panes/metrics/MetricsPane';
import { RollbackPane } from '../panes/rollback/RollbackPane';
import { RunbookPane } from '../panes/runbooks/RunbookPane';
import { TimelinePane } from '../panes/timeline/TimelinePane';
import { UpdatesPane } from '../panes/updates/UpdatesPane';
import { ErrorNotice } from '../ui/ErrorNotice';
import { IncidentHeader } from './IncidentHeader';
import { LogProblems } from './LogProblems';

export function Cockpit({ incidentId }: { incidentId: string; capabilities: readonly CapabilityName[] }) {
  const incident = useIncident(incidentId);
  if (incident.error) return <ErrorNotice error={incident.error} title="This incident could not be opened" />;
  if (!incident.data) return <p className="loading">Loading incident…</p>;
  const { state, problems } = incident.data;
  return (
    <div className="cockpit" data-incident-id={incidentId}>
      {state ? <IncidentHeader state={state} /> : null}
      <LogProblems problems={problems} />
      {state ? (
        <div className="cockpit-grid">
          <TimelinePane incidentId={incidentId} />
          <div className="cockpit-column">
            <RunbookPane incidentId={incidentId} />
            <RollbackPane incidentId={incidentId} />
          </div>
          <div className="cockpit-column">
            <MetricsPane incidentId={incidentId} />
            <UpdatesPane incidentId={incidentId} />
          </div>
        </div>
      ) : null}
    </div>
  );
}
