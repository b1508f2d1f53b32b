// The small per-pane folds of the cockpit projection that no domain module keeps on its own: the updates pane's summary,
// the metric captures recorded in the log and the timeline's row count, filter choices and annotations. Each is folded
// event by event and never mutated, so checkpoints share everything an event did not change.
import type { Audience, IncidentEvent, NoteKind } from '../events';
import { refOf, type SeqByRef } from '../events/event-refs';
import type { RolloutState } from '../hotfix/rollout-state';
import type { OutboxItem } from '../outbox/outbox-state';
import type { RollbackState } from '../rollback/rollback-state';
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

/**
 * The maps one fold run (a seek's replay, the stretch between two checkpoints) has copied from the state it started from:
 * the run updates them in place, since nobody keeps the states in between; a fresh run copies again, so checkpoints and
 * the states handed out are never changed.
 */
export interface OwnedMaps {
  outbox?: Map<string, OutboxItem>;
  rollouts?: Map<string, RolloutState>;
  rollbacks?: Map<string, RollbackState>;
  metrics?: Map<string, MetricCapture>;
  pinned?: Map<number, boolean>;
  kinds?: Map<number, NoteKind>;
  /** Slice objects this run created: updated in place by the run's later events. */
  captures?: MetricCaptures;
  timeline?: TimelineIndex;
}

/** Metric samples captured into the log (metric.observed): how many, and the latest value of each service's metric. */
export interface MetricCapture {
  service: string;
  metric: string;
  value: number;
  unit: string;
  at: string;
}

export interface MetricCaptures {
  samples: number;
  latest: ReadonlyMap<string, MetricCapture>;
}

export const noCaptures: MetricCaptures = { samples: 0, latest: new Map() };

export function applyMetricEvent(m: MetricCaptures, e: IncidentEvent, owned?: OwnedMaps): MetricCaptures {
  if (e.type !== 'metric.observed') return m;
  const p = e.payload;
  const latest = owned ? (owned.metrics ??= new Map(m.latest)) : new Map(m.latest);
  latest.set(`${p.service}\u0000${p.metric}`, { ...p, at: e.ts });
  if (owned?.captures === m) {
    m.samples += 1;
    return m;
  }
  const next = { samples: m.samples + 1, latest };
  if (owned) owned.captures = next;
  return next;
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
 * The timeline source of an event (what toTimelineEntry(e).source says) without describing it: the source depends on the
 * type alone, except a note's, which is "decisions" for a decision. Remembered per type (and note kind), since a seek folds
 * hundreds of events and describing each one (its text, Markdown included) was a third of the fold.
 */
const sourceByType = new Map<string, TimelineSource>();
export function timelineSourceOf(e: IncidentEvent): TimelineSource {
  const key = e.type === 'note.added' ? `note.added\u0000${e.payload.kind === 'decision'}` : e.type;
  let source = sourceByType.get(key);
  if (source === undefined) sourceByType.set(key, (source = toTimelineEntry(e).source));
  return source;
}

/**
 * `refs` knows the events folded so far by global id (the cockpit projection adds each event before folding it), so pins
 * and classifications naming their entry by id land on its local seq; without it only references by seq resolve.
 */
export function applyTimelineEvent(t: TimelineIndex, e: IncidentEvent, owned?: OwnedMaps, refs?: SeqByRef): TimelineIndex {
  if (e.type === 'timeline.entry_pinned' || e.type === 'timeline.entry_classified') {
    const ref = refOf(e.payload.targetId, e.payload.targetSeq);
    const target = ref && 'seq' in ref ? ref.seq : refs?.resolve(ref);
    // Only rows already on the timeline can be annotated (the log appends annotations after their targets).
    if (target === undefined || target >= e.seq) return t;
    if (e.type === 'timeline.entry_pinned') {
      const pinned = owned ? (owned.pinned ??= new Map(t.pinned)) : new Map(t.pinned);
      return { ...t, pinned: pinned.set(target, e.payload.pinned) };
    }
    const kinds = owned ? (owned.kinds ??= new Map(t.kinds)) : new Map(t.kinds);
    return { ...t, kinds: kinds.set(target, e.payload.kind) };
  }
  if (isAnnotation(e.type)) return t;
  const actors = withSorted(t.actors, e.actor);
  const types = withSorted(t.types, e.type);
  const sources = withSorted(t.sources, timelineSourceOf(e));
  const next = owned?.timeline === t ? t : { ...t };
  next.rows = t.rows + 1;
  next.actors = actors;
  next.types = types;
  next.sources = sources;
  if (owned) owned.timeline = next;
  return next;
}
