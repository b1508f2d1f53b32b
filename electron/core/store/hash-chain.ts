// The event log's hash chain: each event's hash covers the previous hash and the event's canonical JSON, so changing,
// removing or reordering a past event breaks every hash after it.
import { createHash } from 'node:crypto';
import type { IncidentEvent } from '../../../shared/events';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted, so the hash does not depend on key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function chainHash(previousHash: string, event: IncidentEvent): string {
  const { h: _h, ...body } = event;
  return createHash('sha256').update(previousHash).update('\n').update(canonicalJson(body)).digest('hex');
}

export type ChainVerdict = { ok: true; head: string } | { ok: false; seq: number; reason: string };

function check(previous: string, event: IncidentEvent): ChainVerdict | string {
  if (!event.h) return { ok: false, seq: event.seq, reason: `event #${event.seq} carries no hash` };
  if (event.h !== chainHash(previous, event)) {
    return { ok: false, seq: event.seq, reason: `event #${event.seq} does not match the hash chain: it, or an event before it, was changed, removed or reordered after it was written` };
  }
  return event.h;
}

export function verifyChain(events: readonly IncidentEvent[]): ChainVerdict {
  let previous = GENESIS_HASH;
  for (const event of events) {
    const next = check(previous, event);
    if (typeof next !== 'string') return next;
    previous = next;
  }
  return { ok: true, head: previous };
}

/** How long one slice of verification may hold the event loop: a request that arrives meanwhile waits at most this long. */
const SLICE_MS = 4;

/**
 * The same check in slices (from `after`, the hash of the event before `events[0]`), yielding to the event loop between them
 * (after `sliceSize` events or SLICE_MS, whichever comes first), so verifying a million-event log never stalls requests: with
 * count-only slices a timeline page arriving during a 1M-event verification waited tens of milliseconds behind a slice.
 */
export async function verifyChainInSlices(events: readonly IncidentEvent[], sliceSize = 2000, after = GENESIS_HASH): Promise<ChainVerdict> {
  let previous = after;
  let sliceStart = performance.now();
  for (let i = 0, inSlice = 0; i < events.length; i++, inSlice++) {
    if (inSlice === sliceSize || (inSlice % 32 === 31 && performance.now() - sliceStart > SLICE_MS)) {
      await new Promise((r) => setImmediate(r));
      sliceStart = performance.now();
      inSlice = 0;
    }
    const next = check(previous, events[i]!);
    if (typeof next !== 'string') return next;
    previous = next;
  }
  return { ok: true, head: previous };
}
