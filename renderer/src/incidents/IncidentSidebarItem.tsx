// One incident in the switcher: title, severity, status, elapsed time and whether a stakeholder update is overdue.
import { statusLabels } from '../../../shared/incidents/status';
import type { IncidentListItem } from '../../../shared/ipc';
import { formatDuration, incidentElapsedMs } from '../../../shared/time/format-duration';
import { formatCountdown } from '../../../shared/updates/cadence';
import { useUiStore } from '../state/ui-store';
import { plural } from '../ui/plural';
import type { OverdueUpdate } from './use-overdue-updates';

export function IncidentSidebarItem({ item, now, overdue }: { item: IncidentListItem; now: number; overdue: OverdueUpdate | undefined }) {
  const { selectedIncidentId, selectIncident } = useUiStore();
  const selected = item.id === selectedIncidentId;
  const state = item.state;
  return (
    <li>
      <button
        type="button"
        className={selected ? 'incident-link selected' : 'incident-link'}
        aria-current={selected ? 'true' : undefined}
        onClick={() => selectIncident(item.id)}
      >
        {state ? (
          <>
            <span className="incident-link-title">
              {state.demo ? <span className="demo-badge">DEMO</span> : null}
              {state.title}
            </span>
            <span className="incident-link-meta">
              <span className={`sev-chip sev-${state.severity.toLowerCase()}`}>{state.severity}</span>
              {statusLabels[state.status]}
              <span className="incident-link-elapsed" title={state.resolvedAt ? 'How long it lasted' : 'Elapsed since declared'}>
                {formatDuration(incidentElapsedMs(state.declaredAt, state.resolvedAt, now))}
              </span>
            </span>
            {overdue ? (
              <span className="overdue-badge" data-testid="overdue-badge">
                Update to {overdue.audience} overdue {formatCountdown(-overdue.overdueMs).replace(/^-/, '')}
              </span>
            ) : null}
          </>
        ) : (
          <span className="incident-link-title">{item.id}</span>
        )}
        {item.problems.length > 0 ? <span className="problem-badge">{plural(item.problems.length, 'log problem')}</span> : null}
      </button>
    </li>
  );
}
