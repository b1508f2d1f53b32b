// One timeline row: when it happened (and when it was recorded, if later; a late marker if it arrived out of order), source, text, actor, kind badge, pin and classify controls.
// A row with more to read (a published update) shows one line and a disclosure that opens the rendered text below it.
import { memo, useMemo } from 'react';
import type { NoteKind } from '../../../../shared/events';
import { markdownToHtml } from '../../../../shared/markdown';
import type { TimelineRow } from '../../../../shared/timeline/timeline-view';
import { Time } from '../../time/Time';
import { TimelineText } from './TimelineText';
import type { RowActions } from './use-roving-rows';
import { timelineSourceLabels } from '../../../../shared/timeline/event-labels';
import { shortDeviceLabel } from '../../../../shared/timeline/describe-event';
import { MarkdownHtml } from '../../ui/MarkdownHtml';
import './timeline.css';

function TimelineDetail({ id, markdown }: { id: string; markdown: string }) {
  const html = useMemo(() => markdownToHtml(markdown), [markdown]);
  return <MarkdownHtml id={id} className="timeline-detail markdown" role="region" aria-label="Published update" html={html} />;
}

const kinds: NoteKind[] = ['observation', 'hypothesis', 'decision', 'action'];

/**
 * The row's controls are not tab stops (tabIndex -1): the list around it is one tab stop, and Enter or Space on the active
 * row steps into them (P pins and M opens "Mark…" straight from the row); see use-roving-rows.ts.
 * Memoized: the list renders again on every scroll frame, and only the rows that came into view need rendering.
 */
export const TimelineRowView = memo(function TimelineRowView(props: {
  row: TimelineRow;
  jiraSite: string | undefined;
  actions: RowActions | undefined;
  /** Whether the row's detail (a published update) is open; kept by the pane so it survives the row being scrolled away. */
  expanded?: boolean;
  onToggleDetail?: (row: TimelineRow) => void;
  /**
   * This installation's device id: rows written on another laptop (team sync) say whose and which device. '' where there is
   * no local device (a review bundle): every row that carries its author's device says so. Undefined: not known yet.
   */
  localDeviceId?: string | undefined;
}) {
  const { row, actions } = props;
  const detailId = `timeline-detail-${row.seq}`;
  // Written on another laptop (team sync, a merged bundle): the row says whose handle and which device.
  const fromElsewhere = row.author && props.localDeviceId !== undefined && row.author.deviceId !== props.localDeviceId ? row.author : undefined;
  return (
    <div className={`timeline-entry source-${row.source}${row.pinned ? ' pinned' : ''}`} data-type={row.type} data-seq={row.seq}>
      <span className="timeline-when">
        <Time at={row.happenedAt ?? row.ts} seconds prefix={row.happenedAt ? 'Happened' : 'Recorded'} />
        {row.happenedAt ? (
          <span className="recorded-at">
            rec. <Time at={row.ts} prefix="Recorded" />
          </span>
        ) : null}
        {row.late ? <span className="late-marker">late</span> : null}
      </span>
      {/* The title shows the whole line where a large timeline keeps each row to one line (timeline.css, fixed-rows). */}
      <span className="timeline-body" title={`${row.text} — ${row.actor}${fromElsewhere ? ` (@${fromElsewhere.handle} · device ${shortDeviceLabel(fromElsewhere.deviceId)})` : ''}`}>
        <span className="timeline-source">{timelineSourceLabels[row.source]}</span>
        {row.kind ? <span className={`kind-badge kind-${row.kind}`}>{row.kind}</span> : null}
        <TimelineText text={row.text} jiraSite={props.jiraSite} tabIndex={-1} />
        <span className="timeline-actor"> — {row.actor}</span>
        {fromElsewhere ? (
          <span className="timeline-device" title={`Written by @${fromElsewhere.handle} on another laptop (device ${fromElsewhere.deviceId})`}>
            @{fromElsewhere.handle} · device {shortDeviceLabel(fromElsewhere.deviceId)}
          </span>
        ) : null}
        {row.detail !== undefined && props.onToggleDetail ? (
          <button
            type="button"
            className="timeline-disclosure"
            tabIndex={-1}
            aria-expanded={props.expanded ?? false}
            aria-controls={props.expanded ? detailId : undefined}
            onClick={() => props.onToggleDetail?.(row)}
          >
            {props.expanded ? 'Hide update' : 'Show update'}
          </button>
        ) : null}
        {row.detail !== undefined && props.expanded ? <TimelineDetail id={detailId} markdown={row.detail} /> : null}
      </span>
      {actions ? (
        <span className="row-actions">
          <button type="button" className="icon-button" aria-pressed={row.pinned} aria-label={row.pinned ? `Unpin event ${row.seq}` : `Pin event ${row.seq}`} title={row.pinned ? 'Unpin (P)' : 'Pin (P)'} tabIndex={-1} onClick={() => actions.onPin(row)}>
            {row.pinned ? '★' : '☆'}
          </button>
          {/* The badge beside the text shows the kind, so the menu stays a narrow "Mark…" and leaves the width to the text. */}
          <select aria-label={`Mark event ${row.seq} as`} title="Mark as… (M, or O H D A)" tabIndex={-1} value="" onChange={(e) => e.target.value && actions.onClassify(row, e.target.value as NoteKind)}>
            <option value="">Mark…</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {k === row.kind ? `${k} ✓` : k}
              </option>
            ))}
          </select>
        </span>
      ) : null}
    </div>
  );
});
