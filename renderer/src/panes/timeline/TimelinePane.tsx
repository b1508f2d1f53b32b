// The incident timeline: virtualized (smooth at 100k events), newest first, with the composer on top, one row of filters,
// jump to time, pins and classification. In playback it shows the log up to t.
import { useMutation } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { eventIdOf, type IncidentEvent, type NoteKind } from '../../../../shared/events';
import type { TimelineFilter, TimelineRow } from '../../../../shared/timeline/timeline-view';
import { getClient } from '../../api/client';
import { useAppInfo, useIncidentMutations } from '../../api/queries';
import { PaneControls } from '../../cockpit/PaneControls';
import { useTimeZoneStore } from '../../time/time-zone-store';
import { useJiraSettings } from '../connectors/connector-queries';
import { useIdentity } from '../../identity/identity-queries';
import type { PaneProps } from '../../playback/pane-moment';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Composer } from './Composer';
import { plural } from '../../ui/plural';
import { TimelineFilters } from './TimelineFilters';
import { TimelineRowView } from './TimelineRowView';
import { PinnedList, TimelineList, type TimelineListHandle } from './TimelineList';
import type { RowActions } from './use-roving-rows';
import { focusComposer } from './composer-focus';
import { jumpToPane } from '../../palette/pane-jump';
import { usePaletteCommands } from '../../palette/command-registry';
import { useWholeTimeline } from './use-whole-timeline';
import { useTimelineWindow } from './use-timeline-window';
import { useTimelineAt } from './use-timeline-at';

const noEvents: never[] = [];

/**
 * `windowed`: the incident is above the window threshold, so live the core serves the rows page by page and `events` is
 * empty; playback reads the rows at t from its own timeline index.
 */
export function TimelinePane({ incidentId, events, asOf, windowed = false }: PaneProps & { events: readonly IncidentEvent[]; windowed?: boolean }) {
  const [filter, setFilter] = useState<TimelineFilter>({});
  const deferredFilter = useDeferredValue(filter);
  // Live below the threshold: the whole log. Live above it: pages from the core. Playback: pages of the playback's index at t.
  const paged = windowed && !asOf;
  const whole = useWholeTimeline(paged || asOf ? noEvents : events, deferredFilter);
  const paging = useTimelineWindow(incidentId, deferredFilter, paged);
  const atMoment = useTimelineAt(asOf, deferredFilter, windowed);
  const view = asOf ? atMoment : paged ? paging : whole;
  const { rows, pinned, actors, types, presentSources } = view;

  const listRef = useRef<TimelineListHandle>(null);
  const [activeSeq, setActiveSeq] = useState<number | undefined>(undefined);

  const { addNote } = useIncidentMutations();
  const identity = useIdentity();
  const annotate = useMutation({
    mutationFn: async (a: { row: TimelineRow; pinned: boolean } | { row: TimelineRow; kind: NoteKind }) => {
      // A row names its event by global id, so the pin marks the same event on every laptop of the team (event-refs.ts).
      const deviceId = identity.data?.deviceId ?? (await getClient().callOrThrow('identity.get', {})).deviceId;
      const targetId = eventIdOf(a.row, deviceId);
      return 'pinned' in a
        ? getClient().callOrThrow('timeline.pin', { incidentId, targetId, pinned: a.pinned })
        : getClient().callOrThrow('timeline.classify', { incidentId, targetId, kind: a.kind });
    },
  });

  const zone = useTimeZoneStore((s) => s.zone);
  const jumpTo = (time: string) => {
    const [h, m, s] = time.split(':').map(Number);
    // The typed time is read in the zone the timeline shows, on the day of the newest row shown.
    const reference = new Date(view.newestAt ?? Date.now());
    if (zone === 'utc') reference.setUTCHours(h ?? 0, m ?? 0, s ?? 0, 0);
    else reference.setHours(h ?? 0, m ?? 0, s ?? 0, 0);
    void view.indexAtTime(reference.getTime()).then((index) => listRef.current?.scrollToIndex(index), () => undefined);
  };

  const readOnly = asOf !== undefined;
  const jiraConfigured = useAppInfo().data?.capabilities.includes('jira') ?? false;
  const jiraSite = useJiraSettings(jiraConfigured).data?.siteUrl;
  // A review bundle has no local device: every row that names its author's device shows it there.
  const localDeviceId = getClient().serves('identity.get') ? identity.data?.deviceId : '';
  // Open published updates, by event sequence (rows are virtualized: a row scrolled away and back stays open).
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set());
  const toggleDetail = useCallback((row: TimelineRow) => {
    setExpanded((open) => {
      const next = new Set(open);
      if (!next.delete(row.seq)) next.add(row.seq);
      return next;
    });
  }, []);
  // The same object across renders, so the memoized rows (TimelineRowView) do not all render again when the pane does.
  const { mutate } = annotate;
  const actions: RowActions | undefined = useMemo(
    () => (readOnly ? undefined : { onPin: (row) => mutate({ row, pinned: !row.pinned }), onClassify: (row, kind) => mutate({ row, kind }) }),
    [readOnly, mutate],
  );
  // A row flung past (TimelineList's useFling) leaves out its controls; they return when scrolling stops.
  const renderRow = (row: TimelineRow, flinging?: boolean) => (
    <TimelineRowView row={row} jiraSite={jiraSite} localDeviceId={localDeviceId} actions={flinging ? undefined : actions} expanded={expanded.has(row.seq)} onToggleDetail={toggleDetail} />
  );
  // Escape leaves the list for the composer (or, in playback, the pane itself).
  const leave = () => focusComposer() || jumpToPane('timeline');
  // The palette pins the row the commander last had in the timeline, else the newest one.
  const pinTarget = (activeSeq !== undefined ? rows.at(rows.indexOfSeq(activeSeq)) : undefined) ?? rows.at(0);
  usePaletteCommands(
    'timeline',
    actions && pinTarget
      ? [
          {
            id: 'pin-event',
            label: `${pinTarget.pinned ? 'Unpin' : 'Pin'} event: ${pinTarget.text.length > 60 ? `${pinTarget.text.slice(0, 59)}…` : pinTarget.text}`,
            hint: pinTarget.seq === activeSeq ? 'the event selected in the timeline' : 'the latest event',
            shortcut: 'P',
            needs: 'timeline.pin',
            run: () => actions.onPin(pinTarget),
          },
        ]
      : [],
  );

  return (
    <section className="pane timeline-pane" aria-labelledby="timeline-title" data-pane="timeline">
      <header className="pane-header">
        <h2 id="timeline-title">Timeline</h2>
        <span className="pane-meta" role="status" aria-label="Events shown">
          {view.indexing === 'waiting'
            ? 'Indexing…'
            : view.indexing === 'newest'
              ? `About ${plural(view.rowCount, 'event')}`
              : rows.count === view.rowCount
                ? plural(view.rowCount, 'event')
                : `${rows.count.toLocaleString('en')} of ${plural(view.rowCount, 'event')}`}
        </span>
        <PaneControls pane="timeline" title="Timeline" />
      </header>
      {readOnly ? null : <Composer onAdd={(text, kind, happenedAt) => addNote.mutateAsync({ incidentId, text, kind, ...(happenedAt ? { happenedAt } : {}) })} />}
      <ErrorNotice error={addNote.error ?? annotate.error} title="Timeline not updated" />
      <ErrorNotice error={view.error} title="The timeline could not be loaded" />
      <TimelineFilters filter={filter} onChange={setFilter} actors={actors} types={types} presentSources={presentSources} onJump={jumpTo} />
      {view.indexing ? (
        <p className="timeline-indexing" role="status" aria-label="Timeline index">
          {view.indexing === 'waiting'
            ? 'Indexing the timeline… search and filters answer as soon as it is ready.'
            : 'Indexing the timeline… the newest events are shown; search, filters and older events follow in a moment.'}
        </p>
      ) : null}
      {pinned.length > 0 ? <PinnedList rows={pinned} actions={actions} onLeave={leave} renderRow={renderRow} /> : null}
      <TimelineList ref={listRef} rows={rows} actions={actions} onLeave={leave} renderRow={renderRow} label="Timeline events" onActiveRow={setActiveSeq} />
    </section>
  );
}
