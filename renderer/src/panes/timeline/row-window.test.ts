// The keys the timeline's virtualizer gives rows: by event, and for the rows of a window not loaded yet, numbers. The
// virtualizer keys all of a million-row window on its first layout, so what a key costs there is paid a million times before
// the first row of a reopened large incident can paint (the timing itself is measured in bench/timeline-window.bench.ts).
import { describe, expect, it } from 'vitest';
import type { TimelineRow } from '../../../../shared/timeline/timeline-view';
import { arrayWindow, rowKey, type RowWindow } from './row-window';

const row = (seq: number) => ({ seq }) as TimelineRow;

/** A million rows, newest first, of which one page (offset..offset+200) is loaded, as use-timeline-window.ts holds them. */
function millionRowWindow(offset: number): RowWindow {
  const total = 1_000_000;
  const page = Array.from({ length: 200 }, (_, i) => row(total - offset - i));
  return { count: total, windowed: true, at: (i) => (i >= offset ? page[i - offset] : undefined), indexOfSeq: () => -1 };
}

describe('rowKey', () => {
  it('keys a loaded row by its seq, so a measured height stays with its row when a new event moves it down', () => {
    const before = arrayWindow([row(3), row(2), row(1)]);
    const after = arrayWindow([row(4), row(3), row(2), row(1)]);
    expect(rowKey(before, 0)).toBe(3);
    expect(rowKey(after, 1)).toBe(rowKey(before, 0));
  });

  it('keys every row of a million-row window not loaded by a number (no string per row), distinct from every other key', () => {
    const rows = millionRowWindow(500_000);
    const keys = Array.from({ length: rows.count }, (_, i) => rowKey(rows, i));
    expect(keys.every((k) => typeof k === 'number')).toBe(true);
    expect(new Set(keys).size).toBe(rows.count);
    // The loaded page is keyed by seq (positive), the rest by negative numbers no seq can be.
    expect(keys[500_000]).toBe(500_000);
    expect(keys[0]).toBeLessThan(0);
    expect(keys.filter((k) => k > 0)).toHaveLength(200);
  });

  it('gives a row a new key once its page is loaded, and the same key to the same unloaded position every time', () => {
    const empty = millionRowWindow(999_800);
    const loaded = millionRowWindow(0);
    expect(rowKey(empty, 10)).toBe(rowKey(empty, 10));
    expect(rowKey(empty, 10)).not.toBe(rowKey(loaded, 10));
    expect(rowKey(loaded, 10)).toBe(1_000_000 - 10);
  });
});
