// Roving focus over timeline rows: the list is a single tab stop (the active row has tabIndex 0, every other row and every
// control inside a row has -1), the keys of row-keys.ts move and act, and the active row is remembered by event sequence
// so new events arriving at the top never move the commander's place. Shared by the virtualized list and the pinned strip.
import { useEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';
import type { NoteKind } from '../../../../shared/events';
import type { TimelineRow } from '../../../../shared/timeline/timeline-view';
import { rowKeyAction } from './row-keys';
import type { RowWindow } from './row-window';

export interface RowActions {
  onPin(row: TimelineRow): void;
  onClassify(row: TimelineRow, kind: NoteKind): void;
}

export interface RovingRowsOptions {
  listRef: RefObject<HTMLElement | null>;
  /** Absent when the rows cannot be changed (playback, a review bundle). */
  actions: RowActions | undefined;
  /** Where focus goes on Escape. */
  onLeave(): void;
  /** Brings a row into view before it takes focus (the virtualizer scrolls to it); plain lists need nothing. */
  scrollTo?(index: number): void;
  /** How many rows Page Up / Page Down move. */
  page?: number;
}

/** Every control inside a row, in order: Jira links, the pin button, the "Mark…" menu. */
const CONTROLS = 'a[href], button, select';

export function rowControls(rowEl: HTMLElement): HTMLElement[] {
  return [...rowEl.querySelectorAll<HTMLElement>(CONTROLS)].filter((el) => !(el as HTMLButtonElement).disabled);
}

export function useRovingRows(rows: RowWindow, options: RovingRowsOptions) {
  const [activeSeq, setActiveSeq] = useState<number | undefined>(undefined);
  const found = activeSeq === undefined ? -1 : rows.indexOfSeq(activeSeq);
  // In a window, the chosen row may be scrolled out of the loaded pages: the tab stop keeps its place by index meanwhile.
  const lastIndex = useRef(0);
  // Until the commander picks a row (or when a filter hid it), the newest row is the one Tab lands on.
  const activeIndex = found >= 0 ? found : rows.windowed && activeSeq !== undefined ? Math.min(lastIndex.current, Math.max(0, rows.count - 1)) : 0;
  lastIndex.current = activeIndex;
  const active = rows.at(activeIndex);
  /**
   * The row a key moved to, focused once a render shows it active. By seq, not a flag: a render that does not carry the move
   * yet (the virtualizer re-renders on the scroll a key started) would otherwise take the flag and re-focus the old row, and
   * the next key (P) then acted on the row the commander had left.
   */
  const pendingFocus = useRef<number | undefined>(undefined);
  /** A row a key moved to before its page was loaded (End in a window): it takes focus once it arrives. */
  const pendingIndex = useRef<number | undefined>(undefined);
  const latest = useRef(options);
  latest.current = options;

  useEffect(() => {
    const index = pendingIndex.current;
    if (index === undefined) return;
    const row = rows.at(index);
    if (!row) return;
    pendingIndex.current = undefined;
    moveTo(index);
  });

  // After a key moved the active row: scroll it into view (the virtualizer renders it in any case) and focus it.
  useEffect(() => {
    if (pendingFocus.current === undefined || active?.seq !== pendingFocus.current) return;
    pendingFocus.current = undefined;
    latest.current.scrollTo?.(activeIndex);
    rowElement(latest.current.listRef.current, active.seq)?.focus({ preventScroll: latest.current.scrollTo !== undefined });
  });

  function moveTo(index: number) {
    const row = rows.at(index);
    if (!row) {
      // Not loaded yet: scroll there (the window fetches that page) and focus the row when it arrives.
      pendingIndex.current = index;
      latest.current.scrollTo?.(index);
      rows.want?.(index, index);
      return;
    }
    pendingFocus.current = row.seq;
    if (row.seq === activeSeq) {
      // Same row (already at the top or the bottom): the effect above will not run without a render, so focus now.
      latest.current.scrollTo?.(index);
      rowElement(latest.current.listRef.current, row.seq)?.focus();
      pendingFocus.current = undefined;
    } else setActiveSeq(row.seq);
  }

  const onKeyDown = (e: KeyboardEvent<HTMLElement>, index: number) => {
    const row = rows.at(index);
    if (!row) return;
    const rowEl = e.currentTarget;
    if (e.target !== rowEl) {
      // Inside the row's controls: Escape goes back to the row, Left/Right move between the controls.
      const controls = rowControls(rowEl);
      const at = controls.indexOf(e.target as HTMLElement);
      if (e.key === 'Escape') rowEl.focus();
      else if ((e.key === 'ArrowRight' || e.key === 'ArrowLeft') && !(e.target instanceof HTMLSelectElement) && at >= 0) {
        controls[(at + (e.key === 'ArrowRight' ? 1 : controls.length - 1)) % controls.length]?.focus();
      } else return;
      e.preventDefault();
      e.stopPropagation();
      return;
    }
    const action = rowKeyAction(e, index, rows.count, options.page);
    if (!action) return;
    const { actions } = options;
    if (action.kind === 'move') moveTo(action.to);
    else if (action.kind === 'controls') rowControls(rowEl)[0]?.focus();
    else if (action.kind === 'leave') options.onLeave();
    else if (!actions) return;
    else if (action.kind === 'pin') actions.onPin(row);
    else if (action.kind === 'classify') actions.onClassify(row, action.as);
    else if (action.kind === 'mark') openMarkMenu(rowEl);
    // Handled here: the playback bar's window-wide arrows and Home/End, and Esc un-maximising the pane, must not also act.
    e.preventDefault();
    e.stopPropagation();
  };

  const rowProps = (index: number, row: TimelineRow) => ({
    tabIndex: index === activeIndex ? 0 : -1,
    'data-row-seq': row.seq,
    'aria-posinset': index + 1,
    'aria-setsize': rows.count,
    onKeyDown: (e: KeyboardEvent<HTMLElement>) => onKeyDown(e, index),
    // A click or a focused control inside a row makes it the active one, so Tab comes back to where the commander was.
    onFocus: (e: FocusEvent<HTMLElement>) => {
      if (e.currentTarget.contains(e.target)) setActiveSeq(row.seq);
    },
  });

  /** The row the commander moved to or clicked, if it is still shown; undefined while the list is on its default (the newest). */
  const chosenSeq = found >= 0 ? activeSeq : undefined;
  return { activeIndex, activeRow: active, chosenSeq, rowProps };
}

function rowElement(list: HTMLElement | null, seq: number): HTMLElement | null {
  return list?.querySelector<HTMLElement>(`[data-row-seq="${seq}"]`) ?? null;
}

/** M: focus the row's "Mark…" menu and open its list where the browser allows (Chromium's showPicker). */
function openMarkMenu(rowEl: HTMLElement): void {
  const select = rowEl.querySelector('select');
  if (!select) return;
  select.focus();
  try {
    if (typeof select.showPicker === 'function') select.showPicker();
  } catch {
    // Not allowed here (no user activation, or an embedded frame): the menu has focus and opens with Alt+Down or Space.
  }
}
