import { describe, expect, it } from 'vitest';
import type { IncidentEvent } from '../events';
import { lowerBoundBySeq, timelinePage } from './timeline-page';

const at = (seq: number) => ({ seq }) as IncidentEvent;
const events = [1, 2, 3, 5, 8, 9].map(at); // gaps where lines were quarantined

describe('timeline paging by sequence number', () => {
  it('finds the first event at or after a sequence number across gaps', () => {
    expect(lowerBoundBySeq(events, 4)).toBe(3);
    expect(lowerBoundBySeq(events, 1)).toBe(0);
    expect(lowerBoundBySeq(events, 10)).toBe(6);
  });

  it('pages after a sequence number and says whether more follow', () => {
    expect(timelinePage(events, 9, 0, 4)).toEqual({ events: [1, 2, 3, 5].map(at), lastSeq: 9, hasMore: true });
    expect(timelinePage(events, 9, 5, 4)).toEqual({ events: [8, 9].map(at), lastSeq: 9, hasMore: false });
    expect(timelinePage(events, 9, 9, 4)).toEqual({ events: [], lastSeq: 9, hasMore: false });
  });
});
