import { describe, expect, it } from 'vitest';
import { TimelineIndex } from '../../../../shared/timeline/timeline-index';
import { timelineWindowPage } from '../../../../shared/timeline/timeline-window';
import { seededRandom, syntheticLog } from '../../../../shared/playback/synthetic-log';
import type { IncidentEvent } from '../../../../shared/events';
import { RowReuse } from './row-reuse';

const events = syntheticLog({ count: 600, random: seededRandom(3) });
const index = new TimelineIndex().addAll(events);
const page = (position: number) => timelineWindowPage(index, {}, { by: 'position', position }, 200).rows;
// Wire rows as they arrive over the contract: new objects every time.
const overTheWire = (rows: ReturnType<typeof page>) => JSON.parse(JSON.stringify(rows)) as ReturnType<typeof page>;

describe('rows kept across the pages of a windowed timeline', () => {
  it('a page overlapping the last one gives the rows it repeats the same objects, and converts the others', () => {
    const reuse = new RowReuse();
    const first = reuse.rows(overTheWire(page(0)));
    const next = reuse.rows(overTheWire(page(50)));
    expect(next[0]).toBe(first[50]);
    expect(next[149]).toBe(first[199]);
    expect(next[150]!.seq).not.toBe(first[199]!.seq);
    expect(next.map((r) => r.seq)).toEqual(page(50).map((r) => r.seq));
    // Each row is what converting it afresh gives, search text included.
    expect(next[10]).toEqual(new RowReuse().rows(overTheWire(page(50)))[10]);
  });

  it('a row that changed (pinned since) is converted again', () => {
    const reuse = new RowReuse();
    const before = reuse.rows(overTheWire(page(0)));
    const target = before[5]!;
    const pin: IncidentEvent = { v: 1, seq: events.length + 1, ts: new Date().toISOString(), actor: 'ana', type: 'timeline.entry_pinned', payload: { targetSeq: target.seq, pinned: true } } as IncidentEvent;
    const pinnedIndex = new TimelineIndex().addAll([...events, pin]);
    const after = reuse.rows(overTheWire(timelineWindowPage(pinnedIndex, {}, { by: 'position', position: 0 }, 200).rows));
    expect(after[5]).not.toBe(target);
    expect(after[5]!.pinned).toBe(true);
    expect(after[6]).toBe(before[6]);
  });

  it('keeps only the last page', () => {
    const reuse = new RowReuse();
    const first = reuse.rows(overTheWire(page(0)));
    reuse.rows(overTheWire(page(400)));
    expect(reuse.rows(overTheWire(page(0)))[0]).not.toBe(first[0]);
  });
});
