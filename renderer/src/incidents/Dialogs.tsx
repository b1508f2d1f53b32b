// Mounts whichever incident dialog the UI store says is open.
import { useUiStore } from '../state/ui-store';
import { DeclareIncidentDialog } from './DeclareIncidentDialog';
import { NoteDialog } from './NoteDialog';
import { SeverityDialog } from './SeverityDialog';

export function Dialogs() {
  const { dialog, openDialog, selectedIncidentId } = useUiStore();
  const close = () => openDialog(undefined);
  if (dialog === 'declare') return <DeclareIncidentDialog onClose={close} />;
  if (dialog === 'note' && selectedIncidentId) return <NoteDialog incidentId={selectedIncidentId} onClose={close} />;
  if (dialog === 'severity' && selectedIncidentId) return <SeverityDialog incidentId={selectedIncidentId} onClose={close} />;
  return null;
}
