// The timeline of a large incident without holding a row object per event: typed columns per row, the rows' order by when
// things happened, a token → rows postings index for search, and annotations (pins, classifications) applied in place.
// Advanced event by event (like the domain projections), it answers what filterTimeline(buildTimelineRows(log)) answers —
// the rows matching a filter, newest first — and builds only the rows of the page asked for. The core keeps one per
// incident to serve timeline.page / timeline.search; playback keeps one per log to show the timeline at t.
// The rows' columns are in timeline-rows.ts, the filter scan in timeline-scan.ts, the selection cache in selection-cache.ts.
import type { IncidentEvent } from '../events';
import type { EventRef } from '../events/event-refs';
import { timelineSources, toTimelineEntry, type TimelineSource } from './describe-event';
import { SplicedOrdinals, type OrdinalList } from './ordinal-list';
import { TokenPostings } from './token-postings';
import type { TimelineFilter, TimelineRow } from './timeline-view';
import { kindCodes, TimelineRows, type TimelineAnnotations } from './timeline-rows';
import { haystackOf, TimelineScan, type TimelineSelectOptions } from './timeline-scan';
import { filterKey, SelectionCache } from './selection-cache';

export type { TimelineAnnotations } from './timeline-rows';
export { haystackOf, searchWords, type TimelineSelectOptions } from './timeline-scan';

/** Rows kept built: the pinned strip (≤ 500) and a few pages. */
const MAX_BUILT_ROWS = 4096;

export class TimelineIndex {
  /**
   * Row ordinal (in log order) → its event; the row's text is built from it only when a page shows it. Empty when the index
   * reads events through `readEvent` (the core's log keeps them on disk; holding them here would keep a million objects alive).
   */
  private readonly events: IncidentEvent[] = [];

  /** `readEvent` (optional): the event with a seq, when the caller keeps the events (the index then holds none itself). */
  constructor(private readonly readEvent?: (seq: number) => IncidentEvent | undefined) {}

  private eventAtOrdinal(ordinal: number): IncidentEvent {
    if (!this.readEvent) return this.events[ordinal]!;
    const e = this.readEvent(this.rows.seq.get(ordinal));
    if (!e) throw new Error(`the timeline index names event #${this.rows.seq.get(ordinal)}, which its log does not hold`);
    return e;
  }

  /** The rows' typed columns and the lookups over them (timeline-rows.ts). */
  private readonly rows = new TimelineRows();
  /**
   * Rows built lately, by ordinal: every seek shows the pinned strip again, and rows near where it was. A row is reused
   * while its annotations (pinned, kind) are the same; rows are never changed once built. Bounded, dropped when full.
   */
  private readonly built = new Map<number, TimelineRow>();
  /** Which rows hold each word of the rows' search text (token-postings.ts). */
  private readonly postings = new TokenPostings();
  private folded = 0;
  /** Selections by filter (all rows, latest annotations), dropped on every add: paging and seeking reuse them. */
  private readonly cache = new SelectionCache();
  /** Evaluates filters over the rows (timeline-scan.ts); a rare search word is checked against the rows' text, built from their events. */
  private readonly scanner = new TimelineScan(this.rows, this.postings, (ordinal) => haystackOf(toTimelineEntry(this.eventAtOrdinal(ordinal))));

  /** Seq of the last event added (annotations included). */
  get lastSeq(): number {
    return this.folded;
  }

  /** Rows on the timeline (annotation events are not rows). */
  get rowCount(): number {
    return this.rows.seq.length;
  }

  /** Adds the events after lastSeq (older ones are skipped, so passing the whole log again is fine). */
  addAll(events: readonly IncidentEvent[]): this {
    return this.addRange(events, 0, events.length);
  }

  /** Adds events[from, to) that come after lastSeq: a long log added a slice at a time. */
  addRange(events: readonly IncidentEvent[], from: number, to: number): this {
    for (let i = from; i < to; i++) if (events[i]!.seq > this.folded) this.add(events[i]!);
    return this;
  }

  add(e: IncidentEvent): void {
    this.folded = e.seq;
    this.cache.clear();
    if (e.type === 'timeline.entry_pinned' || e.type === 'timeline.entry_classified') {
      this.rows.annotate(e);
      return;
    }
    const entry = toTimelineEntry(e);
    if (!this.readEvent) this.events.push(e);
    const ordinal = this.rows.push(e, entry);
    this.postings.add(ordinal, haystackOf(entry));
  }

  /**
   * Ordinals of the rows matching `filter`, newest first (what the pane lists). A moment of playback (upToSeq) cuts the
   * cached selection of all rows by seq — one pass over packed ints — unless its filter reads annotations (kind, pinned),
   * which may differ then.
   */
  select(filter: TimelineFilter, options: TimelineSelectOptions = {}): Int32Array {
    const readsAnnotations = filter.kind !== undefined || filter.pinnedOnly === true;
    if (options.annotations && readsAnnotations) return this.scanner.scan(filter, options);
    const key = filterKey(filter);
    let all = this.cache.get(key);
    if (!all) {
      all = this.scanner.scan(filter, {});
      this.cache.remember(key, all);
    }
    const upTo = options.upToSeq;
    if (upTo === undefined || upTo >= this.folded) return all;
    const seqs = this.rows.seq.raw;
    const out = new Int32Array(all.length);
    let count = 0;
    for (let i = 0; i < all.length; i++) {
      const o = all[i]!;
      if (seqs[o]! <= upTo) out[count++] = o;
    }
    return out.subarray(0, count);
  }

  /**
   * The rows matching `filter` at a moment of playback (upToSeq), newest first, without copying the selection of all rows:
   * rows newer than anything recorded by then are skipped by a binary search, rows older than anything recorded later are
   * a zero-copy tail, and only the rows in between (recorded out of order: late notes, alerts that started earlier) are
   * filtered by seq. The same rows as select(filter, options); filters that read annotations still scan.
   */
  selectAt(filter: TimelineFilter, options: TimelineSelectOptions = {}): OrdinalList {
    const upTo = options.upToSeq;
    const readsAnnotations = filter.kind !== undefined || filter.pinnedOnly === true;
    if (upTo === undefined || upTo >= this.folded || (options.annotations && readsAnnotations)) return this.select(filter, options);
    const all = this.select(filter, {});
    const cut = this.rows.rowsUpToSeq(upTo);
    if (cut === 0) return new Int32Array(0);
    if (cut === this.rows.seq.length) return all;
    const newestThen = this.rows.latestUpTo.get(cut - 1);
    const earliestLater = this.rows.earliestFromOrdinal()[cut]!;
    const start = this.rows.firstPositionAtOrBefore(all, newestThen, false);
    const end = Math.max(start, this.rows.firstPositionAtOrBefore(all, earliestLater, true));
    const head = new Int32Array(end - start);
    let count = 0;
    for (let i = start; i < end; i++) if (all[i]! < cut) head[count++] = all[i]!;
    return new SplicedOrdinals(head.subarray(0, count), all.subarray(end));
  }

  /** The row at `ordinal`, annotated as the index stands (or as `annotations` say). */
  row(ordinal: number, annotations?: TimelineAnnotations): TimelineRow {
    const code = this.rows.kindOf(ordinal, annotations);
    const pinned = this.rows.pinnedOf(ordinal, annotations);
    const kind = code !== 0 ? kindCodes[code]! : undefined;
    const known = this.built.get(ordinal);
    if (known && known.pinned === pinned && known.kind === kind) return known;
    const entry = known ?? toTimelineEntry(this.eventAtOrdinal(ordinal));
    const { kind: _kind, ...rest } = entry as TimelineRow;
    const row: TimelineRow = {
      ...rest,
      at: this.rows.at.get(ordinal),
      late: this.rows.late.get(ordinal) === 1,
      pinned,
      ...(kind !== undefined ? { kind } : {}),
      haystack: known?.haystack ?? haystackOf(entry),
    };
    if (this.built.size >= MAX_BUILT_ROWS) this.built.clear();
    this.built.set(ordinal, row);
    return row;
  }

  seqOf(ordinal: number): number {
    return this.rows.seq.get(ordinal);
  }

  /** Position in `selection` (newest first) of the row with this seq, or -1. */
  positionOfSeq(selection: OrdinalList, seq: number): number {
    const o = this.rows.ordinalOfSeq(seq);
    return o < 0 ? -1 : selection.indexOf(o);
  }

  /** Position in `selection` of the newest row that happened at or before `t` (as indexAtTime). */
  positionAtTime(selection: OrdinalList, t: number): number {
    let lo = 0;
    let hi = selection.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.rows.at.get(selection.at(mid)!) > t) lo = mid + 1;
      else hi = mid;
    }
    return Math.min(lo, Math.max(0, selection.length - 1));
  }

  /** The pinned rows, oldest first (the strip above the list). */
  pinnedOrdinals(options: TimelineSelectOptions = {}): number[] {
    const upTo = options.upToSeq ?? Infinity;
    const found: number[] = [];
    if (options.annotations) {
      // One pass over the pins as they stood (every seek shows the strip): no intermediate arrays.
      for (const [seq, pinned] of options.annotations.pinned) {
        if (!pinned || seq > upTo) continue;
        const o = this.rows.ordinalOfSeq(seq);
        if (o >= 0) found.push(o);
      }
    } else for (const o of this.rows.pinnedNow) if (this.rows.seq.get(o) <= upTo) found.push(o);
    const at = this.rows.at.raw;
    const seqs = this.rows.seq.raw;
    return found.sort((a, b) => at[a]! - at[b]! || seqs[a]! - seqs[b]!);
  }

  /** Actors and types on the timeline (sorted) and the sources present: what the filter menus offer. */
  facets(): { actors: string[]; types: string[]; sources: TimelineSource[] } {
    return { actors: [...this.rows.actors.names].sort(), types: [...this.rows.types.names].sort(), sources: timelineSources.filter((_, i) => this.rows.sourcesPresent.has(i)) };
  }

  /** The event of the row a reference names (event-refs.ts), if it is on the timeline. */
  eventOf(ref: EventRef): IncidentEvent | undefined {
    const o = this.rows.ordinalOf(ref);
    return o < 0 ? undefined : this.eventAtOrdinal(o);
  }
}
