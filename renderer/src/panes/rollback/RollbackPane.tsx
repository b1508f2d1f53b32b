// Placeholder for the Rollback pane until that capability lands.
import { NotAvailablePane } from '../../cockpit/NotAvailablePane';

export function RollbackPane(_props: { incidentId: string }) {
  return <NotAvailablePane id="rollback" title="Rollback" reason="Guarded rollback is not built in this version." />;
}
