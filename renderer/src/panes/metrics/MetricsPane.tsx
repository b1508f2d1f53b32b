// Placeholder for the Live metrics pane until that capability lands.
import { NotAvailablePane } from '../../cockpit/NotAvailablePane';

export function MetricsPane(_props: { incidentId: string }) {
  return <NotAvailablePane id="metrics" title="Live metrics" reason="Prometheus and Alertmanager are not connected in this version." />;
}
