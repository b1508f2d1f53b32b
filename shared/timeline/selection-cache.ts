// The timeline index's cache of selections (a filter's matching rows, newest first, as of the latest annotations): paging and
// seeking ask for the same filter again and again, and a scan of a million rows costs milliseconds. Bounded by the rows kept
// in all, as each selection of a million-row timeline is 4 MB. Split from timeline-index.ts, which drops it on every add.
import type { TimelineFilter } from './timeline-view';

/** Rows kept in cached selections in all (4 bytes each): two selections of every row of a million-event incident. */
const CACHED_ROWS = 2_000_000;
/** Selections kept at most, however small. */
const CACHED_SELECTIONS = 16;

/** The cache key of a filter: equal for filters that select the same rows (sources in any order). */
export function filterKey(f: TimelineFilter): string {
  return JSON.stringify([[...(f.sources ?? [])].sort(), f.actor, f.type, f.kind, f.pinnedOnly, f.text, f.showMetricSamples]);
}

export class SelectionCache {
  private readonly selections = new Map<string, Int32Array>();

  /** The selection kept under `key` (filterKey), if any. */
  get(key: string): Int32Array | undefined {
    return this.selections.get(key);
  }

  /**
   * Keeps a selection for reuse, dropping the least recently made ones past CACHED_ROWS in all or CACHED_SELECTIONS: at a million rows each
   * selection may be 4 MB, and eight of them were kept whatever their size.
   */
  remember(key: string, selection: Int32Array): void {
    this.selections.set(key, selection);
    let rows = 0;
    for (const s of this.selections.values()) rows += s.length;
    for (const [oldest, s] of this.selections) {
      if ((rows <= CACHED_ROWS && this.selections.size <= CACHED_SELECTIONS) || oldest === key) break;
      this.selections.delete(oldest);
      rows -= s.length;
    }
  }

  /** Drops every selection (rows were added or annotated). */
  clear(): void {
    this.selections.clear();
  }
}
