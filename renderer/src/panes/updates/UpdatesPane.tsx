// Placeholder for the Stakeholder updates pane until that capability lands.
import { NotAvailablePane } from '../../cockpit/NotAvailablePane';

export function UpdatesPane(_props: { incidentId: string }) {
  return <NotAvailablePane id="updates" title="Stakeholder updates" reason="Update drafts and cadence reminders are not built in this version." />;
}
