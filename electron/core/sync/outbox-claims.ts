// Exactly one laptop sends each external write of a shared incident: before sending, a laptop claims the outbox item in the
// team's KV bucket with a compare-and-set (create only if absent; take over a stale claim only at the revision it read).
import type { KV } from '@nats-io/kv';

/** A claim not followed by the item's outcome within this long (the claiming laptop died) may be taken over. */
export const STALE_CLAIM_MS = 10 * 60_000;

interface Claim {
  deviceId: string;
  at: number;
}

export async function claimOutboxItem(kv: KV, key: string, deviceId: string, now: number): Promise<boolean> {
  const mine = JSON.stringify({ deviceId, at: now } satisfies Claim);
  try {
    await kv.create(key, mine);
    return true;
  } catch {
    // Someone holds it (or just took it): look at who, at which revision.
  }
  const entry = await kv.get(key);
  if (!entry) return false;
  let held: Partial<Claim> = {};
  try {
    held = entry.json<Claim>();
  } catch {
    // An unreadable claim is treated as stale.
  }
  if (held.deviceId === deviceId) return true;
  if (typeof held.at === 'number' && now - held.at < STALE_CLAIM_MS) return false;
  try {
    await kv.update(key, mine, entry.revision);
    return true;
  } catch {
    return false;
  }
}

/** The claim key of an outbox item: its intent key is random (96 bits), so unique across laptops; the incident keeps it readable. */
export const outboxClaimKey = (incidentId: string, intentKey: string) => `${incidentId}.${intentKey}`;
