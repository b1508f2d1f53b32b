// Placeholder for the Runbook checklist pane until that capability lands.
import { NotAvailablePane } from '../../cockpit/NotAvailablePane';

export function RunbookPane(_props: { incidentId: string }) {
  return <NotAvailablePane id="runbooks" title="Runbook checklist" reason="The runbook library and incident checklists are not built in this version." />;
}
