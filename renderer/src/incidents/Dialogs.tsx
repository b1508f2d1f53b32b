// Mounts whichever incident dialog the UI store says is open.
import { channelAccess } from '../api/access';
import { DiagnosticsDialog } from '../diagnostics/DiagnosticsDialog';
import { KeyboardHelpDialog } from '../palette/KeyboardHelpDialog';
import { ImportBundleDialog } from '../review/ImportBundleDialog';
import { ReviewDialog } from '../review/ReviewDialog';
import { MetricsSettingsDialog } from '../panes/metrics/MetricsSettingsDialog';
import { ServiceEditorFromStore } from '../panes/rollback/ServiceEditorFromStore';
import { SettingsDialog } from '../settings/SettingsDialog';
import { useUiStore } from '../state/ui-store';
import { ConfirmStatusDialog } from './ConfirmStatusDialog';
import { DeclareIncidentDialog } from './DeclareIncidentDialog';
import { HandOverDialog } from './HandOverDialog';
import { NoteDialog } from './NoteDialog';
import { SeverityDialog } from './SeverityDialog';

export function Dialogs() {
  const { dialog, openDialog, selectedIncidentId } = useUiStore();
  // A dialog whose work this window cannot do (a read-only review bundle) never opens, whatever asked for it.
  const { serves } = channelAccess();
  const close = () => openDialog(undefined);
  if (dialog === 'declare' && serves('incidents.declare')) return <DeclareIncidentDialog onClose={close} />;
  if (dialog === 'note' && selectedIncidentId && serves('incidents.addNote')) return <NoteDialog incidentId={selectedIncidentId} onClose={close} />;
  if (dialog === 'status' && selectedIncidentId && serves('incidents.changeStatus')) return <ConfirmStatusDialog incidentId={selectedIncidentId} onClose={close} />;
  if (dialog === 'handover' && selectedIncidentId && serves('incidents.changeCommander')) return <HandOverDialog incidentId={selectedIncidentId} onClose={close} />;
  if (dialog === 'severity' && selectedIncidentId && serves('incidents.changeSeverity')) return <SeverityDialog incidentId={selectedIncidentId} onClose={close} />;
  if (dialog === 'review' && selectedIncidentId) return <ReviewDialog incidentId={selectedIncidentId} onClose={close} readOnly={!serves('review.save')} />;
  if (dialog === 'import' && serves('review.importBundle')) return <ImportBundleDialog onClose={close} />;
  if (dialog === 'settings' && serves('settings.exportConfig')) return <SettingsDialog onClose={close} />;
  if (dialog === 'metrics-settings' && serves('metrics.settings.save')) return <MetricsSettingsDialog onClose={close} />;
  if (dialog === 'service' && serves('services.put')) return <ServiceEditorFromStore onClose={close} />;
  if (dialog === 'diagnostics' && serves('app.diagnostics')) return <DiagnosticsDialog onClose={close} />;
  if (dialog === 'keyboard') return <KeyboardHelpDialog onClose={close} />;
  return null;
}
