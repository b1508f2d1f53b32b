// App-wide strip naming every open incident whose stakeholder update is overdue, visible whichever incident is open.
import { groupIncidentsForSidebar } from '../../../shared/incidents/sidebar-order';
import { formatCountdown } from '../../../shared/updates/cadence';
import { useIncidents } from '../api/queries';
import { useNow } from '../cockpit/use-now';
import { useUiStore } from '../state/ui-store';
import { useOverdueUpdates } from './use-overdue-updates';

export function OverdueStrip() {
  const incidents = useIncidents();
  const selectIncident = useUiStore((s) => s.selectIncident);
  const now = useNow();
  const { active } = groupIncidentsForSidebar(incidents.data ?? []);
  const overdue = useOverdueUpdates(active, now);
  const late = active.filter((i) => overdue.has(i.id));
  if (late.length === 0) return null;
  return (
    <section className="overdue-strip" aria-label="Overdue updates" role="region">
      <strong>Update overdue:</strong>
      {late.map((i) => {
        const o = overdue.get(i.id)!;
        return (
          <button key={i.id} type="button" className="overdue-link" onClick={() => selectIncident(i.id)}>
            {i.state!.severity} {i.state!.title} — {o.audience}, {formatCountdown(-o.overdueMs).replace(/^-/, '')} late
          </button>
        );
      })}
    </section>
  );
}
