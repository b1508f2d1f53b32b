// Builds the variables a stakeholder-update template is filled with, purely from the incident's event log.
import type { Audience, IncidentEvent } from '../events';
import { projectIncident, type IncidentState } from '../incidents/incident-state';
import { severityCriteria } from '../incidents/severity';
import { statusLabels } from '../incidents/status';
import { audienceFacts, formatImpact, isExternal, newsItem, newsListOf, noteKinds, scrubNames, statedImpact, statedNextStep, type AudienceFacts, type EventBySeq, type NewsList, type NoteKindsBySeq, type StatedImpact } from './audience-facts';
import { nextDueIfPublishedNow, type CadencePolicy } from './cadence';
import { previousUpdate, type PublishedUpdate } from './update-history';

export interface UpdateVariable {
  name: string;
  kind: 'text' | 'list';
  description: string;
}

/** The variables every template may use; the editor lists them and the parser rejects anything else. */
export const updateVariables: readonly UpdateVariable[] = [
  { name: 'title', kind: 'text', description: 'Incident title' },
  { name: 'incidentId', kind: 'text', description: 'Incident id' },
  { name: 'severity', kind: 'text', description: 'SEV1…SEV4' },
  { name: 'severityLabel', kind: 'text', description: 'Critical, Major, Minor or Low' },
  { name: 'status', kind: 'text', description: 'Investigating, Identified, Mitigating, Monitoring or Resolved' },
  { name: 'commander', kind: 'text', description: 'Incident commander' },
  { name: 'impact', kind: 'text', description: 'Customer impact as last stated: who, how badly, since when (else the declaration summary)' },
  { name: 'nextStep', kind: 'text', description: 'The next step as last stated' },
  { name: 'decisions', kind: 'list', description: 'Decisions taken (decision notes and recorded approvals)' },
  { name: 'pinned', kind: 'list', description: 'Entries pinned on the timeline that this audience may read' },
  { name: 'services', kind: 'text', description: 'Affected services, comma separated (declared plus those with firing alerts)' },
  { name: 'startedAt', kind: 'text', description: 'When the incident was declared (UTC)' },
  { name: 'duration', kind: 'text', description: 'How long it has been open, or how long it lasted once resolved' },
  { name: 'resolvedAt', kind: 'text', description: 'When it was resolved (UTC); empty while open' },
  { name: 'changes', kind: 'list', description: 'What changed since the last update, from the timeline (external audiences: stated facts only)' },
  { name: 'lastUpdateAt', kind: 'text', description: 'When this audience was last updated (UTC); empty if never' },
  { name: 'actions', kind: 'list', description: 'Actions in progress: action notes since the last status change, deploys still running' },
  { name: 'alerts', kind: 'list', description: 'Alerts still firing' },
  { name: 'nextUpdateAt', kind: 'text', description: 'When the next update is due if this one goes out now (UTC); empty when none is planned' },
  { name: 'now', kind: 'text', description: 'Time of this update (UTC)' },
  { name: 'audience', kind: 'text', description: 'executives, customers, support or engineers' },
];

export const updateVariableNames: ReadonlySet<string> = new Set(updateVariables.map((v) => v.name));

/** Changes listed in one update before the rest is summarised as "… and N earlier changes". */
export const MAX_LISTED_CHANGES = 12;

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-11-25 12:21 UTC": updates go to people in many time zones, so they always say UTC. */
export function formatUtc(at: Date): string {
  return `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())} ${formatClock(at)}`;
}

export function formatClock(at: Date): string {
  return `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())} UTC`;
}

export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const days = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  return days > 0 ? `${days} d ${h} h ${pad(m)} min` : `${h} h ${pad(m)} min`;
}

function changesSince(facts: AudienceFacts, afterSeq: number): string[] {
  const { changes } = facts;
  let since = 0;
  for (let i = 0; i < changes.length; i++) if (changes.seqAt(i) > afterSeq) since++;
  // Only the lines shown are made (a note's text may be read back from the log): the last ones since, in fold order.
  const shown = since <= MAX_LISTED_CHANGES ? since : MAX_LISTED_CHANGES - 1;
  const lines: string[] = [];
  let skip = since - shown;
  for (let i = 0; i < changes.length; i++) {
    if (changes.seqAt(i) <= afterSeq) continue;
    if (skip > 0) skip--;
    else lines.push(changes.lineAt(i));
  }
  return shown < since ? [`… and ${since - shown} earlier changes (see the timeline)`, ...lines] : lines;
}

function actionsInProgress(events: readonly IncidentEvent[], external: boolean): string[] {
  let phaseStart = 0;
  events.forEach((e, i) => {
    if (e.type === 'incident.status_changed') phaseStart = i;
  });
  const deploys = new Map<string, string>();
  for (const e of events) applyDeployEvent(deploys, e);
  return actionsOf(
    newsListOf(events.slice(phaseStart).map((e) => newsItem(e))),
    0,
    noteKinds(events),
    deploys,
    external,
    () => undefined,
  );
}

/**
 * Action notes (by their current kind) among the notes of `news` from row `phaseStart` (the first after the last status
 * change), then the deploys still running.
 */
export function actionsOf(news: NewsList, phaseStart: number, kinds: NoteKindsBySeq, deploys: ReadonlyMap<string, string>, external: boolean, eventAt: EventBySeq): string[] {
  const actions: string[] = [];
  for (let row = phaseStart; row < news.length; row++) {
    const seq = news.seqAt(row);
    if (news.typeAt(row) !== 'note.added' || kinds.get(seq) !== 'action' || news.ackOnlyAt(row)) continue;
    // A note re-classified as an action after the fact was kept without its text: read it back.
    const e = news.eventAt(row) ?? eventAt(seq);
    if (e?.type === 'note.added') actions.push(e.payload.text.replace(/\s+/g, ' ').trim());
  }
  // Running deploys are engineering detail; external audiences read the stated next step instead.
  if (external) return actions;
  return [...actions, ...deploys.values()];
}

/** Deploys still running, keyed service@version (in place). */
export function applyDeployEvent(deploys: Map<string, string>, e: IncidentEvent): void {
  const key = e.type === 'deploy.started' || e.type === 'deploy.finished' ? `${e.payload.service}@${e.payload.version}` : undefined;
  if (!key) return;
  if (e.type === 'deploy.started') {
    deploys.set(key, `Deploying ${e.payload.service} ${e.payload.version} (${e.payload.strategy}${e.payload.percent !== undefined ? ` ${e.payload.percent}%` : ''})`);
  } else deploys.delete(key);
}

export type FiringAlerts = Map<string, { line: string; service?: string }>;

/** Alerts still firing, keyed by fingerprint (in place). */
export function applyAlertEvent(firing: FiringAlerts, e: IncidentEvent): void {
  if (e.type === 'alert.fired') {
    firing.set(e.payload.fingerprint ?? e.payload.alertname, {
      line: `${e.payload.alertname}${e.payload.service ? ` (${e.payload.service})` : ''}: ${e.payload.summary}`,
      ...(e.payload.service ? { service: e.payload.service } : {}),
    });
  } else if (e.type === 'alert.resolved') firing.delete(e.payload.fingerprint ?? e.payload.alertname);
}

function firingAlerts(events: readonly IncidentEvent[]): FiringAlerts {
  const firing: FiringAlerts = new Map();
  for (const e of events) applyAlertEvent(firing, e);
  return firing;
}

export interface UpdateContext {
  values: Record<string, string | string[]>;
  previous?: PublishedUpdate;
  /** Every event feeding this audience's facts, in fold order, for "N new events since you started this draft" (draftFactSeqs). */
  factSeqs: Int32Array;
}

/** What a context is assembled from: folded from the whole log here, or kept by an incremental projection (update-context-projection.ts). */
export interface UpdateContextParts {
  state: IncidentState;
  previous: PublishedUpdate | undefined;
  facts: AudienceFacts;
  impact: StatedImpact | undefined;
  nextStep: { text: string; ts: string } | undefined;
  firing: ReadonlyMap<string, { line: string; service?: string }>;
  actions: string[];
  /** When the next update is due if this one goes out at `now` (nextDueAt). */
  next: Date | undefined;
}

/** Fills every variable for one audience at time `now`; undefined when the log has no readable declaration. */
export function buildUpdateContext(
  incidentId: string,
  events: readonly IncidentEvent[],
  audience: Audience,
  policy: CadencePolicy,
  now: Date,
): UpdateContext | undefined {
  const state = projectIncident(incidentId, events);
  if (!state) return undefined;
  return contextOf(
    {
      state,
      previous: previousUpdate(events, audience),
      facts: audienceFacts(events, audience),
      impact: statedImpact(events),
      nextStep: statedNextStep(events),
      firing: firingAlerts(events),
      actions: actionsInProgress(events, isExternal(audience)),
      next: nextDueIfPublishedNow(events, policy, audience, now),
    },
    audience,
    now,
  );
}

/** The context from its parts; the time-dependent values (duration, now) are computed here, at call time. */
export function contextOf(parts: UpdateContextParts, audience: Audience, now: Date): UpdateContext {
  const { state, previous, facts, impact, nextStep, actions, next } = parts;
  const external = isExternal(audience);
  const firing = [...parts.firing.values()];
  const alerts = { lines: firing.map((a) => a.line), services: firing.flatMap((a) => (a.service ? [a.service] : [])) };
  const services = [...new Set([...state.services, ...alerts.services])];
  const declared = new Date(state.declaredAt);
  const end = state.resolvedAt ? new Date(state.resolvedAt) : now;
  const values: UpdateContext['values'] = {
    title: state.title,
    incidentId: state.id,
    severity: state.severity,
    severityLabel: severityCriteria[state.severity].label,
    status: statusLabels[state.status],
    commander: state.commander,
    impact: impact ? formatImpact(impact) : (state.summary?.trim() ?? ''),
    nextStep: nextStep?.text ?? '',
    decisions: facts.decisions,
    pinned: facts.pinned,
    services: services.join(', '),
    startedAt: formatUtc(declared),
    duration: formatDuration(end.getTime() - declared.getTime()),
    resolvedAt: state.resolvedAt ? formatUtc(new Date(state.resolvedAt)) : '',
    changes: changesSince(facts, previous?.seq ?? 0),
    lastUpdateAt: previous ? formatUtc(new Date(previous.ts)) : '',
    actions,
    alerts: external ? [] : alerts.lines,
    nextUpdateAt: next ? formatClock(next) : '',
    now: formatUtc(now),
    audience,
  };
  // Last line of defence: nothing an external audience reads names a paged person, whichever variable carried it.
  if (facts.redact.length > 0) {
    for (const [k, v] of Object.entries(values)) values[k] = typeof v === 'string' ? scrubNames(v, facts.redact) : v.map((x) => scrubNames(x, facts.redact));
  }
  return previous ? { values, previous, factSeqs: facts.factSeqs } : { values, factSeqs: facts.factSeqs };
}
