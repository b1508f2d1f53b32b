// Mounts whichever incident dialog the UI store says is open.
import { lazy, Suspense, type ReactNode } from 'react';
import { channelAccess } from '../api/access';
import { KeyboardHelpDialog } from '../palette/KeyboardHelpDialog';
// Part of the live cockpit's chunk anyway: the metrics pane and the rollback pane open these forms too.
import { MetricsSettingsDialog } from '../panes/metrics/MetricsSettingsDialog';
import { ServiceEditorFromStore } from '../panes/rollback/ServiceEditorFromStore';
import { useUiStore } from '../state/ui-store';
import { ConfirmStatusDialog } from './ConfirmStatusDialog';
import { DeclareIncidentDialog } from './DeclareIncidentDialog';
import { RolesDialog } from '../team/RolesDialog';
import { HandOverDialog } from './HandOverDialog';
import { NoteDialog } from './NoteDialog';
import { SeverityDialog } from './SeverityDialog';

// The review, settings and diagnostics views are separate chunks, loaded the first time one is opened: the cockpit's first
// paint does not wait for their code (markdown rendering, config import and the like).
const ReviewDialog = lazy(() => import('../review/ReviewDialog').then((m) => ({ default: m.ReviewDialog })));
const ImportBundleDialog = lazy(() => import('../review/ImportBundleDialog').then((m) => ({ default: m.ImportBundleDialog })));
const SettingsDialog = lazy(() => import('../settings/SettingsDialog').then((m) => ({ default: m.SettingsDialog })));
const DiagnosticsDialog = lazy(() => import('../diagnostics/DiagnosticsDialog').then((m) => ({ default: m.DiagnosticsDialog })));

const loading = (view: ReactNode) => (
  <Suspense
    fallback={
      <p className="loading" role="status">
        Loading…
      </p>
    }
  >
    {view}
  </Suspense>
);

export function Dialogs() {
  const { dialog, openDialog, selectedIncidentId } = useUiStore();
  // A dialog whose work this window cannot do (a read-only review bundle) never opens, whatever asked for it.
  const { serves } = channelAccess();
  const close = () => openDialog(undefined);
  if (dialog === 'declare' && serves('incidents.declare')) return <DeclareIncidentDialog onClose={close} />;
  if (dialog === 'note' && selectedIncidentId && serves('incidents.addNote')) return <NoteDialog incidentId={selectedIncidentId} onClose={close} />;
  if (dialog === 'status' && selectedIncidentId && serves('incidents.changeStatus')) return <ConfirmStatusDialog incidentId={selectedIncidentId} onClose={close} />;
  if (dialog === 'roles' && selectedIncidentId && serves('team.assignRole')) return <RolesDialog incidentId={selectedIncidentId} onClose={close} />;
  if (dialog === 'handover' && selectedIncidentId && serves('team.proposeHandover')) return <HandOverDialog incidentId={selectedIncidentId} onClose={close} />;
  if (dialog === 'severity' && selectedIncidentId && serves('incidents.changeSeverity')) return <SeverityDialog incidentId={selectedIncidentId} onClose={close} />;
  if (dialog === 'review' && selectedIncidentId) return loading(<ReviewDialog incidentId={selectedIncidentId} onClose={close} readOnly={!serves('review.save')} />);
  if (dialog === 'import' && serves('review.importBundle')) return loading(<ImportBundleDialog onClose={close} />);
  if (dialog === 'settings' && serves('settings.exportConfig')) return loading(<SettingsDialog onClose={close} />);
  if (dialog === 'metrics-settings' && serves('metrics.settings.save')) return <MetricsSettingsDialog onClose={close} />;
  if (dialog === 'service' && serves('services.put')) return <ServiceEditorFromStore onClose={close} />;
  if (dialog === 'diagnostics' && serves('app.diagnostics')) return loading(<DiagnosticsDialog onClose={close} />);
  if (dialog === 'keyboard') return <KeyboardHelpDialog onClose={close} />;
  return null;
}
