// The incident switcher: every incident with severity and status; broken logs are listed with their problem, not hidden.
import { statusLabels } from '../../../shared/incidents/status';
import { channelAccess } from '../api/access';
import { useIncidents } from '../api/queries';
import { StartHereCard } from '../settings/StartHereCard';
import { useUiStore } from '../state/ui-store';

export function IncidentSidebar() {
  const incidents = useIncidents();
  const { selectedIncidentId, selectIncident, openDialog } = useUiStore();
  const access = channelAccess();
  return (
    <nav className="sidebar" aria-label="Incidents">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          ▲
        </span>
        Firebreak
      </div>
      {access.reason ? (
        <p className="bundle-note" role="note" aria-label="Read-only">
          {access.reason}
        </p>
      ) : (
        <>
          <button type="button" className="primary declare-button" onClick={() => openDialog('declare')}>
            Declare incident
          </button>
          <button type="button" onClick={() => openDialog('import')}>
            Import review bundle…
          </button>
          <button type="button" onClick={() => openDialog('settings')}>
            Settings…
          </button>
          <StartHereCard />
        </>
      )}
      <ul className="incident-list">
        {(incidents.data ?? []).map((item) => (
          <li key={item.id}>
            <button
              type="button"
              className={item.id === selectedIncidentId ? 'incident-link selected' : 'incident-link'}
              aria-current={item.id === selectedIncidentId ? 'true' : undefined}
              onClick={() => selectIncident(item.id)}
            >
              {item.state ? (
                <>
                  <span className="incident-link-title">
                    {item.state.demo ? <span className="demo-badge">DEMO</span> : null}
                    {item.state.title}
                  </span>
                  <span className="incident-link-meta">
                    <span className={`sev-chip sev-${item.state.severity.toLowerCase()}`}>{item.state.severity}</span>
                    {statusLabels[item.state.status]}
                  </span>
                </>
              ) : (
                <span className="incident-link-title">{item.id}</span>
              )}
              {item.problems.length > 0 ? <span className="problem-badge">{item.problems.length} log problem(s)</span> : null}
            </button>
          </li>
        ))}
      </ul>
      <p className="sidebar-hint">
        <kbd>Ctrl</kbd>/<kbd>⌘</kbd>+<kbd>K</kbd> commands
      </p>
    </nav>
  );
}
