// One timeline row: when it happened (and when it was recorded, if later; a late marker if it arrived out of order), source, text, actor, kind badge, pin and classify controls.
import type { NoteKind } from '../../../../shared/events';
import type { TimelineRow } from '../../../../shared/timeline/timeline-view';
import { TimelineText } from './TimelineText';
import { timelineSourceLabels } from '../../../../shared/timeline/event-labels';

const clock = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
const shortClock = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const kinds: NoteKind[] = ['observation', 'hypothesis', 'decision', 'action'];

export function TimelineRowView(props: {
  row: TimelineRow;
  readOnly: boolean;
  jiraSite: string | undefined;
  onPin: (row: TimelineRow) => void;
  onClassify: (row: TimelineRow, kind: NoteKind) => void;
}) {
  const { row } = props;
  return (
    <div className={`timeline-entry source-${row.source}${row.pinned ? ' pinned' : ''}`} data-type={row.type} data-seq={row.seq}>
      <span className="timeline-when" title={row.happenedAt ? `Happened ${new Date(row.happenedAt).toLocaleString()}, recorded ${new Date(row.ts).toLocaleString()}` : `Recorded ${new Date(row.ts).toLocaleString()}`}>
        <time dateTime={row.happenedAt ?? row.ts}>{clock(row.happenedAt ?? row.ts)}</time>
        {row.happenedAt ? (
          <span className="recorded-at">
            rec. <time dateTime={row.ts}>{shortClock(row.ts)}</time>
          </span>
        ) : null}
        {row.late ? <span className="late-marker">late</span> : null}
      </span>
      <span className="timeline-body">
        <span className="timeline-source">{timelineSourceLabels[row.source]}</span>
        {row.kind ? <span className={`kind-badge kind-${row.kind}`}>{row.kind}</span> : null}
        <TimelineText text={row.text} jiraSite={props.jiraSite} />
        <span className="timeline-actor"> — {row.actor}</span>
      </span>
      {props.readOnly ? null : (
        <span className="row-actions">
          <button type="button" className="icon-button" aria-pressed={row.pinned} aria-label={row.pinned ? `Unpin event ${row.seq}` : `Pin event ${row.seq}`} onClick={() => props.onPin(row)}>
            {row.pinned ? '★' : '☆'}
          </button>
          <select aria-label={`Mark event ${row.seq} as`} value={row.kind ?? ''} onChange={(e) => e.target.value && props.onClassify(row, e.target.value as NoteKind)}>
            <option value="">mark…</option>
            {kinds.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </span>
      )}
    </div>
  );
}
