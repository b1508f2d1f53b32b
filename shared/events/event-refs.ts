// How one event points at another (a pin at its entry, a handover acceptance at its proposal, a rollback confirmation at
// the approval it relied on) so that every laptop of a team finds the same event, and how a projection resolves it.
//
// An event's global id is `<device id>.<seq on that device>`. Events written while team sync is on carry it (`id` on the
// envelope) and keep it on every laptop; local seqs differ from laptop to laptop. An event written with sync off has no
// `id`: it is always the own event of the laptop whose log holds it, and its global id is `<that laptop's device id>.<seq>`
// — the id it is published under if its incident is ever synced (eventIdOf). New references name the global id; logs
// written before carry only the local seq, and those references keep resolving by local seq on the laptop that wrote them.
import { EventId } from './envelope';

/** The global id of an event (or of a row or projection entry that kept the event's `id` and `seq`). */
export function eventIdOf(event: { id?: string | undefined; seq: number }, localDeviceId: string): string {
  return event.id ?? `${localDeviceId}.${event.seq}`;
}

/** The device and that device's seq an id names; undefined for a malformed id. */
export function parseEventId(id: string): { deviceId: string; seq: number } | undefined {
  if (!EventId.safeParse(id).success) return undefined;
  const dot = id.lastIndexOf('.');
  return { deviceId: id.slice(0, dot), seq: Number(id.slice(dot + 1)) };
}

/** A reference as events carry it: the target's global id, or (logs written before global ids) its local seq. */
export type EventRef = { id: string } | { seq: number };

/** The reference an event payload carries in `<name>Id` / `<name>Seq` (the id wins when both are present). */
export function refOf(id: string | undefined, seq: number | undefined): EventRef | undefined {
  if (id !== undefined) return { id };
  return seq !== undefined ? { seq } : undefined;
}

/** A payload refinement: the reference is given as a global id or (old logs) a local seq. */
export const namesTarget = (id: unknown, seq: unknown): boolean => id !== undefined || seq !== undefined;

/** How a projection finds the events it holds: by stamped id, and by local seq (saying whether that event carries an id). */
export interface RefLookup<T> {
  byId(id: string): T | undefined;
  bySeq(seq: number): { value: T; stamped: boolean } | undefined;
}

/**
 * What `ref` points at in one log, or undefined when that event is not (yet) in it. An id stamped on no event names an
 * event written with sync off, found by its seq among the events without a stamped id. (Its device part is not checked:
 * the log of an incident imported from a review bundle holds its author's unstamped events, and both the author's
 * references and this laptop's name them by seq. A reference never arrives before its target: the referencing laptop had
 * the target in its log, and the team server sequences events in the order they were seen.)
 */
export function resolveRef<T>(ref: EventRef, lookup: RefLookup<T>): T | undefined {
  if ('seq' in ref) return lookup.bySeq(ref.seq)?.value;
  const stamped = lookup.byId(ref.id);
  if (stamped !== undefined) return stamped;
  const named = parseEventId(ref.id);
  const local = named && lookup.bySeq(named.seq);
  return local && !local.stamped ? local.value : undefined;
}

/** The events a fold has seen, for resolving references to them (small folds; the timeline index keeps its own). */
export class EventRefMap<T> {
  private readonly ids = new Map<string, T>();
  private readonly seqs = new Map<number, { value: T; stamped: boolean }>();

  add(event: { id?: string | undefined; seq: number }, value: T): void {
    if (event.id !== undefined) this.ids.set(event.id, value);
    this.seqs.set(event.seq, { value, stamped: event.id !== undefined });
  }

  resolve(ref: EventRef | undefined): T | undefined {
    return ref === undefined ? undefined : resolveRef(ref, { byId: (id) => this.ids.get(id), bySeq: (seq) => this.seqs.get(seq) });
  }
}

/**
 * Resolves references to local seqs, holding only the events that carry a stamped id (a fold over a million events written
 * with sync off keeps nothing). References by seq resolve to that seq, as they always did.
 */
export class SeqByRef {
  private readonly ids = new Map<string, number>();
  private readonly stamped = new Set<number>();

  add(event: { id?: string | undefined; seq: number }): void {
    if (event.id === undefined) return;
    this.ids.set(event.id, event.seq);
    this.stamped.add(event.seq);
  }

  resolve(ref: EventRef | undefined): number | undefined {
    if (ref === undefined) return undefined;
    return resolveRef(ref, { byId: (id) => this.ids.get(id), bySeq: (seq) => ({ value: seq, stamped: this.stamped.has(seq) }) });
  }
}
