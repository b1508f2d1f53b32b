// The small per-pane folds of the cockpit projection that no domain module keeps on its own: the updates pane's summary,
// the metric captures recorded in the log and the timeline's row count, filter choices and annotations. Each is folded
// event by event and never mutated, so checkpoints share everything an event did not change.
import type { Audience, IncidentEvent, NoteKind } from '../events';
import { refOf, type SeqByRef } from '../events/event-refs';
import type { PublishedUpdate } from '../updates/update-history';
import { toTimelineEntry, type TimelineSource } from '../timeline/describe-event';
import { isAnnotation } from '../timeline/timeline-view';

/** What the updates pane shows in playback: how many updates went out, and the latest per audience. */
export interface UpdatesSummary {
  published: number;
  byAudience: Readonly<Partial<Record<Audience, { count: number; last: Omit<PublishedUpdate, 'deliveries'> }>>>;
}

export const noUpdates: UpdatesSummary = { published: 0, byAudience: {} };

export function applyUpdatesEvent(s: UpdatesSummary, e: IncidentEvent): UpdatesSummary {
  if (e.type !== 'update.published') return s;
  const p = e.payload;
  const last = { seq: e.seq, ts: e.ts, actor: e.actor, audience: p.audience, channel: p.channel, text: p.text, ...(p.publicationId ? { publicationId: p.publicationId } : {}) };
  const count = (s.byAudience[p.audience]?.count ?? 0) + 1;
  return { published: s.published + 1, byAudience: { ...s.byAudience, [p.audience]: { count, last } } };
}

/** Metric samples captured into the log (metric.observed): how many, and the latest value of each service's metric. */
export interface MetricCaptures {
  samples: number;
  latest: ReadonlyMap<string, { service: string; metric: string; value: number; unit: string; at: string }>;
}

export const noCaptures: MetricCaptures = { samples: 0, latest: new Map() };

export function applyMetricEvent(m: MetricCaptures, e: IncidentEvent): MetricCaptures {
  if (e.type !== 'metric.observed') return m;
  const p = e.payload;
  return { samples: m.samples + 1, latest: new Map(m.latest).set(`${p.service}\u0000${p.metric}`, { ...p, at: e.ts }) };
}

/**
 * The timeline at a moment without its rows: how many rows there are, the actors, types and sources its filters offer
 * (sorted), and the pins and classifications made so far, by target seq. Rows themselves come from the timeline index (shared/timeline/timeline-index.ts).
 */
export interface TimelineIndex {
  rows: number;
  actors: readonly string[];
  types: readonly string[];
  sources: readonly TimelineSource[];
  pinned: ReadonlyMap<number, boolean>;
  kinds: ReadonlyMap<number, NoteKind>;
}

export const emptyTimeline: TimelineIndex = { rows: 0, actors: [], types: [], sources: [], pinned: new Map(), kinds: new Map() };

const withSorted = <T extends string>(list: readonly T[], value: T): readonly T[] => (list.includes(value) ? list : [...list, value].sort());

/**
 * `refs` knows the events folded so far by global id (the cockpit projection adds each event before folding it), so pins
 * and classifications naming their entry by id land on its local seq; without it only references by seq resolve.
 */
export function applyTimelineEvent(t: TimelineIndex, e: IncidentEvent, refs?: SeqByRef): TimelineIndex {
  if (e.type === 'timeline.entry_pinned' || e.type === 'timeline.entry_classified') {
    const ref = refOf(e.payload.targetId, e.payload.targetSeq);
    const target = ref && 'seq' in ref ? ref.seq : refs?.resolve(ref);
    // Only rows already on the timeline can be annotated (the log appends annotations after their targets).
    if (target === undefined || target >= e.seq) return t;
    if (e.type === 'timeline.entry_pinned') return { ...t, pinned: new Map(t.pinned).set(target, e.payload.pinned) };
    return { ...t, kinds: new Map(t.kinds).set(target, e.payload.kind) };
  }
  if (isAnnotation(e.type)) return t;
  const actors = withSorted(t.actors, e.actor);
  const types = withSorted(t.types, e.type);
  const sources = withSorted(t.sources, toTimelineEntry(e).source);
  return { ...t, rows: t.rows + 1, actors, types, sources };
}
