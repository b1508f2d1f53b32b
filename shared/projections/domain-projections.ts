// One incremental projection per domain, each the domain's own pure fold from shared/**: what the core caches per incident.
import type { IncidentEvent } from '../events';
import { applyLinksEvent, emptyLinksFold, linksOf, type IncidentLinks, type LinksFold } from '../connectors/incident-links';
import { applyHotfixEvent, type HotfixState } from '../hotfix/hotfix-state';
import { applyIncidentEvent, stateFromDeclaration, type IncidentState } from '../incidents/incident-state';
import { applyKeyTime, type KeyTimes } from '../incidents/key-times';
import { MarkerColumns } from '../metrics/marker-columns';
import { applyOutboxEvent, type OutboxItem } from '../outbox/outbox-state';
import { applyRollbackEvent, type RollbackState } from '../rollback/rollback-state';
import { applyAlertRunbookEvent, emptyAlertRunbookLinks, type AlertRunbookLinks } from '../runbooks/alert-runbooks';
import { applyChecklistEvent, type RunbookChecklist } from '../runbooks/checklist';
import { applyUpdatesEvent, emptyUpdatesFold, type UpdatesFold } from '../updates/update-history';
import { TimelineIndex } from '../timeline/timeline-index';
import type { ProjectionDef } from './incremental-projection';

/** The incident's state; undefined when the log does not start with a declaration (as projectIncident). */
export const incidentProjection: ProjectionDef<{ started: boolean; state: IncidentState | undefined }, IncidentState | undefined> = {
  name: 'incident',
  initial: () => ({ started: false, state: undefined }),
  apply: (fold, event, incidentId) => {
    if (!fold.started) return { started: true, state: event.type === 'incident.declared' ? stateFromDeclaration(incidentId, event) : undefined };
    return fold.state ? { started: true, state: applyIncidentEvent(fold.state, event) } : fold;
  },
  view: (fold) => fold.state,
};

/** The incident's key times (detected, acknowledged, mitigated, resolved): the header of an incident whose log the renderer does not hold. */
export const keyTimesProjection: ProjectionDef<KeyTimes> = {
  name: 'key times',
  initial: () => ({}),
  apply: (times, event) => applyKeyTime(times, event),
  view: (times) => times,
};

/** Linked Jira issues and PagerDuty incident (the connectors' state). */
export const linksProjection: ProjectionDef<LinksFold, IncidentLinks> = {
  name: 'connectors',
  initial: emptyLinksFold,
  apply: applyLinksEvent,
  view: linksOf,
};

/**
 * Outbox items in queue order: the order the log is folded in (a Map keeps first insertion), which is sequence order on one
 * laptop and the team's order with sync on, so every laptop sees the same queue and the same head of each lane.
 */
export const outboxProjection: ProjectionDef<Map<string, OutboxItem>, OutboxItem[]> = {
  name: 'outbox',
  initial: () => new Map(),
  apply: (items, event, incidentId) => {
    applyOutboxEvent(items, incidentId, event);
    return items;
  },
  view: (items) => [...items.values()],
};

/** Rollbacks in the order they were planned. */
export const rollbackProjection: ProjectionDef<Map<string, RollbackState>, RollbackState[]> = {
  name: 'rollback',
  initial: () => new Map(),
  apply: applyRollbackEvent,
  view: (map) => [...map.values()],
};

/** Hot fixes in the order they were opened, each with its track state. */
export const hotfixProjection: ProjectionDef<ReadonlyMap<string, HotfixState>, HotfixState[]> = {
  name: 'hotfix',
  initial: () => new Map(),
  apply: applyHotfixEvent,
  view: (map) => [...map.values()],
};

export const checklistProjection: ProjectionDef<RunbookChecklist[]> = {
  name: 'checklists',
  initial: () => [],
  apply: applyChecklistEvent,
  view: (lists) => lists,
};

/** The runbooks the incident's alerts link to and the runbooks attached: what runbooks.alertOffers matches against the library. */
export const alertRunbookLinksProjection: ProjectionDef<AlertRunbookLinks> = {
  name: 'alert runbook links',
  initial: emptyAlertRunbookLinks,
  apply: applyAlertRunbookEvent,
  view: (fold) => fold,
};

/** Published stakeholder updates with their deliveries, and the latest draft per audience. */
export const updatesProjection: ProjectionDef<UpdatesFold> = {
  name: 'updates',
  initial: emptyUpdatesFold,
  apply: applyUpdatesEvent,
  view: (fold) => fold,
};

/** Every chart marker candidate, in log order, packed (marker-columns.ts); metrics views cut and thin them per range. */
export const markerProjection: ProjectionDef<MarkerColumns> = {
  name: 'metrics markers',
  initial: () => new MarkerColumns(),
  apply: (columns, event: IncidentEvent) => {
    columns.add(event);
    return columns;
  },
  view: (columns) => columns,
};

/** The timeline index (rows' order, filters, search postings) the core serves timeline pages and search from. */
export const timelineIndexProjection: ProjectionDef<TimelineIndex> = {
  name: 'timeline index',
  initial: () => new TimelineIndex(),
  apply: (index, event) => {
    index.add(event);
    return index;
  },
  view: (index) => index,
};

export const domainProjections = [incidentProjection, keyTimesProjection, linksProjection, outboxProjection, rollbackProjection, hotfixProjection, checklistProjection, alertRunbookLinksProjection, updatesProjection, markerProjection] as const;
