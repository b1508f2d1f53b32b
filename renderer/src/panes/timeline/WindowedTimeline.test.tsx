// @vitest-environment happy-dom
// The timeline of an incident above the window threshold: the renderer holds only the pages around what is on screen,
// served by timeline.page from a timeline index (here the real one, over a 1,000-event log), and keeps its keyboard model —
// End and Home jump to the real ends by fetching those pages, scrolling fetches the page scrolled to, search asks the core.
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IncidentEvent } from '../../../../shared/events';
import { TimelineIndex } from '../../../../shared/timeline/timeline-index';
import { timelineWindowPage } from '../../../../shared/timeline/timeline-window';
import { appInfo } from '../../test/incident-fixtures';
import { renderWithCore, resetCore } from '../../test/render-with-core';
import { fixedRowSize } from './TimelineList';
import { TimelinePane } from './TimelinePane';
import { WINDOW_PAGE } from './use-timeline-window';
import { buildCockpitReplay } from '../../playback/replay-engine';

const COUNT = 1000;

// happy-dom lays nothing out: the list is about ten rows high and scrolls over every row (34 px each).
const sizes = {
  clientHeight: (el: HTMLElement) => (el.getAttribute('role') === 'list' ? 340 : 0),
  scrollHeight: (el: HTMLElement) => (el.getAttribute('role') === 'list' ? 34 * COUNT : 0),
  offsetHeight: (el: HTMLElement) => (el.getAttribute('role') === 'listitem' ? rowHeight : 0) };
/** What a rendered row measures (a row whose text wraps is taller than its slot). */
let rowHeight = 34;
afterEach(() => {
  rowHeight = 34;
});
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
// happy-dom moves scrollTop on scrollTo but fires no scroll event, which a browser does (the virtualizer listens for it).
const originalScrollTo = HTMLElement.prototype.scrollTo;
beforeAll(() => {
  HTMLElement.prototype.scrollTo = function (this: HTMLElement, options?: ScrollToOptions | number) {
    if (typeof options === 'object' && options.top !== undefined) this.scrollTop = options.top;
    this.dispatchEvent(new Event('scroll'));
  } as typeof HTMLElement.prototype.scrollTo;
});
afterAll(() => {
  HTMLElement.prototype.scrollTo = originalScrollTo;
  for (const [name, descriptor] of Object.entries(original)) if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor);
});
afterEach(resetCore);

function note(seq: number, text: string): IncidentEvent {
  return { v: 1, seq, ts: new Date(Date.UTC(2026, 2, 1, 10, 0, 0, seq * 1000)).toISOString(), actor: 'ana', type: 'note.added', payload: { text, kind: 'note' } } as IncidentEvent;
}

function setup() {
  const events = Array.from({ length: COUNT }, (_, i) => note(i + 1, i % 100 === 0 ? `Failover step ${i + 1}` : `Checked shard ${i + 1}`));
  const index = new TimelineIndex().addAll(events);
  const view = renderWithCore(<TimelinePane incidentId="inc-1" events={[]} windowed />, {
    'app.info': () => appInfo,
    'timeline.page': (input) => timelineWindowPage(index, input.filter, input.anchor, input.limit),
  });
  const pages = () => view.callsTo('timeline.page') as { filter: { text?: string }; anchor: { by: string; position?: number } }[];
  return { ...view, pages };
}

const list = () => screen.getByRole('list', { name: 'Timeline events' });
const rowOf = (seq: number) => list().querySelector<HTMLElement>(`[data-row-seq="${seq}"]`);

describe('a windowed timeline', () => {
  it('paints the newest page only, with the whole count, and never loads the log', async () => {
    const { pages, callsTo } = setup();
    await waitFor(() => expect(rowOf(COUNT)).not.toBeNull());
    expect(screen.getByRole('status', { name: 'Events shown' }).textContent).toBe('1,000 events');
    expect(rowOf(COUNT)!.getAttribute('aria-setsize')).toBe(String(COUNT));
    expect(pages()[0]).toMatchObject({ anchor: { by: 'position', position: 0 } });
    expect(callsTo('timeline.events')).toEqual([]);
    // Rows beyond the first page are not held: the oldest is not in the DOM.
    expect(rowOf(1)).toBeNull();
  });

  it('End fetches the oldest page and focuses the oldest row; Home comes back to the newest', async () => {
    const { pages } = setup();
    await waitFor(() => expect(rowOf(COUNT)).not.toBeNull());
    rowOf(COUNT)!.focus();
    fireEvent.keyDown(rowOf(COUNT)!, { key: 'End' });
    await waitFor(() => expect(document.activeElement?.getAttribute('data-row-seq')).toBe('1'));
    expect(pages().at(-1)!.anchor.position).toBeGreaterThanOrEqual(COUNT - WINDOW_PAGE);
    expect(rowOf(1)!.getAttribute('aria-posinset')).toBe(String(COUNT));
    expect(rowOf(1)!.tabIndex).toBe(0);
    fireEvent.keyDown(rowOf(1)!, { key: 'Home' });
    await waitFor(() => expect(document.activeElement?.getAttribute('data-row-seq')).toBe(String(COUNT)));
  });

  it('scrolling far down fetches the page scrolled to', async () => {
    const { pages } = setup();
    await waitFor(() => expect(rowOf(COUNT)).not.toBeNull());
    act(() => {
      list().scrollTop = 600 * 34;
      fireEvent.scroll(list());
    });
    // Row 600 (newest first) is seq 400.
    await waitFor(() => expect(rowOf(COUNT - 600)).not.toBeNull());
    const position = pages().at(-1)!.anchor.position!;
    expect(position).toBeLessThanOrEqual(600);
    expect(position + WINDOW_PAGE).toBeGreaterThan(600);
  });

  it('a fling asks for one page of the rows it passes, not one per scroll event, and for the rows it stops on', async () => {
    const { pages } = setup();
    await waitFor(() => expect(rowOf(COUNT)).not.toBeNull());
    const before = pages().length;
    // Sixteen scroll events, 50 rows (five screens) apart, in one go: 800 rows, four pages' worth.
    for (let i = 1; i <= 16; i++) {
      act(() => {
        list().scrollTop = i * 50 * 34;
        fireEvent.scroll(list());
      });
    }
    expect(pages().length).toBe(before);
    // Where it stopped (row 800 from the top is seq 200), one page arrives.
    await waitFor(() => expect(rowOf(COUNT - 800)).not.toBeNull());
    expect(pages().length - before).toBe(1);
    const position = pages().at(-1)!.anchor.position!;
    expect(position).toBeLessThanOrEqual(800);
    expect(position + WINDOW_PAGE).toBeGreaterThan(810);
  });

  it('lays rows out in fixed slots: a taller row or a page arriving never moves the rows on screen', async () => {
    rowHeight = 60;
    const { pages } = setup();
    await waitFor(() => expect(rowOf(COUNT)).not.toBeNull());
    const slot = (seq: number) => rowOf(seq)!.style.transform;
    expect(slot(COUNT - 5)).toBe(`translateY(${5 * 34}px)`);
    act(() => {
      list().scrollTop = 600 * 34;
      fireEvent.scroll(list());
    });
    // Row 600 (newest first) is seq 400: its page arrives in place of the loading rows, at the place scrolled to.
    await waitFor(() => expect(rowOf(COUNT - 600)).not.toBeNull());
    expect(pages().length).toBeGreaterThan(1);
    expect(list().scrollTop).toBe(600 * 34);
    expect(slot(COUNT - 600)).toBe(`translateY(${600 * 34}px)`);
    expect((list().firstElementChild as HTMLElement).style.height).toBe(`${COUNT * 34}px`);
  });

  it('measures a row at its slot unless it shows a published update (so a million rows are never laid out again)', () => {
    const row = document.createElement('div');
    row.getBoundingClientRect = () => ({ height: 212.4 }) as DOMRect;
    expect(fixedRowSize(30)(row)).toBe(30);
    row.innerHTML = '<div class="timeline-detail">Update text</div>';
    expect(fixedRowSize(30)(row)).toBe(212);
  });

  it('search asks the core for the matching rows and shows their count', async () => {
    const { pages } = setup();
    await waitFor(() => expect(rowOf(COUNT)).not.toBeNull());
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search timeline' }), { target: { value: 'failover' } });
    await waitFor(() => expect(screen.getByRole('status', { name: 'Events shown' }).textContent).toBe('10 of 1,000 events'));
    expect(pages().at(-1)!.filter.text).toBe('failover');
    expect(rowOf(901)).not.toBeNull();
    expect(rowOf(COUNT)).toBeNull();
  });
});

describe('a windowed timeline while the core builds its index', () => {
  it('shows the newest rows at once, says it is indexing, and shows no rows for a search until the index answers it', async () => {
    const events = Array.from({ length: COUNT }, (_, i) => note(i + 1, i % 100 === 0 ? `Failover step ${i + 1}` : `Checked shard ${i + 1}`));
    const index = new TimelineIndex().addAll(events);
    // What the core's tail page gives: the newest rows from the log's end, the count estimated from the first seq read.
    const tail = new TimelineIndex().addAll(events.slice(-2 * WINDOW_PAGE));
    let indexed = false;
    const waiting: (() => void)[] = [];
    const built = () => new Promise<void>((resolve) => (indexed ? resolve() : waiting.push(resolve)));
    renderWithCore(<TimelinePane incidentId="inc-1" events={[]} windowed />, {
      'app.info': () => appInfo,
      'timeline.page': async (input) => {
        const unfiltered = !input.filter.text && input.anchor.by === 'position' && input.anchor.position === 0;
        if (!indexed && unfiltered) {
          const page = timelineWindowPage(tail, input.filter, input.anchor, input.limit);
          return { ...page, total: COUNT, rowCount: COUNT, provisional: true };
        }
        await built();
        return timelineWindowPage(index, input.filter, input.anchor, input.limit);
      },
    });
    await waitFor(() => expect(rowOf(COUNT)).not.toBeNull());
    const shown = () => screen.getByRole('status', { name: 'Events shown' }).textContent;
    expect(shown()).toBe('About 1,000 events');
    expect(screen.getByRole('status', { name: 'Timeline index' }).textContent).toMatch(/newest events are shown/);

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search timeline' }), { target: { value: 'failover' } });
    await waitFor(() => expect(shown()).toBe('Indexing…'));
    expect(screen.getByRole('status', { name: 'Timeline index' }).textContent).toMatch(/search and filters answer as soon as it is ready/);
    // The unfiltered rows are not left on screen as if they answered the search.
    expect(rowOf(COUNT)).toBeNull();

    indexed = true;
    for (const resolve of waiting.splice(0)) resolve();
    await waitFor(() => expect(shown()).toBe('10 of 1,000 events'));
    expect(rowOf(901)).not.toBeNull();
    expect(screen.queryByRole('status', { name: 'Timeline index' })).toBeNull();
  });

  it('at a playback moment its rows sit in slots too, and a seek builds the rows on screen, not every row recorded by then', async () => {
    const events = Array.from({ length: COUNT }, (_, i) => note(i + 1, `Checked shard ${i + 1}`));
    const replay = await buildCockpitReplay('inc-1', events);
    const moment = (n: number) => ({ at: Date.parse(events[n - 1]!.ts), state: replay.cockpit.stateAfter(n), timelineIndex: replay.timelineIndex });
    let seekTo!: (n: number) => void;
    function Playback() {
      const [n, setN] = useState(COUNT);
      seekTo = setN;
      return <TimelinePane incidentId="inc-1" events={[]} windowed asOf={moment(n)} />;
    }
    renderWithCore(<Playback />, { 'app.info': () => appInfo });
    await waitFor(() => expect(rowOf(COUNT)).not.toBeNull());
    expect(list().classList.contains('fixed-rows')).toBe(true);
    const built = vi.spyOn(TimelineIndex.prototype, 'row');
    try {
      act(() => seekTo(700));
      await waitFor(() => expect(rowOf(700)).not.toBeNull());
      expect(rowOf(701)).toBeNull();
      expect(screen.getByRole('status', { name: 'Events shown' }).textContent).toBe('700 events');
      // The list asks every index for its key on each change: keys come from the index, rows only for what renders.
      expect(built.mock.calls.length).toBeLessThan(80);
    } finally {
      built.mockRestore();
    }
  });
});
