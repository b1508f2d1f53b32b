// IPC contract for incidents: declare, list, open, change status/severity/commander, add notes, read the timeline.
import { z } from 'zod';
import { EventId, eventTypes, IncidentEvent, NoteKind, ServiceName, type EventType } from '../events';
import { timelineSources } from '../timeline/describe-event';
import { IncidentStatus } from '../incidents/status';
import { Severity } from '../incidents/severity';
import { request } from './define';

export const IncidentId = z.string().regex(/^[a-z0-9][a-z0-9-]{2,100}$/, 'Not an incident id');

const Person = z.string().trim().min(1, 'Required').max(120);

export const IncidentStateSchema = z.object({
  id: IncidentId,
  title: z.string(),
  severity: Severity,
  status: IncidentStatus,
  commander: z.string(),
  services: z.array(z.string()),
  summary: z.string().optional(),
  demo: z.boolean(),
  declaredAt: z.string(),
  resolvedAt: z.string().optional(),
  updatedAt: z.string(),
  lastSeq: z.number(),
  eventCount: z.number(),
  noteCount: z.number(),
  statusHistory: z.array(z.object({ status: IncidentStatus, at: z.string(), actor: z.string() })),
  // Summaries written before roles existed have none: an empty team is what those logs fold to.
  roles: z.array(z.object({ role: z.string(), person: z.string(), since: z.string() })).default([]),
  handover: z.object({ from: z.string(), to: z.string(), note: z.string(), proposedBy: z.string(), proposedAt: z.string(), seq: z.number(), id: z.string().optional() }).optional(),
});

/**
 * A problem with an incident log: found on open (a torn tail truncated — reported until acknowledged —, a corrupt line
 * quarantined, an unreadable log, a broken chain), or `write_blocked` while the disk is full or failing (the incident is read-only).
 */
export const LogProblem = z.object({
  kind: z.enum(['torn_tail', 'corrupt_line', 'unreadable', 'chain_broken', 'write_blocked']),
  file: z.string(),
  line: z.number().int().nonnegative(),
  message: z.string(),
  excerpt: z.string().optional(),
});
export type LogProblem = z.infer<typeof LogProblem>;

export const IncidentListItem = z.object({
  id: IncidentId,
  state: IncidentStateSchema.optional(),
  problems: z.array(LogProblem),
});
export type IncidentListItem = z.infer<typeof IncidentListItem>;

export const DeclareIncidentInput = z.object({
  title: z.string().trim().min(3, 'At least 3 characters').max(200),
  severity: Severity,
  commander: Person,
  services: z.array(ServiceName).max(50).default([]),
  summary: z.string().max(4000).optional(),
});
export type DeclareIncidentInput = z.input<typeof DeclareIncidentInput>;

const ByIncident = z.object({ incidentId: IncidentId });

/** The incident's key times (shared/incidents/key-times.ts), ISO timestamps; a time not reached yet is absent. */
export const KeyTimesSchema = z.object({
  detected: z.string().optional(),
  acknowledged: z.string().optional(),
  mitigated: z.string().optional(),
  resolved: z.string().optional(),
});

/** The timeline filters (TimelineFilters.tsx) as a query the core answers from its timeline index. */
export const TimelineQuery = z.object({
  sources: z.array(z.enum(timelineSources)).max(timelineSources.length).optional(),
  actor: z.string().max(200).optional(),
  type: z.string().max(100).optional(),
  kind: NoteKind.optional(),
  pinnedOnly: z.boolean().optional(),
  text: z.string().max(500).optional(),
  showMetricSamples: z.boolean().optional(),
});

/** Where a page of the timeline is taken: the newest or oldest end, a place in the filtered list, an event, a time (ms). */
export const TimelineAnchor = z.discriminatedUnion('by', [
  z.object({ by: z.literal('newest') }),
  z.object({ by: z.literal('oldest') }),
  z.object({ by: z.literal('position'), position: z.number().int().nonnegative() }),
  z.object({ by: z.literal('seq'), seq: z.number().int().positive() }),
  z.object({ by: z.literal('time'), at: z.number() }),
]);

const TimelineWireRow = z.object({
  seq: z.number(),
  /** The event's global id when it carries one; else it is `<this laptop's device id>.<seq>` (shared/events/event-refs.ts). */
  id: EventId.optional(),
  ts: z.string(),
  happenedAt: z.string().optional(),
  actor: z.string(),
  type: z.enum(eventTypes as [EventType, ...EventType[]]),
  source: z.enum(timelineSources),
  text: z.string(),
  detail: z.string().optional(),
  at: z.number(),
  late: z.boolean(),
  pinned: z.boolean(),
  kind: NoteKind.optional(),
});

export const TimelineWindowPage = z.object({
  offset: z.number().int().nonnegative(),
  rows: z.array(TimelineWireRow),
  total: z.number().int().nonnegative(),
  rowCount: z.number().int().nonnegative(),
  anchorPosition: z.number().int(),
  lastSeq: z.number(),
  pinned: z.array(TimelineWireRow),
  facets: z.object({ actors: z.array(z.string()), types: z.array(z.string()), sources: z.array(z.enum(timelineSources)) }),
  /** Served from the log's newest events while its timeline index is built: total, rowCount, pinned and facets are estimates. */
  provisional: z.boolean().optional(),
});

export const incidentsContract = {
  'incidents.list': request('All incidents, newest first, with any problems found in their logs', z.object({}), z.array(IncidentListItem)),
  'incidents.get': request('One incident with its problems', ByIncident, IncidentListItem),
  'incidents.keyTimes': request(
    'When the incident was detected, acknowledged, mitigated and resolved, from its log (the header of an incident whose log the client does not hold)',
    ByIncident,
    KeyTimesSchema,
  ),
  'incidents.acknowledgeRecovery': request('The user has seen what crash recovery did to the log: stop reporting it', ByIncident, IncidentListItem),
  'incidents.declare': request('Declare a new incident', DeclareIncidentInput, IncidentStateSchema),
  'incidents.changeStatus': request(
    'Move the incident to another status',
    ByIncident.extend({ to: IncidentStatus, reason: z.string().max(2000).optional() }),
    IncidentStateSchema,
  ),
  'incidents.changeSeverity': request(
    'Re-classify the incident',
    ByIncident.extend({ to: Severity, reason: z.string().max(2000).optional() }),
    IncidentStateSchema,
  ),
  'incidents.changeCommander': request('Hand over command', ByIncident.extend({ to: Person }), IncidentStateSchema),
  'incidents.addNote': request(
    'Add a timestamped note',
    ByIncident.extend({ text: z.string().trim().min(1, 'A note cannot be empty').max(20000), kind: NoteKind.optional(), happenedAt: z.iso.datetime().optional() }),
    IncidentEvent,
  ),
  'timeline.pin': request(
    'Pin or unpin a timeline entry (named by its event id, as on the row) as a key event',
    ByIncident.extend({ targetId: EventId, pinned: z.boolean() }),
    IncidentEvent,
  ),
  'timeline.classify': request(
    'Mark a timeline entry (named by its event id) as observation, hypothesis, decision or action',
    ByIncident.extend({ targetId: EventId, kind: NoteKind }),
    IncidentEvent,
  ),
  'timeline.events': request(
    'Events of an incident after a sequence number, oldest first',
    ByIncident.extend({ afterSeq: z.number().int().nonnegative().default(0), limit: z.number().int().positive().max(20000).default(2000) }),
    z.object({ events: z.array(IncidentEvent), lastSeq: z.number(), hasMore: z.boolean() }),
  ),
  'timeline.page': request(
    'A page of the timeline rows matching a filter, newest first, around an anchor (an end, a place, an event or a time)',
    ByIncident.extend({ filter: TimelineQuery.default({}), anchor: TimelineAnchor.default({ by: 'newest' }), limit: z.number().int().positive().max(1000).default(200) }),
    TimelineWindowPage,
  ),
  'timeline.search': request(
    'Search the timeline: how many rows match, their sequence numbers (newest first, up to maxSeqs) and the first page of them',
    ByIncident.extend({
      filter: TimelineQuery.extend({ text: z.string().trim().min(1, 'Type something to search for').max(500) }),
      limit: z.number().int().positive().max(1000).default(200),
      maxSeqs: z.number().int().nonnegative().max(100_000).default(1000),
    }),
    z.object({ count: z.number().int().nonnegative(), seqs: z.array(z.number()), page: TimelineWindowPage }),
  ),
};
