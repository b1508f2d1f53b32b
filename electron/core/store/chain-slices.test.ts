// Verifying a long chain in the background yields to the event loop by time as well as by count, so a request arriving
// during a million-event verification waits for at most one short slice.
import { afterEach, expect, it, vi } from 'vitest';
import { EVENT_SCHEMA_VERSION, type IncidentEvent } from '../../../shared/events';
import { chainHash, GENESIS_HASH, verifyChainInSlices } from './hash-chain';

function chain(count: number): IncidentEvent[] {
  const events: IncidentEvent[] = [];
  let previous = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const event = { v: EVENT_SCHEMA_VERSION, seq, ts: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(), actor: 'ana', type: 'note.added', payload: { text: `note ${seq}`, kind: 'note' } } as IncidentEvent;
    previous = chainHash(previous, event);
    events.push({ ...event, h: previous });
  }
  return events;
}

/** Runs the verification while counting the turns of the event loop it lets through. */
async function turnsDuring(work: () => Promise<unknown>): Promise<number> {
  let turns = 0;
  let done = false;
  const tick = () => {
    turns++;
    if (!done) setImmediate(tick);
  };
  setImmediate(tick);
  const before = turns;
  await work();
  done = true;
  return turns - before;
}

afterEach(() => vi.restoreAllMocks());

it('yields after each slice of events', async () => {
  const events = chain(100);
  const turns = await turnsDuring(async () => expect(await verifyChainInSlices(events, 10)).toMatchObject({ ok: true }));
  expect(turns).toBeGreaterThanOrEqual(9);
});

it('yields when a slice has held the loop for a few milliseconds, however many events it was allowed', async () => {
  const events = chain(640);
  let clock = 0;
  // The clock moves 10 ms between two looks at it: a slice of 2,000 events must still give the loop a turn every few dozen.
  vi.spyOn(performance, 'now').mockImplementation(() => (clock += 10));
  const turns = await turnsDuring(async () => expect(await verifyChainInSlices(events, 2000)).toMatchObject({ ok: true }));
  expect(turns).toBeGreaterThanOrEqual(10);
});

it('still finds a broken link', async () => {
  const events = chain(50);
  events[30] = { ...events[30]!, actor: 'mallory' };
  expect(await verifyChainInSlices(events, 7)).toMatchObject({ ok: false, seq: 31 });
});
