// The incident timeline: every event of the log as one line, newest first, with a quick note box.
import { useMemo, useState } from 'react';
import { toTimelineEntry } from '../../../../shared/timeline/describe-event';
import { useIncidentMutations } from '../../api/queries';
import { useIncidentEvents } from '../../api/timeline-query';
import { ErrorNotice } from '../../ui/ErrorNotice';

export function TimelinePane({ incidentId }: { incidentId: string }) {
  const events = useIncidentEvents(incidentId);
  const { addNote } = useIncidentMutations();
  const [text, setText] = useState('');
  const entries = useMemo(() => (events.data ?? []).map(toTimelineEntry).reverse(), [events.data]);

  return (
    <section className="pane timeline-pane" aria-labelledby="timeline-title" data-pane="timeline">
      <header className="pane-header">
        <h2 id="timeline-title">Timeline</h2>
        <span className="pane-meta">{entries.length} events</span>
      </header>
      <form
        className="quick-note"
        onSubmit={(e) => {
          e.preventDefault();
          if (!text.trim()) return;
          addNote.mutate({ incidentId, text }, { onSuccess: () => setText('') });
        }}
      >
        <input aria-label="Quick note" placeholder="Add a note and press Enter…" value={text} onChange={(e) => setText(e.target.value)} />
      </form>
      <ErrorNotice error={addNote.error} title="Note not saved" />
      <ErrorNotice error={events.error} title="Timeline could not be loaded" />
      <ol className="timeline" aria-label="Timeline events">
        {entries.map((entry) => (
          <li key={entry.seq} className={`timeline-entry source-${entry.source}`} data-type={entry.type}>
            <time dateTime={entry.ts} title={new Date(entry.ts).toLocaleString()}>
              {new Date(entry.ts).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })}
            </time>
            <span className="timeline-source">{entry.source}</span>
            <span className="timeline-text">{entry.text}</span>
            <span className="timeline-actor">{entry.actor}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
