// Cockpit header, sized for a 13-inch laptop: what is broken, severity and status, commander, elapsed time, next update due,
// alert state and key times, with the review tools folded into one menu.
import type { IncidentState } from '../../../shared/incidents/incident-state';
import type { KeyTimes } from '../../../shared/incidents/key-times';
import { incidentStatuses, statusLabels, type IncidentStatus } from '../../../shared/incidents/status';
import { formatDuration, incidentElapsedMs } from '../../../shared/time/format-duration';
import { channelAccess } from '../api/access';
import { useStatusChange } from '../incidents/use-status-change';
import { useUiStore } from '../state/ui-store';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Time } from '../time/Time';
import { AlertStateChip } from './AlertStateChip';
import { SyncStatusChip } from '../sync/SyncStatusChip';
import { StatusConflictNotice } from '../sync/StatusConflictNotice';
import { KeyTimesRow } from './KeyTimesRow';
import { NextUpdateChip } from './NextUpdateChip';
import { ReviewMenu } from './ReviewMenu';
import { TeamFacts } from '../team/TeamFacts';
import { useNow } from './use-now';

/** `at` is set during review playback: the header then shows that moment and cannot change anything. */
export function IncidentHeader({ state, keyTimes, at, playbackStart, canPlay }: { state: IncidentState; keyTimes: KeyTimes; at?: number | undefined; playbackStart: number; canPlay: boolean }) {
  const live = useNow();
  const now = at ?? live;
  const readOnly = at !== undefined;
  // During playback nothing changes; in a read-only review bundle there is also no live incident to return to.
  const why = channelAccess().reason ?? 'Playback shows a past moment: go back to live to change the incident.';
  const statusChange = useStatusChange();
  const openDialog = useUiStore((s) => s.openDialog);
  return (
    <header className="incident-header" data-testid="incident-header">
      <div className="incident-title-row">
        {state.demo ? (
          <span className="demo-badge" title="Bundled demo incident: a recorded example, not live data">
            DEMO
          </span>
        ) : null}
        <h1 className="incident-title" title={state.title}>
          {state.title}
        </h1>
        <KeyTimesRow times={keyTimes} />
        <ReviewMenu incidentId={state.id} playbackStart={playbackStart} canPlay={canPlay} readOnly={readOnly} />
      </div>
      <div className="incident-facts">
        <button
          type="button"
          className={`sev-chip sev-${state.severity.toLowerCase()}`}
          onClick={() => openDialog('severity')}
          disabled={readOnly}
          title={readOnly ? why : 'Change severity'}
        >
          {state.severity}
        </button>
        <label className="status-control">
          <span className="visually-hidden">Status</span>
          <select
            aria-label="Status"
            value={state.status}
            disabled={readOnly}
            title={readOnly ? why : undefined}
            data-status={state.status}
            onChange={(e) => statusChange.request(state, e.target.value as IncidentStatus)}
          >
            {incidentStatuses.map((s) => (
              <option key={s} value={s}>
                {statusLabels[s]}
              </option>
            ))}
          </select>
        </label>
        <TeamFacts state={state} readOnly={readOnly} why={why} />
        {state.services.length > 0 ? (
          <span className="fact">
            Services <strong>{state.services.join(', ')}</strong>
          </span>
        ) : null}
        <span className="fact">
          {state.resolvedAt ? 'Lasted' : 'Elapsed'} <strong data-testid="elapsed">{formatDuration(incidentElapsedMs(state.declaredAt, state.resolvedAt, now))}</strong>{' '}
          <span className="fact-detail">
            since <Time at={state.declaredAt} prefix="Declared" />
          </span>
        </span>
        {readOnly || state.demo ? null : <NextUpdateChip incidentId={state.id} />}
        {readOnly ? null : <AlertStateChip incidentId={state.id} />}
        {readOnly ? null : <SyncStatusChip />}
      </div>
      {readOnly ? null : <StatusConflictNotice incidentId={state.id} />}
      <ErrorNotice error={statusChange.error} title="Status not changed" />
    </header>
  );
}
