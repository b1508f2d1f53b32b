// Tests for the three paginators (nextPageToken, startAt, offset/more).
import { describe, expect, it } from 'vitest';
import { collect, morePages, startAtPages, tokenPages } from './paginate';

describe('paginators', () => {
  it('follows Jira nextPageToken until isLast', async () => {
    const pages: Record<string, { items: number[]; nextPageToken?: string; isLast: boolean }> = {
      '': { items: [1, 2], nextPageToken: 'a', isLast: false },
      a: { items: [3], nextPageToken: 'b', isLast: false },
      b: { items: [4], isLast: true },
    };
    const asked: (string | undefined)[] = [];
    const all = await collect(tokenPages(async (t) => (asked.push(t), pages[t ?? '']!)));
    expect(all).toEqual([1, 2, 3, 4]);
    expect(asked).toEqual([undefined, 'a', 'b']);
  });

  it('stops on a repeated token instead of looping', async () => {
    const all = await collect(tokenPages(async () => ({ items: [1], nextPageToken: 'same', isLast: false })));
    expect(all).toEqual([1, 1]);
  });

  it('advances Jira startAt by what the server returned when it lowers maxResults', async () => {
    const data = Array.from({ length: 7 }, (_, i) => i);
    const starts: number[] = [];
    const all = await collect(startAtPages(async (startAt) => (starts.push(startAt), { items: data.slice(startAt, startAt + 3), startAt, maxResults: 3, total: 7 })));
    expect(all).toEqual(data);
    expect(starts).toEqual([0, 3, 6]);
  });

  it('continues PagerDuty offset pages while more is true', async () => {
    const data = Array.from({ length: 5 }, (_, i) => `P${i}`);
    const all = await collect(morePages(async (offset) => ({ items: data.slice(offset, offset + 2), offset, limit: 2, more: offset + 2 < data.length })));
    expect(all).toEqual(data);
  });

  it('refuses to page forever', async () => {
    await expect(collect(morePages(async (offset) => ({ items: [offset], more: true }), 3))).rejects.toThrow(/more than 3 pages/);
  });
});
