// The incident as the cockpit header sees it: a pure fold over the event log, so live view, playback and export agree.
import type { IncidentEvent } from '../events';
import { applyRoleEvent, type PendingHandover, type RoleHolder } from '../team/roles';
import type { IncidentStatus } from './status';
import type { Severity } from './severity';

export interface IncidentState {
  id: string;
  title: string;
  severity: Severity;
  status: IncidentStatus;
  commander: string;
  services: string[];
  summary?: string;
  demo: boolean;
  declaredAt: string;
  /** Time of the latest transition to "resolved", cleared if the incident is reopened. */
  resolvedAt?: string;
  updatedAt: string;
  lastSeq: number;
  eventCount: number;
  noteCount: number;
  statusHistory: { status: IncidentStatus; at: string; actor: string }[];
  /** Who holds each team role other than commander (deputy, scribe, comms lead, ops lead, custom roles). */
  roles: RoleHolder[];
  /** A commander handover proposed and not yet accepted, recorded or withdrawn. */
  handover?: PendingHandover;
}

/** Starts the fold from the declaring event; every incident log begins with one. */
export function stateFromDeclaration(id: string, event: Extract<IncidentEvent, { type: 'incident.declared' }>): IncidentState {
  const p = event.payload;
  return {
    id,
    title: p.title,
    severity: p.severity,
    status: 'investigating',
    commander: p.commander,
    services: [...p.services],
    ...(p.summary !== undefined ? { summary: p.summary } : {}),
    demo: p.demo === true,
    declaredAt: event.ts,
    updatedAt: event.ts,
    lastSeq: event.seq,
    eventCount: 1,
    noteCount: 0,
    statusHistory: [{ status: 'investigating', at: event.ts, actor: event.actor }],
    roles: [],
  };
}

/** Applies one event; returns a new state object and never mutates the old one (playback keeps old states as checkpoints). */
export function applyIncidentEvent(state: IncidentState, event: IncidentEvent): IncidentState {
  const next: IncidentState = { ...state, updatedAt: event.ts, lastSeq: event.seq, eventCount: state.eventCount + 1 };
  switch (event.type) {
    case 'incident.status_changed': {
      next.status = event.payload.to;
      next.statusHistory = [...state.statusHistory, { status: event.payload.to, at: event.ts, actor: event.actor }];
      if (event.payload.to === 'resolved') next.resolvedAt = event.ts;
      else delete next.resolvedAt;
      return next;
    }
    case 'incident.severity_changed':
      next.severity = event.payload.to;
      return next;
    case 'incident.commander_changed':
    case 'handover.accepted':
    case 'handover.recorded':
      next.commander = event.payload.to;
      delete next.handover;
      return next;
    case 'handover.proposed':
      next.handover = { from: event.payload.from, to: event.payload.to, note: event.payload.note, proposedBy: event.actor, proposedAt: event.ts, seq: event.seq };
      if (event.id !== undefined) next.handover.id = event.id;
      return next;
    case 'handover.withdrawn':
      delete next.handover;
      return next;
    case 'role.assigned':
    case 'role.released':
      next.roles = applyRoleEvent(state.roles ?? [], event) ?? state.roles;
      return next;
    case 'note.added':
      next.noteCount = state.noteCount + 1;
      return next;
    default:
      return next;
  }
}

/** Folds a whole log (or a prefix of it). Returns undefined when the log does not start with a declaration. */
export function projectIncident(id: string, events: readonly IncidentEvent[]): IncidentState | undefined {
  const first = events[0];
  if (!first || first.type !== 'incident.declared') return undefined;
  let state = stateFromDeclaration(id, first);
  for (let i = 1; i < events.length; i++) state = applyIncidentEvent(state, events[i]!);
  return state;
}
