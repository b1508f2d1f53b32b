// The cockpit as a single projection of the log: every pane's state at one position (incident, checklists, rollbacks,
// Jira/PagerDuty links and outbox, stakeholder updates and cadence, metric captures, timeline index). Playback folds it
// once with checkpoints (checkpoints.ts), so the whole cockpit at any moment is the nearest checkpoint plus a short replay.
// Every slice is immutable and shared between checkpoints when an event leaves it unchanged, which keeps checkpoints small.
import type { IncidentEvent } from '../events';
import { applyLinkEvent, noLinks, type LinkFold } from '../connectors/incident-links';
import { applyHotfixEvent, type HotfixState } from '../hotfix/hotfix-state';
import { applyRolloutEvent, type RolloutState } from '../hotfix/rollout-state';
import { applyIncidentEvent, stateFromDeclaration, type IncidentState } from '../incidents/incident-state';
import { applyKeyTime, type KeyTimes } from '../incidents/key-times';
import { SeqByRef } from '../events/event-refs';
import { applyOutboxEvent, type OutboxItem } from '../outbox/outbox-state';
import { applyRollbackEvent, applyRollbackEventInto, type RollbackState } from '../rollback/rollback-state';
import { applyChecklistEvent, type RunbookChecklist } from '../runbooks/checklist';
import { applyCadenceEvent, type CadenceTimeline } from '../updates/cadence';
import type { Projection } from './checkpoints';
import {
  applyMetricEvent,
  applyTimelineEvent,
  applyUpdatesEvent,
  emptyTimeline,
  noCaptures,
  noUpdates,
  type MetricCaptures,
  type OwnedMaps,
  type TimelineIndex,
  type UpdatesSummary,
} from './cockpit-slices';

export interface CockpitState {
  incident?: IncidentState;
  keyTimes: KeyTimes;
  checklists: readonly RunbookChecklist[];
  /** By rollback id, in the order they were planned. */
  rollbacks: ReadonlyMap<string, RollbackState>;
  /** By hot-fix id, in the order they were opened. */
  hotfixes: ReadonlyMap<string, HotfixState>;
  /** By rollout id, in the order they started (the hot fixes' controlled rollouts). */
  rollouts: ReadonlyMap<string, RolloutState>;
  links: LinkFold;
  /** By intent key, in the order they were queued. */
  outbox: ReadonlyMap<string, OutboxItem>;
  updates: UpdatesSummary;
  cadence?: CadenceTimeline;
  metrics: MetricCaptures;
  timeline: TimelineIndex;
  /** Number of events folded in. */
  count: number;
  /** Seq of the last event folded in (0 before the first). */
  lastSeq: number;
}

export const emptyCockpit: CockpitState = {
  keyTimes: {},
  checklists: [],
  rollbacks: new Map(),
  hotfixes: new Map(),
  rollouts: new Map(),
  links: noLinks,
  outbox: new Map(),
  updates: noUpdates,
  metrics: noCaptures,
  timeline: emptyTimeline,
  count: 0,
  lastSeq: 0,
};

function applyOutbox(items: ReadonlyMap<string, OutboxItem>, incidentId: string, event: IncidentEvent, owned: OwnedMaps | undefined): ReadonlyMap<string, OutboxItem> {
  if (!event.type.startsWith('outbox.')) return items;
  // applyOutboxEvent updates the map it is given: give it a copy so earlier checkpoints keep theirs (one per fold run).
  const next = owned ? (owned.outbox ??= new Map(items)) : new Map(items);
  applyOutboxEvent(next, incidentId, event);
  return next;
}

function applyRollout(rollouts: ReadonlyMap<string, RolloutState>, event: IncidentEvent, owned: OwnedMaps | undefined): ReadonlyMap<string, RolloutState> {
  if (!event.type.startsWith('rollout.')) return rollouts;
  // The rollout fold updates its map in place, so a checkpoint keeps its own copy (one per fold run).
  return applyRolloutEvent(owned ? (owned.rollouts ??= new Map(rollouts)) : new Map(rollouts), event);
}

/** One event folded in. With `owned` (a fold run whose in-between states nobody keeps), maps copied once are reused. */
function applyCockpit(incidentId: string, refs: SeqByRef, state: CockpitState, event: IncidentEvent, owned?: OwnedMaps & { cockpit?: CockpitState }): CockpitState {
  refs.add(event);
  let incident = state.incident;
  if (!incident) {
    if (event.type === 'incident.declared') incident = stateFromDeclaration(incidentId, event);
  } else {
    incident = applyIncidentEvent(incident, event);
  }
  const cadence = applyCadenceEvent(state.cadence, event);
  const keyTimes = applyKeyTime(state.keyTimes, event);
  const checklists = applyChecklistEvent(state.checklists, event);
  const current = state.rollbacks as Map<string, RollbackState>;
  const rollbacks = owned ? applyRollbackEventInto(current, event, (m) => (owned.rollbacks ??= new Map(m))) : applyRollbackEvent(current, event);
  const hotfixes = applyHotfixEvent(state.hotfixes, event);
  const rollouts = applyRollout(state.rollouts, event, owned);
  const links = applyLinkEvent(state.links, event);
  const outbox = applyOutbox(state.outbox, incidentId, event, owned);
  const updates = applyUpdatesEvent(state.updates, event);
  const metrics = applyMetricEvent(state.metrics, event, owned);
  const timeline = applyTimelineEvent(state.timeline, event, owned, refs);
  // In a fold run, the state object the run created is updated in place (nobody keeps the states in between).
  const next: CockpitState = owned?.cockpit === state ? state : ({} as CockpitState);
  next.keyTimes = keyTimes;
  next.checklists = checklists;
  next.rollbacks = rollbacks;
  next.hotfixes = hotfixes;
  next.rollouts = rollouts;
  next.links = links;
  next.outbox = outbox;
  next.updates = updates;
  next.metrics = metrics;
  next.timeline = timeline;
  next.count = state.count + 1;
  next.lastSeq = event.seq;
  if (incident) next.incident = incident;
  else delete next.incident;
  if (cadence) next.cadence = cadence;
  else delete next.cadence;
  if (owned) owned.cockpit = next;
  return next;
}

export function cockpitProjection(incidentId: string): Projection<CockpitState> {
  // Events by global id, for the timeline's pins and classifications (only ever added to: an id names one event for good).
  const refs = new SeqByRef();
  return {
    initial: emptyCockpit,
    apply: (state, event) => applyCockpit(incidentId, refs, state, event),
    // A seek replays up to an interval of events from its checkpoint: copying the outbox, rollouts, metric captures and
    // timeline annotations once per run instead of once per event is most of what the per-event fold cost.
    fold(state, events, from, to) {
      const owned: OwnedMaps & { cockpit?: CockpitState } = {};
      let s = state;
      for (let i = from; i < to; i++) s = applyCockpit(incidentId, refs, s, events[i]!, owned);
      return s;
    },
  };
}

/** The outbox as the pane lists it (projectOutbox's order: by when each write was queued). */
export const outboxItems = (s: CockpitState): OutboxItem[] => [...s.outbox.values()].sort((a, b) => a.queuedSeq - b.queuedSeq);
