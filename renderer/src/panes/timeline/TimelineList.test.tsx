// @vitest-environment happy-dom
// The timeline as a keyboard user meets it: one tab stop, arrows and Home/End move the active row (which stays in the DOM
// even when the virtualizer would drop it), Enter steps into the row's controls and Escape back out, P pins, O/H/D/A mark,
// Escape leaves the list, and a new event arriving at the top does not move the commander's place.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TimelineRow } from '../../../../shared/timeline/timeline-view';
import { TimelineList } from './TimelineList';
import { arrayWindow } from './row-window';
import { TimelineRowView } from './TimelineRowView';
import type { RowActions } from './use-roving-rows';

afterEach(cleanup);

// happy-dom lays nothing out: give the scrolling list a height (about ten rows) so the virtualizer renders a window of
// rows as it does in the app, and rows far below it are really absent from the DOM.
const sizes = { clientHeight: (el: HTMLElement) => (el.getAttribute('role') === 'list' ? 340 : 0), offsetHeight: (el: HTMLElement) => (el.getAttribute('role') === 'listitem' ? 34 : 0) };
const original = Object.fromEntries(Object.keys(sizes).map((k) => [k, Object.getOwnPropertyDescriptor(HTMLElement.prototype, k)]));
beforeAll(() => {
  for (const [name, size] of Object.entries(sizes)) {
    Object.defineProperty(HTMLElement.prototype, name, {
      configurable: true,
      get(this: HTMLElement) {
        return size(this);
      },
    });
  }
});
afterAll(() => {
  for (const [name, descriptor] of Object.entries(original)) if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor);
});

function row(seq: number, text = `Event ${seq}`): TimelineRow {
  const ts = new Date(Date.UTC(2026, 2, 1, 10, 0, seq)).toISOString();
  return { seq, ts, at: Date.parse(ts), actor: 'ana', type: 'note.added', source: 'notes', text, late: false, pinned: false, haystack: text.toLowerCase() };
}

/** Newest first, as the pane shows them. */
const rowsUpTo = (n: number) => Array.from({ length: n }, (_, i) => row(n - i));

function setup(rows: TimelineRow[], readOnly = false, windowed = false) {
  const actions: RowActions | undefined = readOnly ? undefined : { onPin: vi.fn(), onClassify: vi.fn() };
  const onLeave = vi.fn();
  // As the pane does: a row flung past leaves out its controls.
  const ui = (r: TimelineRow[]) => (
    <TimelineList rows={windowed ? { ...arrayWindow(r), windowed: true } : r} actions={actions} onLeave={onLeave} label="Timeline events" renderRow={(x, flinging) => <TimelineRowView row={x} jiraSite={undefined} actions={flinging ? undefined : actions} />} />
  );
  const view = render(ui(rows));
  return { actions, onLeave, rerender: (r: TimelineRow[]) => view.rerender(ui(r)) };
}

const list = () => screen.getByRole('list', { name: 'Timeline events' });
const item = (seq: number) => list().querySelector<HTMLElement>(`[data-row-seq="${seq}"]`)!;
/** Everything in the list that Tab would stop on. */
const tabStops = () => [...list().querySelectorAll<HTMLElement>('[tabindex], a[href], button, select')].filter((el) => el.tabIndex >= 0);
const key = (el: Element, k: string) => fireEvent.keyDown(el, { key: k });

describe('TimelineList keyboard', () => {
  it('is one tab stop: the newest row; its pin and Mark… controls are not tab stops', () => {
    setup(rowsUpTo(30));
    expect(tabStops()).toEqual([item(30)]);
    expect(within(item(30)).getByRole('button', { name: 'Pin event 30' }).tabIndex).toBe(-1);
    expect(within(item(30)).getByRole('combobox', { name: 'Mark event 30 as' }).tabIndex).toBe(-1);
    // Announced with what it is and where it sits.
    expect(item(30).getAttribute('aria-label')).toMatch(/^Recorded .*Note.*: Event 30, by ana$/);
    expect(item(30).getAttribute('aria-posinset')).toBe('1');
    expect(item(30).getAttribute('aria-setsize')).toBe('30');
  });

  it('moves with the arrows and Home/End, carrying the single tab stop and focus along', () => {
    setup(rowsUpTo(60));
    expect(item(1)).toBeNull(); // virtualized: the oldest row is not rendered
    for (let s = 60; s > 50; s--) {
      expect(item(s)).not.toBeNull();
    }
    item(60).focus();
    key(item(60), 'ArrowDown');
    expect(document.activeElement).toBe(item(59));
    expect(tabStops()).toEqual([item(59)]);
    key(item(59), 'ArrowUp');
    key(item(60), 'ArrowUp'); // already the newest: stays
    expect(document.activeElement).toBe(item(60));
    // The oldest row is far outside the rendered window, yet End brings it into the DOM and focuses it.
    key(item(60), 'End');
    expect(document.activeElement).toBe(item(1));
    expect(item(1).getAttribute('aria-posinset')).toBe('60');
    expect(tabStops()).toEqual([item(1)]);
    // Page Up moves by about a screenful of rows (ten fit here).
    key(item(1), 'PageUp');
    const paged = Number(document.activeElement?.getAttribute('aria-posinset'));
    expect(paged).toBeGreaterThanOrEqual(49);
    expect(paged).toBeLessThanOrEqual(52);
    key(document.activeElement!, 'Home');
    expect(document.activeElement).toBe(item(60));
  });

  it('P pins and O/H/D/A mark the active row; Enter steps into its controls and Escape back to the row', () => {
    const { actions } = setup(rowsUpTo(5));
    item(5).focus();
    key(item(5), 'ArrowDown');
    key(item(4), 'p');
    expect(actions!.onPin).toHaveBeenCalledWith(expect.objectContaining({ seq: 4 }));
    key(item(4), 'd');
    expect(actions!.onClassify).toHaveBeenCalledWith(expect.objectContaining({ seq: 4 }), 'decision');
    key(item(4), 'Enter');
    const pin = within(item(4)).getByRole('button', { name: 'Pin event 4' });
    expect(document.activeElement).toBe(pin);
    key(pin, 'ArrowRight');
    expect(document.activeElement).toBe(within(item(4)).getByRole('combobox', { name: 'Mark event 4 as' }));
    key(document.activeElement!, 'Escape');
    expect(document.activeElement).toBe(item(4));
    key(item(4), 'm');
    expect(document.activeElement).toBe(within(item(4)).getByRole('combobox', { name: 'Mark event 4 as' }));
  });

  it('Escape on a row leaves the list; with modifiers the keys are left to the app', () => {
    const { onLeave, actions } = setup(rowsUpTo(3));
    item(3).focus();
    fireEvent.keyDown(item(3), { key: 'p', ctrlKey: true });
    expect(actions!.onPin).not.toHaveBeenCalled();
    key(item(3), 'Escape');
    expect(onLeave).toHaveBeenCalledTimes(1);
  });

  it('keeps the active row when new events arrive at the top', () => {
    const { rerender } = setup(rowsUpTo(10));
    item(10).focus();
    key(item(10), 'ArrowDown');
    key(item(9), 'ArrowDown');
    expect(document.activeElement).toBe(item(8));
    rerender(rowsUpTo(12));
    expect(tabStops()).toEqual([item(8)]);
    expect(document.activeElement).toBe(item(8));
    expect(item(8).getAttribute('aria-posinset')).toBe('5');
  });

  it('read-only rows (playback) still move, but have no controls and ignore P', () => {
    setup(rowsUpTo(4), true);
    item(4).focus();
    key(item(4), 'p');
    key(item(4), 'ArrowDown');
    expect(document.activeElement).toBe(item(3));
    expect(within(item(3)).queryByRole('button')).toBeNull();
  });
});

describe('TimelineList fling', () => {
  const scrollTo = (top: number) =>
    act(() => {
      list().scrollTop = top;
      fireEvent.scroll(list());
    });
  const controlled = () => [...list().querySelectorAll<HTMLElement>('[data-row-seq]')].filter((el) => within(el).queryByRole('button', { name: /^Pin event/ }));

  it('a scroll of less than a screen keeps every row whole', () => {
    setup(rowsUpTo(1000), false, true);
    scrollTo(34 * 3);
    expect(item(1000 - 5)).toBeTruthy();
    expect(controlled().length).toBe(list().querySelectorAll('[data-row-seq]').length);
  });

  it('rows flung past (more than a screen at once) leave out their controls until scrolling stops; the active row keeps its own', async () => {
    setup(rowsUpTo(1000), false, true);
    scrollTo(34 * 500);
    const shown = [...list().querySelectorAll<HTMLElement>('[data-row-seq]')];
    expect(shown.length).toBeGreaterThan(5);
    // The active row (the newest, kept rendered above) is the only one with controls while the list flies.
    expect(controlled()).toEqual([item(1000)]);
    expect(within(item(500)).queryByRole('combobox')).toBeNull();
    // Scrolling on by a little while still moving keeps the rows light (the fling has not stopped)...
    scrollTo(34 * 502);
    expect(controlled()).toEqual([item(1000)]);
    // ...and once it stops, every row gets its pin and Mark… back.
    await waitFor(() => expect(within(item(497)).getByRole('button', { name: 'Pin event 497' })).toBeTruthy());
    expect(controlled().length).toBe(list().querySelectorAll('[data-row-seq]').length);
  });

  it('measured rows (a list that is not a window) stay whole when flung: without controls they would change height', () => {
    setup(rowsUpTo(1000));
    scrollTo(34 * 500);
    expect(list().querySelectorAll('[data-row-seq]').length).toBeGreaterThan(5);
    expect(controlled().length).toBe(list().querySelectorAll('[data-row-seq]').length);
  });
});

describe('TimelineRowView author', () => {
  it("names the author's handle and device for a row written on another laptop, and nothing extra for this laptop's rows", () => {
    const other = { ...row(1, 'Rolled back on B'), author: { handle: 'ben', deviceId: 'dev_k3f9aaaaaaaaaaaa' } };
    const mine = { ...row(2, 'Written here'), author: { handle: 'ana', deviceId: 'dev_mmmmmmmmmmmmmmmm' } };
    render(
      <>
        <TimelineRowView row={other} jiraSite={undefined} actions={undefined} localDeviceId="dev_mmmmmmmmmmmmmmmm" />
        <TimelineRowView row={mine} jiraSite={undefined} actions={undefined} localDeviceId="dev_mmmmmmmmmmmmmmmm" />
      </>,
    );
    const label = screen.getByText('@ben · device k3f9');
    expect(label.getAttribute('title')).toBe('Written by @ben on another laptop (device dev_k3f9aaaaaaaaaaaa)');
    expect(screen.queryByText(/@ana · device/)).toBeNull();
    // A windowed timeline keeps each row to one line: the row's own title still names the author and device.
    expect(label.closest('.timeline-body')?.getAttribute('title')).toBe('Rolled back on B — ana (@ben · device k3f9)');
  });
});
