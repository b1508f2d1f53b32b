// The timeline of a large incident as a window: the renderer holds one page of rows around what is on screen (timeline.page,
// served from the core's timeline index), fetches the page a scroll, Home/End or a jump reaches, and asks the core for the
// filter menus and pinned rows with each page. Appends refresh the pages (event-sync.ts), so new rows show at the top.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { toQuery } from '../../../../shared/timeline/timeline-window';
import type { TimelineFilter } from '../../../../shared/timeline/timeline-view';
import { getClient } from '../../api/client';
import { timelineWindowKey } from '../../api/event-sync';
import type { RowWindow } from './row-window';
import { RowReuse } from './row-reuse';
import type { TimelineViewModel } from './timeline-view-model';

/** Rows per page: ten screens of rows, so a scroll rarely reaches the edge of what is loaded before the next page arrives. */
export const WINDOW_PAGE = 200;
/** Pages start on multiples of this, so nearby scroll positions share a page (and its cache entry). */
const STEP = WINDOW_PAGE / 4;
/** While the core builds the timeline index, the newest page (served from the log's tail) is asked again this often. */
export const INDEXING_POLL_MS = 1000;

export function useTimelineWindow(incidentId: string, filter: TimelineFilter, enabled: boolean): TimelineViewModel {
  const query = useMemo(() => toQuery(filter), [filter]);
  const queryKey = JSON.stringify(query);
  const [start, setStart] = useState(0);
  const page = useQuery({
    queryKey: [...timelineWindowKey(incidentId), queryKey, start],
    // Each page remembers the filter it answers: a page kept on screen while the next one loads may answer another.
    queryFn: async () => ({
      ...(await getClient().callOrThrow('timeline.page', { incidentId, filter: query, anchor: { by: 'position', position: start }, limit: WINDOW_PAGE })),
      filterKey: queryKey,
    }),
    enabled,
    placeholderData: keepPreviousData,
    // Pages scrolled past are dropped soon: holding every page of a million rows is what the window is for avoiding.
    gcTime: 10_000,
    // A provisional page (the log's newest events while the core builds its index) is replaced once the index answers.
    refetchInterval: (q) => (q.state.data?.provisional ? INDEXING_POLL_MS : false),
  });
  // Waiting for the index with the page of another filter on screen: those rows do not answer this filter, so none are shown.
  const otherFilter = page.isPlaceholderData && page.data?.provisional === true && page.data.filterKey !== queryKey;
  const data = otherFilter ? undefined : page.data;
  const indexing = page.data?.provisional === true;
  const [rowReuse] = useState(() => ({ rows: new RowReuse(), pinned: new RowReuse() }));
  const rows = useMemo(() => rowReuse.rows.rows(data?.rows), [rowReuse, data]);
  const pinned = useMemo(() => rowReuse.pinned.rows(data?.pinned), [rowReuse, data]);
  const wanted = useRef(start);
  wanted.current = start;
  const want = useCallback(
    (from: number, to: number) => {
      if (data && from >= data.offset && to < data.offset + data.rows.length) return;
      // Already asked for (the page is on its way): do not ask again on every scroll event.
      if (from >= wanted.current && to < wanted.current + WINDOW_PAGE) return;
      setStart(Math.max(0, Math.floor((from - STEP) / STEP) * STEP));
    },
    [data],
  );
  const rowWindow: RowWindow = useMemo(
    () => ({
      count: data?.total ?? 0,
      windowed: true,
      at: (i) => (data && i >= data.offset ? rows[i - data.offset] : undefined),
      indexOfSeq: (seq) => {
        const k = rows.findIndex((r) => r.seq === seq);
        return k < 0 || !data ? -1 : data.offset + k;
      },
      want,
    }),
    [data, rows, want],
  );
  const presentSources = useMemo(() => new Set(data?.facets.sources ?? []), [data]);
  return {
    rows: rowWindow,
    pinned,
    actors: data?.facets.actors ?? [],
    types: data?.facets.types ?? [],
    presentSources,
    rowCount: data?.rowCount ?? 0,
    indexAtTime: async (t) => {
      const found = await getClient().callOrThrow('timeline.page', { incidentId, filter: query, anchor: { by: 'time', at: t }, limit: 1 });
      setStart(Math.max(0, Math.floor((found.anchorPosition - STEP) / STEP) * STEP));
      return found.anchorPosition;
    },
    newestAt: data?.offset === 0 ? rows[0]?.at : undefined,
    error: page.error,
    indexing: indexing ? (otherFilter ? 'waiting' : 'newest') : undefined,
  };
}
