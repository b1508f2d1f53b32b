// First-run hint in the sidebar: explore the demo incident, then connect real tools in Settings.
import { useAppInfo, useIncidents } from '../api/queries';
import { useUiStore } from '../state/ui-store';
import { firstRunDemo } from './first-run';

export function StartHereCard() {
  const incidents = useIncidents();
  const info = useAppInfo();
  const { selectIncident, openDialog, selectedIncidentId } = useUiStore();
  if (!incidents.data || !info.data || info.data.mode === 'bundle') return null;
  const demo = firstRunDemo(incidents.data, info.data.capabilities);
  if (!demo) return null;
  return (
    <aside className="start-here" aria-labelledby="start-here-title">
      <h2 id="start-here-title">Start here</h2>
      {selectedIncidentId === demo.id ? (
        <p>
          You are looking at the demo incident: its checklist, metric charts, verified rollback and stakeholder updates are recorded
          data. Replay it minute by minute with Review playback.
        </p>
      ) : (
        <>
          <p>Walk through the demo incident: a recorded SEV1 with its timeline, runbook checklist, metrics, rollback, updates and review.</p>
          <button type="button" onClick={() => selectIncident(demo.id)}>
            Open the demo incident
          </button>
        </>
      )}
      <p>Then connect Jira, PagerDuty, Prometheus and your services.</p>
      <button type="button" onClick={() => openDialog('settings')}>
        Open settings
      </button>
    </aside>
  );
}
