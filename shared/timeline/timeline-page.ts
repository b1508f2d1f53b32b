// Paging through an incident's events by sequence number: the core's timeline.events and the review-bundle viewer use this one.
import type { IncidentEvent } from '../events';

/** Index of the first event whose seq is ≥ seq (events are sorted by seq; gaps exist where lines were quarantined). */
export function lowerBoundBySeq(events: readonly IncidentEvent[], seq: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (events[mid]!.seq < seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface TimelinePage {
  events: IncidentEvent[];
  lastSeq: number;
  hasMore: boolean;
}

/** Up to `limit` events after `afterSeq`, oldest first, and whether more follow. */
export function timelinePage(all: readonly IncidentEvent[], lastSeq: number, afterSeq: number, limit: number): TimelinePage {
  const from = lowerBoundBySeq(all, afterSeq + 1);
  return { events: all.slice(from, from + limit), lastSeq, hasMore: from + limit < all.length };
}
