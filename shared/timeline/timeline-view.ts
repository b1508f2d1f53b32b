// The timeline as the pane shows it: entries with their pins and classifications applied, filtered by source, actor, type and text.
import type { IncidentEvent, NoteKind } from '../events';
import { EventRefMap, refOf } from '../events/event-refs';
import { toTimelineEntry, type TimelineEntry, type TimelineSource } from './describe-event';
import { happenedTime } from './happened-at';

export interface TimelineRow extends TimelineEntry {
  /** Unix ms the row is ordered by: when it happened (happenedAt), else when it was recorded (ts). */
  at: number;
  /**
   * Arrived out of order: it happened more than a minute before something already on the timeline when it was recorded,
   * so it appears above rows the reader has seen (an imported commit, a late report, an alert found after the fact).
   */
  late: boolean;
  pinned: boolean;
  /** Observation / hypothesis / decision / action, from the note itself or a later classification. */
  kind?: NoteKind;
  /** Lower-cased text for search, computed once. */
  haystack: string;
}

const annotationTypes = new Set<IncidentEvent['type']>(['timeline.entry_pinned', 'timeline.entry_classified']);

/** How far out of order an arrival may be before it counts as late: pollers and clocks are seconds apart, not minutes. */
export const LATE_TOLERANCE_MS = 60_000;

/** Oldest first by when things happened; equal times keep log order. */
const byHappened = (a: TimelineRow, b: TimelineRow) => a.at - b.at || a.seq - b.seq;

/**
 * Folds the log into rows ordered by when each thing happened, oldest first. Annotation events change their target rows
 * and are not rows themselves. The log is nearly sorted already, so the sort (TimSort) stays close to linear at 100k rows.
 */
export function buildTimelineRows(events: readonly IncidentEvent[]): TimelineRow[] {
  const rows: TimelineRow[] = [];
  const byRef = new EventRefMap<TimelineRow>();
  let latestSeen = -Infinity;
  let sorted = true;
  for (const e of events) {
    if (e.type === 'timeline.entry_pinned') {
      const target = byRef.resolve(refOf(e.payload.targetId, e.payload.targetSeq));
      if (target) target.pinned = e.payload.pinned;
      continue;
    }
    if (e.type === 'timeline.entry_classified') {
      const target = byRef.resolve(refOf(e.payload.targetId, e.payload.targetSeq));
      if (target) target.kind = e.payload.kind;
      continue;
    }
    const entry = toTimelineEntry(e);
    // Ordered by the exact happened-at, even where the row shows no second time for a sub-second difference.
    const at = Date.parse(happenedTime(e));
    const row: TimelineRow = { ...entry, at, late: at < latestSeen - LATE_TOLERANCE_MS, pinned: false, haystack: `${entry.text} ${entry.detail ?? ''} ${entry.actor} ${entry.type}`.toLowerCase() };
    if (e.type === 'note.added' && e.payload.kind !== 'note') row.kind = e.payload.kind;
    if (rows.length > 0 && byHappened(rows[rows.length - 1]!, row) > 0) sorted = false;
    latestSeen = Math.max(latestSeen, at);
    rows.push(row);
    byRef.add(e, row);
  }
  return sorted ? rows : rows.sort(byHappened);
}

export interface TimelineFilter {
  sources?: ReadonlySet<TimelineSource>;
  actor?: string;
  type?: string;
  kind?: NoteKind;
  pinnedOnly?: boolean;
  text?: string;
  /**
   * Metric samples (captured Prometheus points) are many and say little one by one: they stay off the timeline unless
   * asked for here, or by choosing their source or type explicitly.
   */
  showMetricSamples?: boolean;
}

const METRIC_SAMPLE = 'metric.observed';

export function filterTimeline(rows: readonly TimelineRow[], filter: TimelineFilter): TimelineRow[] {
  const words = (filter.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const sources = filter.sources && filter.sources.size > 0 ? filter.sources : undefined;
  return rows.filter(
    (r) =>
      (!sources || sources.has(r.source)) &&
      (r.type !== METRIC_SAMPLE || filter.showMetricSamples || filter.type === METRIC_SAMPLE || sources?.has(r.source)) &&
      (!filter.actor || r.actor === filter.actor) &&
      (!filter.type || r.type === filter.type) &&
      (!filter.kind || r.kind === filter.kind) &&
      (!filter.pinnedOnly || r.pinned) &&
      words.every((w) => r.haystack.includes(w)),
  );
}

export const isAnnotation = (type: IncidentEvent['type']): boolean => annotationTypes.has(type);

/** Index (in newest-first order) of the newest row at or before `t`: where "jump to time" scrolls. */
export function indexAtTime(newestFirst: readonly TimelineRow[], t: number): number {
  let lo = 0;
  let hi = newestFirst.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (newestFirst[mid]!.at > t) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, Math.max(0, newestFirst.length - 1));
}
