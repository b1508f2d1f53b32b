// One timeline row: time (and happened-at for late reports), source, text, actor, kind badge, pin and classify controls.
import type { NoteKind } from '../../../../shared/events';
import type { TimelineRow } from '../../../../shared/timeline/timeline-view';
import { TimelineText } from './TimelineText';
import { timelineSourceLabels } from '../../../../shared/timeline/event-labels';

const clock = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
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
      <time dateTime={row.ts} title={`Recorded ${new Date(row.ts).toLocaleString()}`}>
        {clock(row.happenedAt ?? row.ts)}
        {row.happenedAt ? <span className="late" title={`Happened ${new Date(row.happenedAt).toLocaleString()}, recorded ${new Date(row.ts).toLocaleString()}`}>*</span> : null}
      </time>
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
