// Projects the public status page from incident logs. Only `update.published` events to the customers audience that chose
// the status page channel contribute text; everything else in a log (notes, hypotheses, people, other audiences) is read
// solely to know the status and severity at the moment of each publication, and never copied.
import type { IncidentEvent } from '../events';
import type { ProjectionDef } from '../projections/incremental-projection';
import { applyIncidentEvent, stateFromDeclaration, type IncidentState } from '../incidents/incident-state';
import type { Severity } from '../incidents/severity';
import { markdownToPlainText } from '../markdown';
import type { ComponentStatus, Impact, StatusPageIncident, StatusPageModel, StatusPageSettings } from './status-page-model';

export const STATUS_PAGE_CHANNEL = 'statuspage';

export interface IncidentLogInput {
  incidentId: string;
  /** Iterated once, in log order (the core streams a large log from disk rather than handing over an array). */
  events: Iterable<IncidentEvent>;
}

type Published = Extract<IncidentEvent, { type: 'update.published' }>;

/** The one gate: an update reaches the page only if it was written for customers and published to the status page. */
export function isStatusPageUpdate(event: IncidentEvent): event is Published {
  return event.type === 'update.published' && event.payload.audience === 'customers' && (event.payload.channels ?? []).includes(STATUS_PAGE_CHANNEL);
}

export function hasPublishedToStatusPage(events: readonly IncidentEvent[]): boolean {
  return events.some(isStatusPageUpdate);
}

/**
 * True when the incident is resolved and nothing was posted to the page since its latest resolution: the page still shows it
 * as ongoing, so a final "Resolved" entry is owed.
 */
export function needsResolvedEntry(events: Iterable<IncidentEvent>): boolean {
  let fold = resolvedEntryProjection.initial('');
  for (const e of events) fold = resolvedEntryProjection.apply(fold, e, '');
  return resolvedEntryProjection.view(fold);
}

interface ResolvedEntryFold {
  lastResolved: number;
  lastPosted: number;
  reopened: boolean;
}

/** needsResolvedEntry advanced event by event: the core asks it after every append without reading the log again. */
export const resolvedEntryProjection: ProjectionDef<ResolvedEntryFold, boolean> = {
  name: 'status page resolved entry owed',
  initial: () => ({ lastResolved: -1, lastPosted: -1, reopened: false }),
  apply: (fold, e) => {
    if (e.type === 'incident.status_changed') {
      if (e.payload.to === 'resolved') {
        fold.lastResolved = e.seq;
        fold.reopened = false;
      } else fold.reopened = true;
    }
    if (isStatusPageUpdate(e)) fold.lastPosted = e.seq;
    return fold;
  },
  view: ({ lastPosted, lastResolved, reopened }) => lastPosted > 0 && lastResolved > 0 && !reopened && lastPosted < lastResolved,
};

const impactOf: Record<Severity, Impact> = { SEV1: 'critical', SEV2: 'major', SEV3: 'minor', SEV4: 'minor' };
const componentStatusOf: Record<Impact, ComponentStatus> = { critical: 'major_outage', major: 'partial_outage', minor: 'degraded_performance', none: 'operational' };
const impactRank: Record<Impact, number> = { none: 0, minor: 1, major: 2, critical: 3 };
const statusRank: Record<ComponentStatus, number> = { operational: 0, degraded_performance: 1, partial_outage: 2, major_outage: 3 };

/** One incident as the page shows it, or nothing if it never published to the page. */
function projectIncident({ incidentId, events }: IncidentLogInput): StatusPageIncident | undefined {
  let state: IncidentState | undefined;
  let incident: StatusPageIncident | undefined;
  let worst: Impact = 'none';
  for (const event of events) {
    if (!state) {
      if (event.type !== 'incident.declared') return undefined;
      state = stateFromDeclaration(incidentId, event);
      continue;
    }
    state = applyIncidentEvent(state, event);
    if (!isStatusPageUpdate(event)) continue;
    // Status, severity and services are taken as they stood when the update went out, so a later change not yet
    // announced to customers does not reach the page before its own update does.
    const update = { id: `${incidentId}-${event.seq}`, status: state.status, body: markdownToPlainText(event.payload.text), createdAt: event.ts };
    if (state.status !== 'resolved' && impactRank[impactOf[state.severity]] > impactRank[worst]) worst = impactOf[state.severity];
    incident = {
      id: incidentId,
      name: state.title,
      status: state.status,
      // While ongoing, the impact now (it drives component status); once resolved, the worst it reached.
      impact: state.status === 'resolved' ? worst : impactOf[state.severity],
      createdAt: incident?.createdAt ?? event.ts,
      updatedAt: event.ts,
      ...(state.status === 'resolved' ? { resolvedAt: event.ts } : {}),
      components: [...state.services],
      updates: [update, ...(incident?.updates ?? [])],
    };
  }
  return incident;
}

const overallWords: Record<Impact, string> = {
  none: 'All systems operational',
  minor: 'Minor service disruption',
  major: 'Partial system outage',
  critical: 'Major system outage',
};

/**
 * The whole page from every incident's log. Deterministic: the same logs give the same model (the page's time is its latest
 * entry; `now` only when there is none), so publishing again after a retry writes identical files and a git target makes no empty commit.
 */
export function projectStatusPage(logs: readonly IncidentLogInput[], settings: Pick<StatusPageSettings, 'title' | 'publicUrl' | 'components'>, catalogue: readonly string[] = [], now = new Date(0).toISOString()): StatusPageModel {
  const incidents = logs.map(projectIncident).filter((i): i is StatusPageIncident => i !== undefined);
  const active = incidents.filter((i) => i.status !== 'resolved').sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
  const history = incidents.filter((i) => i.status === 'resolved').sort((a, b) => (b.resolvedAt ?? '').localeCompare(a.resolvedAt ?? '') || a.id.localeCompare(b.id));

  const listed = settings.components.length > 0 ? settings.components : catalogue;
  const names = [...new Set([...listed, ...incidents.flatMap((i) => i.components)])];
  const statuses = new Map<string, ComponentStatus>(names.map((n) => [n, 'operational']));
  for (const incident of active) {
    const status = componentStatusOf[incident.impact];
    for (const name of incident.components) if (statusRank[status] > statusRank[statuses.get(name) ?? 'operational']) statuses.set(name, status);
  }
  const components = names.map((name) => ({ name, status: statuses.get(name) ?? 'operational' })).sort((a, b) => a.name.localeCompare(b.name));
  const indicator = active.reduce<Impact>((worst, i) => (impactRank[i.impact] > impactRank[worst] ? i.impact : worst), 'none');
  const updatedAt = incidents.map((i) => i.updatedAt).sort().at(-1) ?? now;
  return {
    page: { name: settings.title, ...(settings.publicUrl ? { url: settings.publicUrl } : {}), updatedAt },
    overall: { indicator, description: overallWords[indicator] },
    components,
    active,
    history,
  };
}
