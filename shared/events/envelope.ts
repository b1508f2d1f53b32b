// The envelope every incident event is stored in, and the helper that declares one event type with its payload schema.
import { z } from 'zod';

export const EVENT_SCHEMA_VERSION = 1;

export const Actor = z.string().trim().min(1).max(120);

/** An event's global id, `<device id>.<that device's seq>` (shared/events/event-refs.ts). */
export const EventId = z.string().regex(/^[A-Za-z0-9_-]{3,64}\.[1-9][0-9]{0,15}$/, 'An event id is "<device id>.<seq>"');

export const envelopeShape = {
  /** Schema version of the envelope, so old logs can be migrated instead of misread. */
  v: z.literal(EVENT_SCHEMA_VERSION),
  /** Monotonic sequence number within one incident log, starting at 1. */
  seq: z.number().int().positive(),
  /** When the event was recorded (ISO 8601, UTC). */
  ts: z.iso.datetime(),
  actor: Actor,
  /**
   * Who the actor is beyond a display name: their handle and the device id of the installation that recorded the event.
   * Optional so logs written before identities existed still load and verify (the hash covers only the fields present).
   */
  actorIdentity: z.object({ handle: z.string().min(1).max(40), deviceId: z.string().min(1).max(40) }).optional(),
  /** Hash chain: sha256 over the previous event's hash and this event's canonical JSON, so editing a past event is detected. */
  h: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  /** The client request id of the request that appended this event, so a retry after a crash is answered, not repeated. */
  rid: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/).optional(),
  /** Team sync: the event's globally unique id, `<device id>.<that device's seq>`; kept when the event reaches other laptops. */
  id: EventId.optional(),
  /** Team sync: hybrid logical clock when it was written (shared/sync/hlc.ts), comparable across laptops. */
  hlc: z.string().regex(/^[0-9]{15}\.[0-9]{6}$/).optional(),
};

export function eventOf<T extends string, P extends z.ZodType>(type: T, payload: P) {
  return z.object({ ...envelopeShape, type: z.literal(type), payload });
}
