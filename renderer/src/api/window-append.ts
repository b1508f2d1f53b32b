// New rows at the top of a windowed timeline without fetching its page again. The newest page (200 rows, the pinned strip
// and the filter menus) used to be fetched whole after every append: ≈ 23 kB per appended event on a large incident. Now
// the core is asked only for the newest rows (as many as events were appended, plus one to check the seam), and they are
// put in front of the cached rows — when that is provably what a fresh page would hold. Otherwise (an annotation changed
// a row, a late note landed among older rows, rows were removed) the page is fetched again as before.
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { IncidentEvent } from '../../../shared/events';
import { isAnnotation } from '../../../shared/timeline/timeline-view';
import type { TimelineQuery, TimelineWindowPage, TimelineWireRow } from '../../../shared/timeline/timeline-window';
import type { FirebreakClient } from './client';

/** A cached page of a windowed timeline (use-timeline-window.ts): the filter it answers travels with it. */
export type CachedWindowPage = TimelineWindowPage & { filterKey: string };

/** More appended at once than this and the page is simply fetched again. */
const MAX_PATCH = 200;

const sameRow = (a: TimelineWireRow | undefined, b: TimelineWireRow | undefined) => !!a && !!b && JSON.stringify(a) === JSON.stringify(b);

/**
 * Puts the rows of `added` at the top of the newest page cached under `key`. True when done; false when this page must be
 * fetched again (not the newest page, provisional, or the check fails).
 */
export async function prependNewRows(queryClient: QueryClient, client: FirebreakClient, incidentId: string, key: QueryKey, added: readonly IncidentEvent[]): Promise<boolean> {
  const page = queryClient.getQueryData<CachedWindowPage>(key);
  const start = key[3];
  if (!page || start !== 0 || page.offset !== 0 || page.provisional || typeof key[2] !== 'string') return false;
  if (added.length === 0 || added.length > MAX_PATCH || added.some((e) => isAnnotation(e.type))) return false;
  const filter = JSON.parse(key[2]) as TimelineQuery;
  const fresh = await client.callOrThrow('timeline.page', { incidentId, filter, anchor: { by: 'newest' }, limit: added.length + 1 });
  if (fresh.provisional) return false;
  const newCount = fresh.rows.findIndex((r) => r.seq <= page.lastSeq);
  const fresher = newCount < 0 ? fresh.rows.length : newCount;
  // The rows after the new ones must be the cached page's first rows, unchanged, and the count must have grown by exactly
  // the new rows: then nothing else moved, and the new rows belong on top.
  if (fresh.rows.slice(fresher).some((r) => r.seq > page.lastSeq)) return false;
  if (fresh.total !== page.total + fresher) return false;
  const seam = fresh.rows.slice(fresher);
  if (seam.length === 0 ? page.rows.length > 0 && fresh.total > fresher : !seam.every((r, i) => sameRow(r, page.rows[i]))) return false;
  const rows = [...fresh.rows.slice(0, fresher), ...page.rows].slice(0, Math.max(page.rows.length, MAX_PATCH));
  queryClient.setQueryData<CachedWindowPage>(key, { ...fresh, offset: 0, anchorPosition: 0, rows, filterKey: page.filterKey });
  return true;
}
