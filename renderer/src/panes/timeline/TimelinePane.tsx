// The incident timeline: virtualized (smooth at 100k events), newest first, with filters, search, jump to time, pins,
// classification and a note box that accepts a "happened at" time for late reports. In playback it shows the log up to t.
import { useMutation } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import type { IncidentEvent, NoteKind } from '../../../../shared/events';
import type { TimelineSource } from '../../../../shared/timeline/describe-event';
import { buildTimelineRows, filterTimeline, indexAtTime, type TimelineFilter, type TimelineRow } from '../../../../shared/timeline/timeline-view';
import { getClient } from '../../api/client';
import { useAppInfo, useIncidentMutations } from '../../api/queries';
import { useJiraSettings } from '../connectors/connector-queries';
import type { PaneProps } from '../../playback/pane-moment';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { NoteBox } from './NoteBox';
import { plural } from '../../ui/plural';
import { TimelineFilters } from './TimelineFilters';
import { TimelineRowView } from './TimelineRowView';

export function TimelinePane({ incidentId, events, asOf }: PaneProps & { events: readonly IncidentEvent[] }) {
  const visible = asOf ? asOf.events : events;
  const allRows = useMemo(() => buildTimelineRows(visible), [visible]);
  const [filter, setFilter] = useState<TimelineFilter>({});
  const deferredFilter = useDeferredValue(filter);
  const rows = useMemo(() => filterTimeline(allRows, deferredFilter).reverse(), [allRows, deferredFilter]);
  const pinned = useMemo(() => allRows.filter((r) => r.pinned), [allRows]);
  const actors = useMemo(() => [...new Set(allRows.map((r) => r.actor))].sort(), [allRows]);
  const types = useMemo(() => [...new Set(allRows.map((r) => r.type))].sort(), [allRows]);
  const presentSources = useMemo(() => new Set<TimelineSource>(allRows.map((r) => r.source)), [allRows]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => 30, overscan: 12 });

  const { addNote } = useIncidentMutations();
  const annotate = useMutation({
    mutationFn: (a: { targetSeq: number; pinned: boolean } | { targetSeq: number; kind: NoteKind }) =>
      'pinned' in a ? getClient().callOrThrow('timeline.pin', { incidentId, ...a }) : getClient().callOrThrow('timeline.classify', { incidentId, ...a }),
  });

  const jumpTo = (time: string) => {
    const [h, m, s] = time.split(':').map(Number);
    const reference = new Date(rows[0]?.at ?? Date.now());
    reference.setHours(h ?? 0, m ?? 0, s ?? 0, 0);
    virtualizer.scrollToIndex(indexAtTime(rows, reference.getTime()), { align: 'start' });
  };

  const readOnly = asOf !== undefined;
  const jiraConfigured = useAppInfo().data?.capabilities.includes('jira') ?? false;
  const jiraSite = useJiraSettings(jiraConfigured).data?.siteUrl;
  const renderRow = (row: TimelineRow) => (
    <TimelineRowView
      row={row}
      readOnly={readOnly}
      jiraSite={jiraSite}
      onPin={(r) => annotate.mutate({ targetSeq: r.seq, pinned: !r.pinned })}
      onClassify={(r, kind) => annotate.mutate({ targetSeq: r.seq, kind })}
    />
  );

  return (
    <section className="pane timeline-pane" aria-labelledby="timeline-title" data-pane="timeline">
      <header className="pane-header">
        <h2 id="timeline-title">Timeline</h2>
        <span className="pane-meta" role="status" aria-label="Events shown">
          {rows.length === allRows.length ? plural(allRows.length, 'event') : `${rows.length.toLocaleString('en')} of ${plural(allRows.length, 'event')}`}
        </span>
      </header>
      {readOnly ? null : <NoteBox onAdd={(text, kind, happenedAt) => addNote.mutateAsync({ incidentId, text, kind, ...(happenedAt ? { happenedAt } : {}) })} />}
      <ErrorNotice error={addNote.error ?? annotate.error} title="Timeline not updated" />
      <TimelineFilters filter={filter} onChange={setFilter} actors={actors} types={types} presentSources={presentSources} onJump={jumpTo} />
      {pinned.length > 0 ? (
        <div className="pinned-events" aria-label="Pinned events">
          {pinned.map((r) => (
            <div key={r.seq}>{renderRow(r)}</div>
          ))}
        </div>
      ) : null}
      <div ref={scrollRef} className="timeline" role="list" aria-label="Timeline events">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => (
            <div
              key={rows[item.index]!.seq}
              role="listitem"
              data-index={item.index}
              ref={virtualizer.measureElement}
              style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}
            >
              {renderRow(rows[item.index]!)}
            </div>
          ))}
        </div>
      </div>
    </section>
  );
}
