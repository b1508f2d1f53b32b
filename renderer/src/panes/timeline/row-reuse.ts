// Rows of a windowed timeline kept across pages. A page arriving while the list scrolls repeats most of the rows already on
// screen (pages overlap by three quarters); converted afresh they were new objects, so every memoized row view on screen
// rendered again — a late frame in a fling through a million rows each time a page arrived. A row whose wire form is
// unchanged keeps its object; a changed one (pinned, classified, marked late) is converted again.
import { fromWire, type TimelineWireRow } from '../../../../shared/timeline/timeline-window';
import type { TimelineRow } from '../../../../shared/timeline/timeline-view';

export class RowReuse {
  /** The last page's rows by seq, with the wire form each was converted from. */
  private bySeq = new Map<number, { wire: string; row: TimelineRow }>();

  rows(page: readonly TimelineWireRow[] | undefined): TimelineRow[] {
    if (!page) return [];
    const next = new Map<number, { wire: string; row: TimelineRow }>();
    const rows = page.map((w) => {
      const wire = JSON.stringify(w);
      const had = this.bySeq.get(w.seq);
      const entry = had?.wire === wire ? had : { wire, row: fromWire(w) };
      next.set(w.seq, entry);
      return entry.row;
    });
    // Only the newest page is kept: what scrolled away is not held.
    this.bySeq = next;
    return rows;
  }
}
