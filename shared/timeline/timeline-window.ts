// Pages of the timeline for a window that does not hold the whole log: the rows around any position (by place in the
// filtered list, by seq or by time), search hits, and what the filter menus offer, all answered from a TimelineIndex.
// The core serves them as timeline.page / timeline.search; playback answers the same from its own index at time t.
import type { NoteKind } from '../events';
import type { TimelineSource } from './describe-event';
import { haystackOf, type TimelineIndex, type TimelineSelectOptions } from './timeline-index';
import type { TimelineFilter, TimelineRow } from './timeline-view';

/** A TimelineFilter that crosses the contract (sources as a list). */
export interface TimelineQuery {
  sources?: TimelineSource[] | undefined;
  actor?: string | undefined;
  type?: string | undefined;
  kind?: NoteKind | undefined;
  pinnedOnly?: boolean | undefined;
  text?: string | undefined;
  showMetricSamples?: boolean | undefined;
}

export type TimelineAnchor = { by: 'newest' } | { by: 'oldest' } | { by: 'position'; position: number } | { by: 'seq'; seq: number } | { by: 'time'; at: number };

/** A row as it crosses the contract: without the search text, which the core keeps in its index. */
export type TimelineWireRow = Omit<TimelineRow, 'haystack'>;

export interface TimelineWindowPage {
  /** Place of rows[0] in the filtered list, newest first. */
  offset: number;
  rows: TimelineWireRow[];
  /** Rows matching the filter. */
  total: number;
  /** Rows on the timeline, unfiltered. */
  rowCount: number;
  /** Place of the anchor row (a seq or a time) in the filtered list; -1 when the seq is not in it. */
  anchorPosition: number;
  lastSeq: number;
  /** The pinned rows, oldest first (few; capped). */
  pinned: TimelineWireRow[];
  facets: { actors: string[]; types: string[]; sources: TimelineSource[] };
  /**
   * Served from the log's newest events while the core builds the timeline index (the first page of a large incident): the
   * rows are the index's, but total and rowCount are estimates and pinned and facets know only those events.
   */
  provisional?: boolean;
}

export const MAX_PINNED = 500;

export const toFilter = (q: TimelineQuery): TimelineFilter => ({
  ...(q.sources ? { sources: new Set(q.sources) } : {}),
  ...(q.actor ? { actor: q.actor } : {}),
  ...(q.type ? { type: q.type } : {}),
  ...(q.kind ? { kind: q.kind } : {}),
  ...(q.pinnedOnly ? { pinnedOnly: true } : {}),
  ...(q.text ? { text: q.text } : {}),
  ...(q.showMetricSamples ? { showMetricSamples: true } : {}),
});

export const toQuery = (f: TimelineFilter): TimelineQuery => ({ ...f, sources: f.sources ? [...f.sources] : undefined });

/** Rows are reused while unchanged (TimelineIndex.row), and so is their wire form: a seek rebuilds no pinned row. */
const wired = new WeakMap<TimelineRow, TimelineWireRow>();
const wire = (row: TimelineRow): TimelineWireRow => {
  let w = wired.get(row);
  if (!w) {
    const { haystack: _haystack, ...rest } = row;
    wired.set(row, (w = rest));
  }
  return w;
};

/** The page of `limit` rows around `anchor` in the rows matching `query`. */
export function timelineWindowPage(index: TimelineIndex, query: TimelineQuery, anchor: TimelineAnchor, limit: number, options: TimelineSelectOptions = {}): TimelineWindowPage {
  const selection = index.selectAt(toFilter(query), options);
  const total = selection.length;
  const last = Math.max(0, total - limit);
  let anchorPosition = 0;
  let offset: number;
  if (anchor.by === 'newest') offset = 0;
  else if (anchor.by === 'oldest') offset = last;
  else if (anchor.by === 'position') offset = Math.min(anchor.position, last);
  else {
    anchorPosition = anchor.by === 'seq' ? index.positionOfSeq(selection, anchor.seq) : index.positionAtTime(selection, anchor.at);
    offset = Math.min(Math.max(0, anchorPosition - Math.floor(limit / 2)), last);
  }
  if (anchor.by === 'position') anchorPosition = Math.min(anchor.position, Math.max(0, total - 1));
  if (anchor.by === 'oldest') anchorPosition = Math.max(0, total - 1);
  const rows: TimelineWireRow[] = [];
  for (let i = offset; i < Math.min(total, offset + limit); i++) rows.push(wire(index.row(selection.at(i)!, options.annotations)));
  const pinned = index.pinnedOrdinals(options).slice(-MAX_PINNED).map((o) => wire(index.row(o, options.annotations)));
  return { offset, rows, total, rowCount: index.rowCount, anchorPosition, lastSeq: options.upToSeq ?? index.lastSeq, pinned, facets: index.facets() };
}

export interface TimelineSearchResult {
  /** Rows matching the search (and the other filters). */
  count: number;
  /** Their seqs, newest first, up to maxSeqs. */
  seqs: number[];
  /** The first page of hits, newest first. */
  page: TimelineWindowPage;
}

export function timelineSearch(index: TimelineIndex, query: TimelineQuery, limit: number, maxSeqs: number, options: TimelineSelectOptions = {}): TimelineSearchResult {
  const page = timelineWindowPage(index, query, { by: 'newest' }, limit, options);
  const selection = index.selectAt(toFilter(query), options);
  const seqs = Array.from({ length: Math.min(maxSeqs, selection.length) }, (_, i) => index.seqOf(selection.at(i)!));
  return { count: selection.length, seqs, page };
}

/** The row as the pane's components take it, its search text computed again. */
export const fromWire = (row: TimelineWireRow): TimelineRow => ({ ...row, haystack: haystackOf(row) });
