// The incident cockpit: header over timeline, runbook checklist, metrics, stakeholder updates and rollback panes — live, or
// as it was at any moment during review playback (every pane renders a projection of the same event prefix).
import { useEffect, useMemo } from 'react';
import type { CapabilityName } from '../../../shared/ipc';
import { channelAccess } from '../api/access';
import { useQueryClient } from '@tanstack/react-query';
import { queryKeys, useIncident, useIncidentKeyTimes } from '../api/queries';
import { usePlaybackStore } from '../state/playback-store';
import { useIncidentEvents, useLogLoadProgress, useTimelineWindowed } from '../api/timeline-query';
import { ConnectorsPane } from '../panes/connectors/ConnectorsPane';
import { HotfixPane } from '../panes/hotfix/HotfixPane';
import { MetricsPane } from '../panes/metrics/MetricsPane';
import { RollbackPane } from '../panes/rollback/RollbackPane';
import { RunbookPane } from '../panes/runbooks/RunbookPane';
import { TimelinePane } from '../panes/timeline/TimelinePane';
import { UpdatesPane } from '../panes/updates/UpdatesPane';
import type { PaneMoment } from '../playback/pane-moment';
import { PlaybackBar, type PlaybackPreparation } from '../playback/PlaybackBar';
import { useCockpitReplay } from '../playback/use-cockpit-replay';
import { ErrorNotice } from '../ui/ErrorNotice';
import { CockpitLayout } from './CockpitLayout';
import { IncidentHeader } from './IncidentHeader';
import { LogProblems } from './LogProblems';

const noEvents: never[] = [];

/** What the playback bar says while playback is prepared: the log loading (a large incident), then the replay folding. */
function playbackPreparation(folded: number | undefined, logLoaded: boolean, loadedSoFar: number | undefined, total: number): PlaybackPreparation | undefined {
  if (folded === undefined) return undefined;
  const n = (k: number) => k.toLocaleString('en-GB');
  if (!logLoaded) {
    const loaded = loadedSoFar ?? 0;
    return { what: `Loading the incident's ${n(total)} events for playback: ${n(loaded)} so far…`, fraction: total > 0 ? Math.min(1, loaded / total) : 0 };
  }
  return { what: `Preparing playback: every pane's state through ${n(total)} events, ${Math.floor(folded * 100)}%…`, fraction: folded };
}

export function Cockpit({ incidentId }: { incidentId: string; capabilities: readonly CapabilityName[] }) {
  const incident = useIncident(incidentId);
  // A review bundle is a recording with no live incident: it is always shown in playback, starting at its end, and the
  // panes are not mounted until playback has started, so none of them ever asks the bundle for live data.
  const { live } = channelAccess();
  const startPlayback = usePlaybackStore((s) => s.start);
  const playbackActive = usePlaybackStore((s) => s.active);
  // Above the threshold the live timeline is a window of pages served by the core: the log is loaded only for playback.
  const { sized, windowed, eventCount } = useTimelineWindowed(incidentId);
  const eventsQuery = useIncidentEvents(incidentId, sized && (!windowed || playbackActive));
  const events = eventsQuery.data ?? noEvents;
  const moment = useCockpitReplay(incidentId, events, eventsQuery.data !== undefined);
  // Back from playback, a windowed incident's log is dropped: holding a million events is what the window avoids.
  const queryClient = useQueryClient();
  const dropLog = windowed && !playbackActive && eventsQuery.data !== undefined;
  useEffect(() => {
    if (dropLog) queryClient.removeQueries({ queryKey: queryKeys.timeline(incidentId), exact: true });
  }, [dropLog, queryClient, incidentId]);
  const loadedSoFar = useLogLoadProgress((s) => s.loaded[incidentId]);
  // A windowed incident's log is not held here: live, its key times come from the core.
  const coreKeyTimes = useIncidentKeyTimes(incidentId, live && windowed && !moment.state).data;
  const preparing = playbackPreparation(moment.preparing, eventsQuery.data !== undefined, loadedSoFar, Math.max(eventCount, events.length));
  useEffect(() => {
    if (!live && !playbackActive && events.length > 0) startPlayback(moment.clock.lastEventAt);
  }, [live, playbackActive, events.length, moment.clock, startPlayback]);
  const asOf: PaneMoment | undefined = useMemo(
    () => (moment.at === undefined || !moment.state ? undefined : { at: moment.at, state: moment.state, timelineIndex: moment.timelineIndex }),
    [moment.at, moment.state, moment.timelineIndex],
  );

  if (incident.error) return <ErrorNotice error={incident.error} title="This incident could not be opened" />;
  if (!incident.data || (!live && !asOf && !eventsQuery.error)) return <p className="loading">Loading incident…</p>;
  const { problems } = incident.data;
  const state = asOf ? asOf.state.incident : incident.data.state;
  return (
    <div className={asOf ? 'cockpit playback' : 'cockpit'} data-incident-id={incidentId} data-playback={asOf ? 'true' : 'false'}>
      {state ? <IncidentHeader state={state} keyTimes={windowed && !moment.state ? (coreKeyTimes ?? moment.keyTimes) : moment.keyTimes} at={asOf?.at} playbackStart={moment.clock.start} canPlay={events.length > 0 || windowed} /> : null}
      {/* The controls are part of the cockpit (keys work the moment playback starts); the engine is its own chunk. */}
      <PlaybackBar clock={moment.clock} visibleCount={moment.visibleCount} total={windowed && !eventsQuery.data ? eventCount : events.length} preparing={preparing} />
      <ErrorNotice error={moment.loadError} title="Playback could not be started" />
      <LogProblems incidentId={incidentId} problems={problems} readOnly={!live} />
      <ErrorNotice error={eventsQuery.error} title="The incident log could not be loaded" />
      {state ? (
        <CockpitLayout
          panes={{
            timeline: <TimelinePane incidentId={incidentId} events={events} asOf={asOf} windowed={windowed} />,
            runbooks: <RunbookPane incidentId={incidentId} asOf={asOf} />,
            rollback: <RollbackPane incidentId={incidentId} asOf={asOf} />,
            hotfix: <HotfixPane incidentId={incidentId} asOf={asOf} />,
            connectors: <ConnectorsPane incidentId={incidentId} asOf={asOf} />,
            metrics: <MetricsPane incidentId={incidentId} asOf={asOf} />,
            updates: <UpdatesPane incidentId={incidentId} asOf={asOf} />,
          }}
        />
      ) : null}
    </div>
  );
}
