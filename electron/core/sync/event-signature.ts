// Signatures on the events laptops publish through team sync. The publishing device signs the event as published (incident id,
// global id, hlc, ts, type, actor, actorIdentity, payload, schema version — never this laptop's local seq, chain hash or request
// id) with its Ed25519 key; the signature and the signer's device id travel as NATS headers. A receiver checks, before anything
// reaches its log: the signer is the device the global id and actorIdentity name, its key is the one the team registered for
// that device, and the signature verifies. Pure functions, so every rule is unit-tested without a server.
import { canonicalJson } from '../store/hash-chain';
import { verifyText } from '../signing/ed25519';

export const SIGNER_HEADER = 'Firebreak-Signer';
export const SIGNATURE_HEADER = 'Firebreak-Signature';

/** The event as it travels (see incident-sync.ts WireEvent); only the fields the rules below read are typed here. */
export interface SignedWire {
  incidentId: string;
  event: { id: string; actorIdentity?: { handle: string; deviceId: string } } & Record<string, unknown>;
}

/** What is signed: a fixed label (so a signature made for something else never verifies here) and the canonical JSON. */
export function signedText(wire: SignedWire): string {
  return `firebreak/sync-event/v1\n${canonicalJson(wire)}`;
}

/** The device part of a global id `<device id>.<seq>`. */
export const deviceOfId = (id: string): string => id.slice(0, Math.max(0, id.lastIndexOf('.')));

export type Verdict =
  | { verdict: 'verified'; deviceId: string }
  /** The signer's device has no key registered with the team (yet): hold the event, never trust it. */
  | { verdict: 'unknown-device'; deviceId: string }
  | { verdict: 'refused'; deviceId: string; reason: RefusalReason };

export type RefusalReason = 'unsigned' | 'bad-signature' | 'wrong-device' | 'wrong-identity';

/** Why an event was refused, in the words the cockpit and the app log use. */
export const REFUSAL_TEXT: Record<RefusalReason, string> = {
  unsigned: 'it carries no signature',
  'bad-signature': 'signature did not verify',
  'wrong-device': 'it was signed by a different device than the one it claims to come from',
  'wrong-identity': 'its author identity names a different device than the one that signed it',
};

export interface SignatureHeaders {
  signer?: string;
  signature?: string;
}

/**
 * The verdict on one delivered event. `keyOf` answers the public key the team registered for a device id (undefined when
 * none is). The device named by the event's global id is the one it is counted against in the cockpit's notice.
 */
export function checkSignature(wire: SignedWire, headers: SignatureHeaders, keyOf: (deviceId: string) => string | undefined): Verdict {
  const claimed = deviceOfId(wire.event.id);
  const { signer, signature } = headers;
  if (!signer || !signature) return { verdict: 'refused', deviceId: claimed, reason: 'unsigned' };
  if (signer !== claimed) return { verdict: 'refused', deviceId: claimed, reason: 'wrong-device' };
  // Events written by a connector on the device's behalf (a Jira author, the outbox) carry no author identity; the device signs them.
  if (wire.event.actorIdentity && wire.event.actorIdentity.deviceId !== signer) return { verdict: 'refused', deviceId: claimed, reason: 'wrong-identity' };
  const key = keyOf(signer);
  if (!key) return { verdict: 'unknown-device', deviceId: claimed };
  if (!verifyText(key, signedText(wire), signature)) return { verdict: 'refused', deviceId: claimed, reason: 'bad-signature' };
  return { verdict: 'verified', deviceId: claimed };
}

/** The notice the cockpit shows for refused events of one device, e.g. "2 events from device dev_3f9a… were refused: …". */
export function refusalNotice(deviceId: string, events: number, reason: RefusalReason): string {
  const who = deviceId.length > 10 ? `${deviceId.slice(0, 10)}…` : deviceId || 'an unnamed device';
  const what = events === 1 ? '1 event' : `${events} events`;
  return `${what} from device ${who} ${events === 1 ? 'was' : 'were'} refused: ${REFUSAL_TEXT[reason]} — someone with the team's credentials may be impersonating a laptop.`;
}
