// The incident switcher: active incidents first (by severity, then the longest-running) with elapsed time and an
// overdue-update badge, then resolved ones; broken logs are listed with their problem, not hidden.
import { groupIncidentsForSidebar } from '../../../shared/incidents/sidebar-order';
import { channelAccess } from '../api/access';
import { useIncidents } from '../api/queries';
import { useNow } from '../cockpit/use-now';
import { StartHereCard } from '../settings/StartHereCard';
import { useUiStore } from '../state/ui-store';
import { IncidentSidebarItem } from './IncidentSidebarItem';
import { useOverdueUpdates } from './use-overdue-updates';
import './incidents.css';

export function IncidentSidebar() {
  const incidents = useIncidents();
  const { openDialog } = useUiStore();
  const access = channelAccess();
  const now = useNow();
  const groups = groupIncidentsForSidebar(incidents.data ?? []);
  const overdue = useOverdueUpdates(groups.active, now);
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
          <div className="sidebar-secondary">
            <button type="button" onClick={() => openDialog('import')}>
              Import bundle…
            </button>
            <button type="button" onClick={() => openDialog('settings')}>
              Settings…
            </button>
          </div>
          <StartHereCard />
        </>
      )}
      {groups.active.length > 0 ? (
        <section aria-labelledby="sidebar-active">
          <h2 id="sidebar-active" className="sidebar-group">
            Active ({groups.active.length})
          </h2>
          <ul className="incident-list" aria-label="Active incidents">
            {groups.active.map((item) => (
              <IncidentSidebarItem key={item.id} item={item} now={now} overdue={overdue.get(item.id)} />
            ))}
          </ul>
        </section>
      ) : null}
      {groups.resolved.length + groups.unreadable.length > 0 ? (
        <section aria-labelledby="sidebar-resolved">
          <h2 id="sidebar-resolved" className="sidebar-group">
            Resolved ({groups.resolved.length})
          </h2>
          <ul className="incident-list" aria-label="Resolved incidents">
            {[...groups.resolved, ...groups.unreadable].map((item) => (
              <IncidentSidebarItem key={item.id} item={item} now={now} overdue={undefined} />
            ))}
          </ul>
        </section>
      ) : null}
      <p className="sidebar-hint">
        <kbd>Ctrl</kbd>/<kbd>⌘</kbd>+<kbd>K</kbd> commands
      </p>
    </nav>
  );
}
