// What each audience may be told, as a pure projection of the event log: external audiences get the stated facts only.
import type { Audience, IncidentEvent, NoteKind } from '../events';
import { refOf, SeqByRef } from '../events/event-refs';
import { toTimelineEntry } from '../timeline/describe-event';

/**
 * Executives, customers and support (support faces customers, so it is treated as external) get status, severity, the
 * stated customer impact, what is being done, decisions, pinned items and the next update time. Engineering gets the full
 * picture: raw notes aside from hypotheses, deploys, tests and firing alerts.
 */
export const externalAudiences: readonly Audience[] = ['executives', 'customers', 'support'];
export const isExternal = (audience: Audience) => externalAudiences.includes(audience);

/** What a paged person's name is replaced with in anything an external audience reads. */
export const ON_CALL_PLACEHOLDER = 'the on-call engineer';

export interface StatedImpact {
  who: string;
  howBadly: string;
  since: string;
  ts: string;
}

/** The latest impact the commander stated (each change is a new event), if any. */
export function statedImpact(events: readonly IncidentEvent[]): StatedImpact | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.type === 'update.impact_set') return { ...e.payload, ts: e.ts };
  }
  return undefined;
}

/** The latest next step the commander stated, if any. */
export function statedNextStep(events: readonly IncidentEvent[]): { text: string; ts: string } | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.type === 'update.next_step_set') return { text: e.payload.text, ts: e.ts };
  }
  return undefined;
}

export const formatImpact = (impact: StatedImpact) => `${impact.who} — ${impact.howBadly} (since ${impact.since})`;

/** Names of people who were paged or are on call: page targets and acknowledgers, PagerDuty log agents and note authors. */
export function pagedPeople(events: readonly IncidentEvent[]): string[] {
  const names = new Set<string>();
  for (const e of events) {
    if (e.type === 'page.triggered') names.add(e.payload.target);
    else if (e.type === 'page.acknowledged') names.add(e.payload.by);
    else if (e.type === 'pagerduty.log_entry_imported' && e.payload.agent) names.add(e.payload.agent);
    else if (e.type === 'pagerduty.note_imported') names.add(e.payload.author);
  }
  return redactNames(names);
}

/** The names collected from page and PagerDuty events, as scrubbed: trimmed, at least two characters. */
export function redactNames(names: Iterable<string>): string[] {
  return [...names].map((n) => n.trim()).filter((n) => n.length >= 2);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces every paged person's name (whole words, any case) with "the on-call engineer". */
export function scrubNames(text: string, names: readonly string[]): string {
  // Longest first, so "Lee Park" goes before "Lee".
  const sorted = [...names].sort((a, b) => b.length - a.length);
  let out = text;
  for (const name of sorted) {
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(name)}(?![\\p{L}\\p{N}_])`, 'giu'), ON_CALL_PLACEHOLDER);
  }
  return out;
}

/** "ok", "ack", "+1", "thanks", "👍": chat reflexes that carry no fact for anyone outside the room. */
export function isAcknowledgementOnly(text: string): boolean {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[\s.!,:;]+/g, ' ')
    .trim();
  return t.length === 0 || /^(ok(ay)?|k|ack(ed|nowledged)?|\+1|yes|yep|no|done|thanks?|ty|thx|lgtm|on it|roger|👍|✅)( (ok(ay)?|thanks?|ty|done|👍))*$/u.test(t);
}

/** Note kinds with later re-classifications applied (a note marked a hypothesis afterwards is a hypothesis). */
export function noteKinds(events: readonly IncidentEvent[]): Map<number, NoteKind> {
  const kinds = new Map<number, NoteKind>();
  const refs = new SeqByRef();
  for (const e of events) {
    refs.add(e);
    if (e.type === 'note.added') kinds.set(e.seq, e.payload.kind);
    else if (e.type === 'timeline.entry_classified') {
      const target = refs.resolve(refOf(e.payload.targetId, e.payload.targetSeq));
      if (target !== undefined) kinds.set(target, e.payload.kind);
    }
  }
  return kinds;
}

/**
 * Pinned entries in the order a reader expects them: when they happened (a note reported late at its reported time), then by
 * seq. Not log order: in a team-synced incident the log's fold order (the team's merge order) and seq order differ, and the
 * update projection keeps only the pinned seqs, so both paths sort the same way and the draft is the same whichever built it.
 */
export function inPinnedOrder(events: readonly IncidentEvent[]): IncidentEvent[] {
  const at = (e: IncidentEvent) => Date.parse(toTimelineEntry(e).happenedAt ?? e.ts);
  return [...events].sort((a, b) => at(a) - at(b) || a.seq - b.seq);
}

/** Sequence numbers of the entries currently pinned. */
export function pinnedSeqs(events: readonly IncidentEvent[]): Set<number> {
  const pinned = new Set<number>();
  const refs = new SeqByRef();
  for (const e of events) {
    refs.add(e);
    if (e.type !== 'timeline.entry_pinned') continue;
    const target = refs.resolve(refOf(e.payload.targetId, e.payload.targetSeq));
    if (target === undefined) continue;
    if (e.payload.pinned) pinned.add(target);
    else pinned.delete(target);
  }
  return pinned;
}

/**
 * One event as the facts read it. The update-context fold keeps one per newsworthy event for the whole incident: the text of
 * plain notes, observations and hypotheses (most of a long incident's notes) is not kept but read back by seq for the few
 * lines a draft shows; decisions and actions, listed in full, keep their event.
 */
export interface NewsItem {
  seq: number;
  type: IncidentEvent['type'];
  /** note.added only: whether its text is an acknowledgement only (isAcknowledgementOnly). */
  ackOnly?: boolean;
  /** The event, unless the fold left it to be read by seq. */
  event?: IncidentEvent;
}

/** Reads an event the fold did not keep, by its seq (IncidentLog.eventAt in the core). */
export type EventBySeq = (seq: number) => IncidentEvent | undefined;

/** Note kinds by seq, with re-classifications applied: a Map<number, NoteKind>, or the fold's NoteKindColumn. */
export interface NoteKindsBySeq {
  get(seq: number): NoteKind | undefined;
}

/** The newsworthy events in fold order, read by position: the fold's NewsColumns, or a NewsItem[] (newsListOf). */
export interface NewsList {
  readonly length: number;
  seqAt(i: number): number;
  typeAt(i: number): IncidentEvent['type'];
  /** note.added only: whether its text is an acknowledgement only (isAcknowledgementOnly); false for other events. */
  ackOnlyAt(i: number): boolean;
  /** The event when it was kept whole; undefined when it has to be read back by seq. */
  eventAt(i: number): IncidentEvent | undefined;
}

/** A NewsItem[] (the reference path) as a NewsList. */
export function newsListOf(items: readonly NewsItem[]): NewsList {
  return {
    length: items.length,
    seqAt: (i) => items[i]!.seq,
    typeAt: (i) => items[i]!.type,
    ackOnlyAt: (i) => items[i]!.ackOnly === true,
    eventAt: (i) => items[i]!.event,
  };
}

/** `e` as a NewsItem; `keepText` false drops the event of a note written as anything but a decision or an action. */
export function newsItem(e: IncidentEvent, keepText = true): NewsItem {
  if (e.type !== 'note.added') return { seq: e.seq, type: e.type, event: e };
  const kept = keepText || e.payload.kind === 'decision' || e.payload.kind === 'action';
  return kept ? { seq: e.seq, type: e.type, ackOnly: isAcknowledgementOnly(e.payload.text), event: e } : { seq: e.seq, type: e.type, ackOnly: isAcknowledgementOnly(e.payload.text) };
}

/** Engineering's view: every fact but alerts, pages, commits, metrics, bookkeeping, and hypotheses (unconfirmed). */
function newsworthyForEngineers(type: IncidentEvent['type'], seq: number, ackOnly: boolean, kinds: NoteKindsBySeq): boolean {
  switch (type) {
    case 'incident.status_changed':
    case 'incident.severity_changed':
    case 'incident.commander_changed':
    case 'deploy.started':
    case 'deploy.finished':
    case 'test.run':
    case 'approval.recorded':
    case 'update.impact_set':
    case 'update.next_step_set':
      return true;
    case 'note.added':
      return kinds.get(seq) !== 'hypothesis' && !ackOnly;
    default:
      return false;
  }
}

/** An external audience's view: status, severity, stated impact and next step, decisions, actions, and pinned items. */
function newsworthyForExternal(type: IncidentEvent['type'], seq: number, ackOnly: boolean, kinds: NoteKindsBySeq, pinned: ReadonlySet<number>): boolean {
  switch (type) {
    case 'incident.status_changed':
    case 'incident.severity_changed':
    case 'approval.recorded':
    case 'update.impact_set':
    case 'update.next_step_set':
      return true;
    case 'note.added': {
      // Raw notes and observations stay in the room even when pinned; hypotheses are never stated as fact.
      const kind = kinds.get(seq);
      return (kind === 'decision' || kind === 'action') && !ackOnly;
    }
    case 'deploy.finished':
      return pinned.has(seq);
    default:
      return false;
  }
}

/**
 * "12:04 UTC — Status Investigating → Identified" lines, each event that may reach this audience, in fold order. Held as
 * positions, not an object per change (an incident's engineers may read 666k notes): a line is made when asked for, since a
 * draft shows only the last few since the previous update and a note's text may have to be read back by seq.
 */
export interface ChangeList {
  readonly length: number;
  seqAt(i: number): number;
  lineAt(i: number): string;
}

export interface AudienceFacts {
  changes: ChangeList;
  /** Sequence numbers of every event that feeds this audience's facts, in fold order (for "N new events since you started this draft"). */
  factSeqs: Int32Array;
  decisions: string[];
  pinned: string[];
  /** Names to scrub from anything this audience reads (empty for engineering). */
  redact: string[];
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const clock = (iso: string) => `${iso.slice(11, 16)} UTC`;

function lineOf(e: IncidentEvent, external: boolean): string {
  if (external && e.type === 'approval.recorded') return `Decision: ${e.payload.subject} ${e.payload.decision}`;
  if (e.type === 'note.added' && e.payload.kind === 'decision') return `Decision: ${oneLine(e.payload.text)}`;
  return oneLine(toTimelineEntry(e).text);
}

/** The facts of the log one audience may read, with paged people's names already replaced for external audiences. */
export function audienceFacts(events: readonly IncidentEvent[], audience: Audience): AudienceFacts {
  const pinned = pinnedSeqs(events);
  const items = newsListOf(events.map((e) => newsItem(e)));
  return audienceFactsOf({ events: items, pinnedEvents: inPinnedOrder(events.filter((e) => pinned.has(e.seq))), kinds: noteKinds(events), pinned, paged: isExternal(audience) ? pagedPeople(events) : [], eventAt: () => undefined }, audience);
}

/** What audienceFacts reads of a log: an incremental projection (update-context-projection.ts) keeps the same parts. */
export interface AudienceFactParts {
  /** The events that may be news to some audience, in log order (others are skipped alike). */
  events: NewsList;
  /** Reads the events `events` holds no event for. */
  eventAt: EventBySeq;
  /** The currently pinned events, in `inPinnedOrder`. */
  pinnedEvents: readonly IncidentEvent[];
  kinds: NoteKindsBySeq;
  pinned: ReadonlySet<number>;
  /** Paged people (redactNames), used for external audiences only. */
  paged: readonly string[];
}

export function audienceFactsOf(parts: AudienceFactParts, audience: Audience): AudienceFacts {
  const { events, kinds } = parts;
  const external = isExternal(audience);
  const pinned = parts.pinned;
  const redact = external ? [...parts.paged] : [];
  const scrub = (s: string) => (redact.length ? scrubNames(s, redact) : s);
  const eventOf = (row: number): IncidentEvent => {
    const seq = events.seqAt(row);
    const e = events.eventAt(row) ?? parts.eventAt(seq);
    // The log only grows: an event the fold saw is always there to read back.
    if (!e) throw new Error(`Event ${seq} of the incident log could not be read back.`);
    return e;
  };
  // The facts' seqs and the changes' rows (positions in `events`): int arrays, no object or closure per fact.
  const factSeqsOf = new Int32Array(events.length);
  const changeRows = new Int32Array(events.length);
  let facts = 0;
  let changeCount = 0;
  const decisions: string[] = [];
  for (let row = 0; row < events.length; row++) {
    const type = events.typeAt(row);
    const seq = events.seqAt(row);
    const ackOnly = events.ackOnlyAt(row);
    if (!(external ? newsworthyForExternal(type, seq, ackOnly, kinds, pinned) : newsworthyForEngineers(type, seq, ackOnly, kinds))) continue;
    factSeqsOf[facts++] = seq;
    // Impact and next step have their own sections; they count as new facts but are not repeated in the change list.
    if (type !== 'update.impact_set' && type !== 'update.next_step_set') changeRows[changeCount++] = row;
    if ((type === 'note.added' && kinds.get(seq) === 'decision') || type === 'approval.recorded') {
      const e = eventOf(row);
      decisions.push(scrub(e.type === 'note.added' ? oneLine(e.payload.text) : lineOf(e, external).replace(/^Decision: /, '')));
    }
  }
  const changeAt = changeRows.slice(0, changeCount);
  const changes: ChangeList = {
    length: changeCount,
    seqAt: (i) => events.seqAt(changeAt[i]!),
    lineAt: (i) => {
      const e = eventOf(changeAt[i]!);
      const entry = toTimelineEntry(e);
      return scrub(`${clock(entry.happenedAt ?? entry.ts)} — ${lineOf(e, external)}`);
    },
  };
  const factSeqs = factSeqsOf.slice(0, facts);
  const pinnedLines = parts.pinnedEvents
    .filter((e) => {
      const item = newsItem(e);
      const ackOnly = item.ackOnly === true;
      return pinned.has(e.seq) && (external ? newsworthyForExternal(e.type, e.seq, ackOnly, kinds, pinned) : newsworthyForEngineers(e.type, e.seq, ackOnly, kinds) || e.type !== 'note.added');
    })
    .map((e) => scrub(lineOf(e, external)));
  return { changes, factSeqs, decisions, pinned: pinnedLines, redact };
}

/** Event types that can be news to some audience (see newsworthyForEngineers / newsworthyForExternal). */
export const newsworthyTypes: ReadonlySet<IncidentEvent['type']> = new Set<IncidentEvent['type']>([
  'incident.status_changed',
  'incident.severity_changed',
  'incident.commander_changed',
  'deploy.started',
  'deploy.finished',
  'test.run',
  'approval.recorded',
  'update.impact_set',
  'update.next_step_set',
  'note.added',
]);
