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
import { applyRollbackEvent, type RollbackState } from '../rollback/rollback-state';
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

function applyOutbox(items: ReadonlyMap<string, OutboxItem>, incidentId: string, event: IncidentEvent): ReadonlyMap<string, OutboxItem> {
  if (!event.type.startsWith('outbox.')) return items;
  // applyOutboxEvent updates the map it is given: give it a copy so earlier checkpoints keep theirs.
  const next = new Map(items);
  applyOutboxEvent(next, incidentId, event);
  return next;
}

export function cockpitProjection(incidentId: string): Projection<CockpitState> {
  // Events by global id, for the timeline's pins and classifications (only ever added to: an id names one event for good).
  const refs = new SeqByRef();
  return {
    initial: emptyCockpit,
    apply(state, event: IncidentEvent) {
      refs.add(event);
      let incident = state.incident;
      if (!incident) {
        if (event.type === 'incident.declared') incident = stateFromDeclaration(incidentId, event);
      } else {
        incident = applyIncidentEvent(incident, event);
      }
      const cadence = applyCadenceEvent(state.cadence, event);
      const next: CockpitState = {
        keyTimes: applyKeyTime(state.keyTimes, event),
        checklists: applyChecklistEvent(state.checklists, event),
        rollbacks: applyRollbackEvent(state.rollbacks as Map<string, RollbackState>, event),
        hotfixes: applyHotfixEvent(state.hotfixes, event),
        // The rollout fold updates its map in place, so a checkpoint keeps its own copy.
        rollouts: event.type.startsWith('rollout.') ? applyRolloutEvent(new Map(state.rollouts), event) : state.rollouts,
        links: applyLinkEvent(state.links, event),
        outbox: applyOutbox(state.outbox, incidentId, event),
        updates: applyUpdatesEvent(state.updates, event),
        metrics: applyMetricEvent(state.metrics, event),
        timeline: applyTimelineEvent(state.timeline, event, refs),
        count: state.count + 1,
        lastSeq: event.seq,
      };
      if (incident) next.incident = incident;
      if (cadence) next.cadence = cadence;
      return next;
    },
  };
}

/** The outbox as the pane lists it (projectOutbox's order: by when each write was queued). */
export const outboxItems = (s: CockpitState): OutboxItem[] => [...s.outbox.values()].sort((a, b) => a.queuedSeq - b.queuedSeq);
