// The virtualized list of timeline rows, newest first, as one tab stop with arrow keys inside (use-roving-rows.ts). Each row
// is a list item that takes focus itself and is announced by a one-line summary with its position ("3 of 51").
import { defaultRangeExtractor, useVirtualizer, type Range, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, type CSSProperties, type ReactNode, type Ref } from 'react';
import type { TimelineRow } from '../../../../shared/timeline/timeline-view';
import { useFlingLoads } from './fling-loads';
import { useRowSummary } from './row-summary';
import { arrayWindow, rowKey, type RowWindow } from './row-window';
import { useRovingRows, type RowActions } from './use-roving-rows';

export interface TimelineListHandle {
  scrollToIndex(index: number): void;
}

/**
 * Browsers stop laying out elements taller than about 33.5 million px: with a million rows the estimated row height shrinks
 * so the whole list stays reachable (rows are measured as they render; only the rows never seen use the estimate).
 */
const MAX_LIST_PX = 30_000_000;
const ROW_ESTIMATE_PX = 34;
/** Rows rendered beyond the screen: enough that a wheel notch or an arrow key lands on rows already drawn. */
const OVERSCAN = 12;
/** While flinging (see `useFling`), every row is new each frame: rendering more than the screen only costs frames. */
const FLING_OVERSCAN = 3;

export function TimelineList({ rows: given, actions, onLeave, renderRow, label, ref, onActiveRow }: {
  /** The whole list, or a window of it. */
  rows: RowWindow | readonly TimelineRow[];
  /** Told which row the commander chose (the palette's "Pin event" acts on it). */
  onActiveRow?: (seq: number | undefined) => void;
  actions: RowActions | undefined;
  onLeave: () => void;
  /** `flinging`: the list moves faster than a screen a frame; the row can leave out its controls (see `useFling`). */
  renderRow: (row: TimelineRow, flinging?: boolean) => ReactNode;
  label: string;
  /** Lets the pane scroll the list (jump to a time). */
  ref?: Ref<TimelineListHandle>;
}) {
  const rows = useMemo(() => (isWindow(given) ? given : arrayWindow(given)), [given]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualRef = useRef<Virtualizer<HTMLDivElement, Element> | null>(null);
  /** A row a key scrolls to: until the scroll lands there, the range on screen is the old one and loads no page. */
  const jumpTarget = useRef<number | undefined>(undefined);
  const visibleRange = virtualRef.current?.range;
  const roving = useRovingRows(rows, {
    listRef: scrollRef,
    actions,
    onLeave,
    scrollTo: (index) => {
      jumpTarget.current = index;
      virtualRef.current?.scrollToIndex(index, { align: 'auto' });
    },
    page: visibleRange ? Math.max(1, visibleRange.endIndex - visibleRange.startIndex) : 10,
  });
  const { activeIndex } = roving;
  // Measured sizes are cached by event sequence, not by position: a new event at the top or a filter change moves every
  // row to another index, and a position-keyed cache would then give each row its neighbour's height (rows drawn on top of
  // each other). Each row is measured as it renders and re-measured by a ResizeObserver when its width or content changes.
  // A window (a million rows) keys the same function for its whole life: a new key function makes the virtualizer lay out
  // every row again, and a page arriving must not cost that. Its keys are read again when the count changes (an append).
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const keyOfRows = useCallback((index: number) => rowKey(rows, index), [rows]);
  const keyOfWindow = useCallback((index: number) => rowKey(rowsRef.current, index), []);
  const fixed = rows.windowed === true;
  const getItemKey = fixed ? keyOfWindow : keyOfRows;
  // The active row is always rendered, even when scrolled away, so the list never loses its tab stop or its focus.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (activeIndex < range.count && !indexes.includes(activeIndex)) indexes.push(activeIndex);
      return indexes.sort((a, b) => a - b);
    },
    [activeIndex],
  );
  const fling = useFling();
  const estimate = Math.max(1, Math.min(ROW_ESTIMATE_PX, Math.floor(MAX_LIST_PX / Math.max(1, rows.count))));
  const virtualizer = useVirtualizer({
    count: rows.count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimate,
    overscan: fixed && fling.wasFlinging() ? FLING_OVERSCAN : OVERSCAN,
    getItemKey,
    rangeExtractor,
    ...(fixed ? { measureElement: fixedRowSize(estimate) } : {}),
  });
  virtualRef.current = virtualizer;
  // Only rows in fixed slots (a window): a measured row that left out its controls would change height and move the rows
  // below it, and a key's scroll to a row would miss it.
  const flinging = fling.observe(virtualizer) && fixed;
  useImperativeHandle(ref, () => ({ scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'start' }) }), [virtualizer]);
  const summary = useRowSummary();
  const { chosenSeq } = roving;
  useEffect(() => onActiveRow?.(chosenSeq), [chosenSeq, onActiveRow]);
  // A window loads the pages of the rows on screen (the range on screen, not the rendered items, which keep the active row).
  const items = virtualizer.getVirtualItems();
  const first = virtualizer.range?.startIndex ?? 0;
  const last = virtualizer.range?.endIndex ?? 0;
  // Only when the range moves: a page arriving must not re-send a range read before the scroll it awaits has happened
  // (Home from the end would fetch the end again and drop the row it just focused).
  // A fling asks for fewer pages (fling-loads.ts).
  useFlingLoads(
    (from, to) => {
      const target = jumpTarget.current;
      if (target !== undefined && (target < from || target > to)) return;
      jumpTarget.current = undefined;
      rows.want?.(from, to);
    },
    { first, last, flinging, enabled: rows.count > 0 },
  );

  return (
    // The wheel or a pointer takes over from a key's scroll that has not landed.
    <div
      ref={scrollRef}
      className={fixed ? 'timeline fixed-rows' : 'timeline'}
      style={fixed ? ({ '--timeline-row-px': `${estimate}px` } as CSSProperties) : undefined}
      role="list" aria-label={label} onWheel={() => (jumpTarget.current = undefined)} onPointerDown={() => (jumpTarget.current = undefined)}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const row = rows.at(item.index);
          if (!row) {
            return (
              <div key={item.key} role="listitem" className="timeline-item loading-row" aria-busy="true" data-index={item.index} ref={virtualizer.measureElement} style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}>
                Loading…
              </div>
            );
          }
          return (
            <div
              key={item.key}
              role="listitem"
              className="timeline-item"
              aria-label={summary(row)}
              data-index={item.index}
              ref={virtualizer.measureElement}
              style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}
              {...roving.rowProps(item.index, row)}
            >
              {renderRow(row, flinging && item.index !== activeIndex)}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/**
 * A window lays every row out in a slot of the same height (timeline.css clips a row to it), so the virtualizer never lays
 * out a million rows again because one row measured taller than the estimate (that cost 14–46 ms per row and stopped
 * scrolling), and the rows on screen never move when a page of rows arrives in place of the "Loading…" rows. Only a row
 * showing a published update's text takes its real height.
 */
export const fixedRowSize = (slot: number) => (element: Element) => (element.querySelector('.timeline-detail') ? Math.round(element.getBoundingClientRect().height) : slot);

/**
 * Whether the list is being flung: scrolled by more than its own height since the last render, until scrolling stops
 * (react-virtual's isScrolling, reset 150 ms after the last scroll event). A fling, a dragged scroll bar or End replaces every
 * row on screen each frame; nobody reads those rows, and their controls (a pin button and a "Mark…" select per row) cost
 * more to create and lay out than the rest of the row. Measured on the 1M-event timeline with the wheel at 3,000 px an event:
 * 45–57 frames/s with full rows and 12 rows of overscan, 58–60 with light rows and 3 (bench/timeline-window.bench.ts). A
 * slow scroll (a wheel notch, arrow keys) moves less than a screen and keeps every row whole, so nothing flickers.
 */
export function useFling() {
  const state = useRef({ offset: 0, flinging: false });
  return {
    wasFlinging: () => state.current.flinging,
    observe(virtualizer: Virtualizer<HTMLDivElement, Element>): boolean {
      const offset = virtualizer.scrollOffset ?? 0;
      const screen = virtualizer.scrollRect?.height ?? 0;
      const s = state.current;
      s.flinging = virtualizer.isScrolling && screen > 0 && (s.flinging || Math.abs(offset - s.offset) > screen);
      s.offset = offset;
      return s.flinging;
    },
  };
}

const isWindow = (rows: RowWindow | readonly TimelineRow[]): rows is RowWindow => !Array.isArray(rows);

/** The pinned events above the list: few and not virtualized, but the same single tab stop and keys. */
export function PinnedList({ rows, actions, onLeave, renderRow }: {
  rows: readonly TimelineRow[];
  actions: RowActions | undefined;
  onLeave: () => void;
  renderRow: (row: TimelineRow) => ReactNode;
}) {
  const listRef = useRef<HTMLDivElement>(null);
  const rowWindow = useMemo(() => arrayWindow(rows), [rows]);
  const roving = useRovingRows(rowWindow, { listRef, actions, onLeave });
  const summary = useRowSummary();
  return (
    <div ref={listRef} className="pinned-events" role="list" aria-label="Pinned events">
      {rows.map((row, index) => (
        <div key={row.seq} role="listitem" className="timeline-item" aria-label={summary(row)} {...roving.rowProps(index, row)}>
          {renderRow(row)}
        </div>
      ))}
    </div>
  );
}
