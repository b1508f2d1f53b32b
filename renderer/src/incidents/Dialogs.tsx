// Mounts whichever incident dialog the UI store says is open.
import { useAppInfo } from '../api/queries';
import { DiagnosticsDialog } from '../diagnostics/DiagnosticsDialog';
import { ImportBundleDialog } from '../review/ImportBundleDialog';
import { ReviewDialog } from '../review/ReviewDialog';
import { SettingsDialog } from '../settings/SettingsDialog';
import { useUiStore } from '../state/ui-store';
import { ConfirmStatusDialog } from './ConfirmStatusDialog';
import { DeclareIncidentDialog } from './DeclareIncidentDialog';
import { HandOverDialog } from './HandOverDialog';
import { NoteDialog } from './NoteDialog';
import { SeverityDialog } from './SeverityDialog';

export function Dialogs() {
  const { dialog, openDialog, selectedIncidentId } = useUiStore();
  const bundleMode = useAppInfo().data?.mode === 'bundle';
  const close = () => openDialog(undefined);
  if (dialog === 'declare') return <DeclareIncidentDialog onClose={close} />;
  if (dialog === 'note' && selectedIncidentId) return <NoteDialog incidentId={selectedIncidentId} onClose={close} />;
  if (dialog === 'status' && selectedIncidentId) return <ConfirmStatusDialog incidentId={selectedIncidentId} onClose={close} />;
  if (dialog === 'handover' && selectedIncidentId) return <HandOverDialog incidentId={selectedIncidentId} onClose={close} />;
  if (dialog === 'severity' && selectedIncidentId) return <SeverityDialog incidentId={selectedIncidentId} onClose={close} />;
  if (dialog === 'review' && selectedIncidentId) return <ReviewDialog incidentId={selectedIncidentId} onClose={close} readOnly={bundleMode} />;
  if (dialog === 'import') return <ImportBundleDialog onClose={close} />;
  if (dialog === 'settings' && !bundleMode) return <SettingsDialog onClose={close} />;
  if (dialog === 'diagnostics' && !bundleMode) return <DiagnosticsDialog onClose={close} />;
  return null;
}
