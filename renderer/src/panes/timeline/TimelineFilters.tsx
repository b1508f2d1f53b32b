// Timeline filter bar, folded into one row: search, then a "Filters" popover holding source chips, actor, type, kind,
// pinned-only and jump-to-time, with the number of active filters on its button so a hidden filter is never a surprise.
import type { NoteKind } from '../../../../shared/events';
import { timelineSources, type TimelineSource } from '../../../../shared/timeline/describe-event';
import { eventTypeLabel, timelineSourceLabels } from '../../../../shared/timeline/event-labels';
import type { TimelineFilter } from '../../../../shared/timeline/timeline-view';

const kinds: NoteKind[] = ['observation', 'hypothesis', 'decision', 'action'];

/** How many filters besides the search text narrow the timeline. */
export function activeFilterCount(filter: TimelineFilter): number {
  return (filter.sources?.size ?? 0) + (filter.actor ? 1 : 0) + (filter.type ? 1 : 0) + (filter.kind ? 1 : 0) + (filter.pinnedOnly ? 1 : 0);
}

export function TimelineFilters(props: {
  filter: TimelineFilter;
  onChange: (f: TimelineFilter) => void;
  actors: string[];
  types: string[];
  presentSources: ReadonlySet<TimelineSource>;
  onJump: (time: string) => void;
}) {
  const { filter, onChange } = props;
  const sources = filter.sources ?? new Set<TimelineSource>();
  const toggle = (s: TimelineSource) => {
    const next = new Set(sources);
    if (next.has(s)) next.delete(s);
    else next.add(s);
    onChange({ ...filter, sources: next });
  };
  const active = activeFilterCount(filter);
  return (
    <div className="timeline-filters">
      <input type="search" aria-label="Search timeline" placeholder="Search the timeline…" value={filter.text ?? ''} onChange={(e) => onChange({ ...filter, text: e.target.value })} />
      <details className="filter-popover">
        <summary className={active > 0 ? 'filter-toggle on' : 'filter-toggle'}>{active > 0 ? `Filters (${active})` : 'Filters'}</summary>
        <div className="filter-panel" role="group" aria-label="Timeline filters">
          <div className="source-chips" role="group" aria-label="Filter by source">
            {timelineSources
              .filter((s) => props.presentSources.has(s))
              .map((s) => (
                <button key={s} type="button" className={sources.has(s) ? 'chip on' : 'chip'} aria-pressed={sources.has(s)} onClick={() => toggle(s)}>
                  {timelineSourceLabels[s]}
                </button>
              ))}
          </div>
          <div className="filter-row">
            <select aria-label="Filter by actor" value={filter.actor ?? ''} onChange={(e) => onChange({ ...filter, actor: e.target.value || undefined })}>
              <option value="">All actors</option>
              {props.actors.map((a) => (
                <option key={a}>{a}</option>
              ))}
            </select>
            <select aria-label="Filter by type" value={filter.type ?? ''} onChange={(e) => onChange({ ...filter, type: e.target.value || undefined })}>
              <option value="">All types</option>
              {props.types.map((t) => (
                <option key={t} value={t}>
                  {eventTypeLabel(t)}
                </option>
              ))}
            </select>
            <select aria-label="Filter by kind" value={filter.kind ?? ''} onChange={(e) => onChange({ ...filter, kind: (e.target.value || undefined) as NoteKind | undefined })}>
              <option value="">All kinds</option>
              {kinds.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
            <label className="inline-check">
              <input type="checkbox" checked={filter.pinnedOnly ?? false} onChange={(e) => onChange({ ...filter, pinnedOnly: e.target.checked })} /> Pinned only
            </label>
            {props.presentSources.has('metrics') ? (
              <label className="inline-check">
                <input type="checkbox" checked={filter.showMetricSamples ?? false} onChange={(e) => onChange({ ...filter, showMetricSamples: e.target.checked })} /> Metric samples
              </label>
            ) : null}
            <label className="inline-check">
              Jump to
              <input type="time" step={1} aria-label="Jump to time" onChange={(e) => e.target.value && props.onJump(e.target.value)} />
            </label>
          </div>
          {active > 0 ? (
            <button type="button" onClick={() => onChange({ text: filter.text })}>
              Clear filters
            </button>
          ) : null}
        </div>
      </details>
    </div>
  );
}
