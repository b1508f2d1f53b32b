// The rows a timeline list shows, whole or windowed: `count` rows in all, of which `at` knows those loaded. The whole-log
// path (and the pinned strip) wraps an array; the windowed path (use-timeline-window.ts) knows only the pages around what
// is on screen and fetches others when asked for a row it does not hold.
import type { TimelineRow } from '../../../../shared/timeline/timeline-view';

export interface RowWindow {
  count: number;
  at(index: number): TimelineRow | undefined;
  /** The row's key (its seq) without building the row: the virtualizer asks it of every index on each change. */
  keyAt?(index: number): number | undefined;
  /** Index of a loaded row with this seq, or -1. */
  indexOfSeq(seq: number): number;
  /** Rows from..to (inclusive) are on screen or wanted (a key jumped there): load them if they are not. */
  want?(from: number, to: number): void;
  /** True while rows are fetched on demand (the list keeps its place by index when the chosen row is not loaded). */
  windowed?: boolean;
}

export function arrayWindow(rows: readonly TimelineRow[]): RowWindow {
  return { count: rows.length, at: (i) => rows[i], indexOfSeq: (seq) => rows.findIndex((r) => r.seq === seq) };
}

/**
 * The virtualizer's key for the row at `index`: its event's seq, so a measured height follows its row when rows move (a new
 * event at the top) — from `keyAt` when the rows know it without building the row — or for a row not loaded yet a negative number, which no seq is (seqs start at 1). The virtualizer keys
 * every one of a window's million rows on its first layout and again when the count changes: a number costs no allocation
 * there, where a `missing-<index>` string per row (and its GC) kept the page busy 0.4–0.5 s after the first page of a
 * reopened 1M-event incident had arrived, before its first row could paint (V8: ≈ 510 ms against ≈ 75 ms for 1M rows).
 */
export const rowKey = (rows: RowWindow, index: number): number => (rows.keyAt ? rows.keyAt(index) : rows.at(index)?.seq) ?? -1 - index;
