// A live append to a windowed timeline: the newest page takes the new rows in front, exactly as a fresh page would hold
// them, for a few bytes; anything it cannot vouch for is fetched again.
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { IncidentEvent } from '../../../shared/events';
import { TimelineIndex } from '../../../shared/timeline/timeline-index';
import { timelineWindowPage, type TimelineQuery } from '../../../shared/timeline/timeline-window';
import type { FirebreakClient } from './client';
import { applyIncidentChange, timelineWindowKey } from './event-sync';
import type { CachedWindowPage } from './window-append';

const ID = 'inc-big';
const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 10, minute)).toISOString();
const note = (seq: number, minute = seq, text = `Checked shard ${seq}`): IncidentEvent =>
  ({ v: 1, seq, ts: at(seq), actor: 'ana', type: 'note.added', payload: { text, kind: 'note', ...(minute !== seq ? { happenedAt: at(minute) } : {}) } }) as IncidentEvent;

function setup(count: number, query: TimelineQuery = {}) {
  const log = Array.from({ length: count }, (_, i) => note(i + 1));
  const index = new TimelineIndex().addAll(log);
  const calls: { channel: string; input: { limit?: number } }[] = [];
  const client = {
    async callOrThrow(channel: string, input: { afterSeq: number; limit: number; filter: TimelineQuery; anchor: never }) {
      calls.push({ channel, input });
      if (channel === 'timeline.events') {
        const events = log.filter((e) => e.seq > input.afterSeq).slice(0, input.limit);
        return { events, lastSeq: log.at(-1)!.seq, hasMore: false };
      }
      if (channel === 'timeline.page') return timelineWindowPage(index, input.filter, input.anchor, input.limit);
      throw new Error(`unexpected ${channel}`);
    },
  } as unknown as FirebreakClient;
  const qc = new QueryClient();
  const key = [...timelineWindowKey(ID), JSON.stringify(query), 0];
  const page = (limit = 200) => timelineWindowPage(index, query, { by: 'position', position: 0 }, limit);
  qc.setQueryData<CachedWindowPage>(key, { ...page(), filterKey: JSON.stringify(query) });
  const append = async (...events: IncidentEvent[]) => {
    log.push(...events);
    index.addAll(events);
    calls.length = 0;
    await applyIncidentChange(qc, client, { incidentId: ID, lastSeq: log.at(-1)!.seq });
  };
  const cached = () => qc.getQueryData<CachedWindowPage>(key)!;
  const invalidated = () => qc.getQueryCache().find({ queryKey: key })!.state.isInvalidated;
  return { append, cached, page, calls, invalidated, log };
}

describe('new rows at the top of a windowed timeline', () => {
  it('are put in front of the newest page, which then holds what a fresh page would, for a page of two rows', async () => {
    const t = setup(1000);
    await t.append(note(1001), note(1002));
    const fresh = t.page();
    expect(t.cached().rows).toEqual(fresh.rows);
    expect(t.cached()).toMatchObject({ total: fresh.total, rowCount: fresh.rowCount, lastSeq: 1002, offset: 0 });
    expect(t.invalidated()).toBe(false);
    expect(t.calls.filter((c) => c.channel === 'timeline.page').map((c) => c.input.limit)).toEqual([3]);
  });

  it('under a search, only matching rows go in front', async () => {
    const t = setup(500, { text: 'failover' });
    await t.append(note(501, 501, 'Failover to the standby'), note(502));
    expect(t.cached().rows).toEqual(t.page().rows);
    expect(t.cached().rows[0]!.seq).toBe(501);
    expect(t.invalidated()).toBe(false);
  });

  it('a late note that happened among older rows, or a pin, has the page fetched again', async () => {
    const late = setup(300);
    await late.append(note(301, 150, 'Remembered: a restart at 12:30'));
    expect(late.invalidated()).toBe(true);
    const pin = setup(300);
    await pin.append({ v: 1, seq: 301, ts: at(301), actor: 'ana', type: 'timeline.entry_pinned', payload: { targetSeq: 299, pinned: true } } as IncidentEvent);
    expect(pin.invalidated()).toBe(true);
  });
});
