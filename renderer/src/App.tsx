// Top-level shell: keeps data in sync with the core, picks the open incident, and mounts cockpit, palette and dialogs.
import { useEffect } from 'react';
import { channelAccess } from './api/access';
import { useAppInfo, useCoreEventSync, useIncidents } from './api/queries';
import { onMenuCommand } from './api/ipc-transport';
import { Cockpit } from './cockpit/Cockpit';
import { IncidentSidebar } from './incidents/IncidentSidebar';
import { FirstRunIdentityDialog } from './identity/FirstRunIdentityDialog';
import { Dialogs } from './incidents/Dialogs';
import { OverdueStrip } from './incidents/OverdueStrip';
import { CommandPalette } from './palette/CommandPalette';
import { useUiStore } from './state/ui-store';
import { ErrorNotice } from './ui/ErrorNotice';
import { ToastRegion } from './ui/ToastRegion';
import { useGlobalShortcuts } from './palette/use-global-shortcuts';

export function App() {
  useCoreEventSync();
  useGlobalShortcuts();
  const info = useAppInfo();
  const incidents = useIncidents();
  const { selectedIncidentId, selectIncident, openPalette, openDialog } = useUiStore();

  useEffect(
    () =>
      onMenuCommand((command) => {
        if (command === 'palette') openPalette(true);
        if (command === 'declare') openDialog('declare');
        if (command === 'note') openDialog('note');
        if (command === 'keyboard') openDialog('keyboard');
      }),
    [openPalette, openDialog],
  );

  // Open the remembered incident if it still exists, otherwise the newest one.
  useEffect(() => {
    const list = incidents.data;
    if (!list) return;
    if (!selectedIncidentId || !list.some((i) => i.id === selectedIncidentId)) selectIncident(list[0]?.id);
  }, [incidents.data, selectedIncidentId, selectIncident]);

  const ready = info.isSuccess && incidents.isSuccess;
  return (
    <div className="app" data-testid="firebreak-app" data-ready={ready ? 'true' : 'false'} data-mode={info.data?.mode}>
      <IncidentSidebar />
      <main className="main">
        <OverdueStrip />
        {info.error ? <ErrorNotice error={info.error} title="Cannot reach Firebreak's core" /> : null}
        {incidents.error ? <ErrorNotice error={incidents.error} title="Incidents could not be loaded" /> : null}
        {selectedIncidentId ? (
          <Cockpit incidentId={selectedIncidentId} capabilities={info.data?.capabilities ?? []} />
        ) : ready ? (
          <div className="empty-state">
            <h1>No incident open</h1>
            <p>
              Declare one with <kbd>Ctrl</kbd>/<kbd>⌘</kbd>+<kbd>K</kbd> → “Declare incident”.
            </p>
            <button type="button" className="primary" onClick={() => openDialog('declare')}>
              Declare incident
            </button>
          </div>
        ) : (
          <p className="loading">Loading…</p>
        )}
      </main>
      <CommandPalette />
      <Dialogs />
      {channelAccess().serves('identity.save') ? <FirstRunIdentityDialog /> : null}
      <ToastRegion />
    </div>
  );
}
