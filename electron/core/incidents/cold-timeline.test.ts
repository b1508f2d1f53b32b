// The first timeline page from the log's tail (cold-timeline.ts, store/log-tail.ts): the same rows as the indexed newest
// page for a log whose last line is torn and for one whose newest events are not covered by the seal; provisional until
// the index is built; and filtered pages and searches asked before then wait for the index instead of answering from the tail.
import { existsSync } from 'node:fs';
import { appendFile, copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NewEvent } from '../../../shared/events';
import { TimelineIndex } from '../../../shared/timeline/timeline-index';
import { timelineWindowPage, type TimelineSearchResult, type TimelineWindowPage } from '../../../shared/timeline/timeline-window';
import { IncidentLog, LOG_FILE } from '../store/incident-log';
import { sealFileOf } from '../store/log-seal';
import { readLogTail } from '../store/log-tail';
import { parseLog } from '../store/parse-log';
import { startCore, type FirebreakCore } from '../firebreak-core';
import { IncidentStore } from '../store/incident-store';
import { ColdTimeline, pageFromTail } from './cold-timeline';

const ID = '2026-01-01-cold-first-page-abc123';
let dataDir: string;
let dir: string;
let file: string;

/** `count` events after the declaration: notes (some late, back-dated), metric samples, pins and classifications of earlier rows. */
function eventsAfter(from: number, count: number): NewEvent[] {
  const events: NewEvent[] = [];
  for (let seq = from; seq < from + count; seq++) {
    if (seq % 7 === 0) events.push({ type: 'metric.observed', actor: 'prometheus', payload: { service: 'api', metric: 'p99_latency', value: seq, unit: 'ms' } });
    else if (seq % 11 === 0) events.push({ type: 'timeline.entry_pinned', actor: 'kim', payload: { targetSeq: seq - 2, pinned: true } });
    else if (seq % 13 === 0) events.push({ type: 'timeline.entry_classified', actor: 'kim', payload: { targetSeq: seq - 1, kind: 'decision' } });
    else events.push({ type: 'note.added', actor: seq % 2 ? 'kim' : 'ana', payload: { text: `Checked shard ${seq}`, kind: 'note' } });
  }
  return events;
}

async function writeLog(count: number): Promise<void> {
  const log = await IncidentLog.open(dir);
  await log.append([{ type: 'incident.declared', actor: 'kim', payload: { title: 'Cold first page', severity: 'SEV2', commander: 'kim', services: [] } }]);
  await log.append(eventsAfter(2, count - 1));
  await log.close();
}

/** The newest page as the core's index gives it once the log is opened (a full validation of the same bytes). */
async function indexedPage(limit: number, filter = {}): Promise<TimelineWindowPage> {
  const { events } = parseLog(await readFile(file), file, 0);
  return timelineWindowPage(new TimelineIndex().addAll(events), filter, { by: 'newest' }, limit);
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'firebreak-cold-page-'));
  dir = join(dataDir, 'incidents', ID);
  await mkdir(dir, { recursive: true });
  file = join(dir, LOG_FILE);
  await writeLog(3000);
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

describe('the first page from the log tail', () => {
  it('has the rows of the indexed newest page, reading only the end of the log', async () => {
    const tail = await readLogTail(file, { maxBytes: 1 << 20, enough: (events) => events.length >= 300 });
    expect(tail.wholeLog).toBe(false);
    expect(tail.events.at(-1)!.seq).toBe(3000);
    const page = await pageFromTail(file, { filter: {}, anchor: { by: 'newest' }, limit: 100 });
    const indexed = await indexedPage(100);
    expect(page!.rows).toEqual(indexed.rows);
    expect(page!.rows.some((r) => r.pinned) && page!.rows.some((r) => r.kind === 'decision')).toBe(true);
    expect(page).toMatchObject({ provisional: true, offset: 0, lastSeq: indexed.lastSeq });
    // Estimated from the seq of the tail's first event and the share of rows in the tail: close for a uniform log.
    expect(Math.abs(page!.total - indexed.total) / indexed.total).toBeLessThan(0.02);
  });

  for (const [name, torn] of [
    ['a half-written line', '{"v":1,"seq":3001,"ts":"2026-01-01T00:00:00.000Z","actor":"kim","type":"note.ad'],
    ['a complete event without its newline', JSON.stringify({ v: 1, seq: 3001, ts: new Date().toISOString(), actor: 'kim', type: 'note.added', payload: { text: 'Never acknowledged', kind: 'note' } })],
  ] as const) {
    it(`leaves out a torn last line (${name}), as opening the log does`, async () => {
      await appendFile(file, torn);
      const page = await pageFromTail(file, { filter: {}, anchor: { by: 'newest' }, limit: 100 });
      const indexed = await indexedPage(100);
      expect(page!.rows).toEqual(indexed.rows);
      expect(page!.lastSeq).toBe(3000);
      // The store's open agrees: it sets the torn bytes aside.
      const log = await IncidentLog.open(dir);
      expect(log.lastSeq).toBe(3000);
      await log.close();
    });
  }

  it('leaves out a corrupt line in the tail and pages further from the newest end', async () => {
    await appendFile(file, 'not an event\n');
    const indexed = await indexedPage(300);
    const near = await pageFromTail(file, { filter: {}, anchor: { by: 'position', position: 100 }, limit: 100 });
    expect(near!.rows).toEqual(indexed.rows.slice(100, 200));
    // Filters, searches and places far from the end are not answered from the tail.
    expect(await pageFromTail(file, { filter: { text: 'shard' }, anchor: { by: 'newest' }, limit: 100 })).toBeUndefined();
    expect(await pageFromTail(file, { filter: { actor: 'kim' }, anchor: { by: 'newest' }, limit: 100 })).toBeUndefined();
    expect(await pageFromTail(file, { filter: {}, anchor: { by: 'oldest' }, limit: 100 })).toBeUndefined();
  });
});

describe('timeline.page before the index is built', () => {
  let core: FirebreakCore;
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const result = (await core.router.dispatch(channel as never, input as never)) as { ok: boolean; value?: T; error?: { message: string } };
    if (!result.ok) throw new Error(result.error?.message);
    return result.value as T;
  };
  const start = async () => {
    core = await startCore({ dataDir, assetsDir: join(__dirname, '..', '..', '..', 'assets'), mode: 'browser', version: 'test', operator: 'tester', seedDemo: false, backgroundSync: false });
  };
  afterEach(() => core.close());

  it('answers the newest page from an unsealed tail with the rows the index gives once built', async () => {
    // The seal covers the first 3,000 events; the last 40 were appended after it (a crash before the seal was rewritten).
    await copyFile(sealFileOf(file), `${sealFileOf(file)}.before`);
    const log = await IncidentLog.open(dir);
    await log.append(eventsAfter(3001, 40));
    await log.close();
    await copyFile(`${sealFileOf(file)}.before`, sealFileOf(file));
    await start();

    const first = await call<TimelineWindowPage>('timeline.page', { incidentId: ID, anchor: { by: 'position', position: 0 }, limit: 100 });
    expect(first.provisional).toBe(true);
    expect(first.lastSeq).toBe(3040);
    const indexed = await indexedPage(100);
    expect(first.rows).toEqual(indexed.rows);

    // The index is built in the background: the same request then answers from it, exactly.
    await expect.poll(async () => (await call<TimelineWindowPage>('timeline.page', { incidentId: ID, limit: 100 })).provisional ?? false).toBe(false);
    const later = await call<TimelineWindowPage>('timeline.page', { incidentId: ID, limit: 100 });
    expect(later).toEqual(indexed);
    expect(later.rows).toEqual(first.rows);
  });

  it('makes a filtered page and a search wait for the index rather than answer from the tail', async () => {
    await start();
    const [filtered, search, newest] = await Promise.all([
      call<TimelineWindowPage>('timeline.page', { incidentId: ID, filter: { actor: 'ana' }, limit: 50 }),
      call<TimelineSearchResult>('timeline.search', { incidentId: ID, filter: { text: 'shard 5' }, limit: 50 }),
      call<TimelineWindowPage>('timeline.page', { incidentId: ID, anchor: { by: 'oldest' }, limit: 50 }),
    ]);
    expect(filtered).toEqual(await indexedPage(50, { actor: 'ana' }));
    expect(filtered.provisional).toBeUndefined();
    expect(search.count).toBe((await indexedPage(1, { text: 'shard 5' })).total);
    expect(newest.rows.at(-1)!.type).toBe('incident.declared');
  });

  it('answers the first page of a large incident listed from its summary before another pane\'s request opens its log', async () => {
    process.env.FIREBREAK_TIMELINE_WINDOW = '50';
    try {
      // A first run opens the log and writes its summary; the next start lists the incident from it, without opening the log.
      await start();
      await core.close();
      expect(existsSync(join(dir, 'summary.json'))).toBe(true);
      await start();
      const answered: string[] = [];
      // Another pane asks first; its request needs the opened log, and waits until the first timeline page is answered.
      const other = call('timeline.events', { incidentId: ID, limit: 10 }).then(() => answered.push('other pane'));
      const page = call<TimelineWindowPage>('timeline.page', { incidentId: ID, anchor: { by: 'position', position: 0 }, limit: 100 }).then((p) => {
        answered.push('first page');
        return p;
      });
      const header = await call<{ state: { eventCount: number } }>('incidents.get', { incidentId: ID });
      expect(header.state.eventCount).toBe(3000);
      expect((await page).provisional).toBe(true);
      await other;
      expect(answered).toEqual(['first page', 'other pane']);
    } finally {
      delete process.env.FIREBREAK_TIMELINE_WINDOW;
    }
  });
});

describe('the open held back for the first page', () => {
  const state = (p: Promise<void>) => Promise.race([p.then(() => 'released'), new Promise((r) => setImmediate(() => r('held')))]);
  let store: IncidentStore;
  beforeEach(async () => {
    // Closing a lazy store writes the summary the next one lists the incident from.
    await (await IncidentStore.open(dataDir, {}, { lazy: true })).close();
    store = await IncidentStore.open(dataDir, {}, { lazy: true });
    expect(store.get(ID).summary?.lastSeq).toBe(3000);
  });
  afterEach(async () => {
    vi.useRealTimers();
    await store.close();
  });

  it('holds a large incident\'s open until its first timeline page is answered from the tail', async () => {
    const cold = new ColdTimeline(store, { windowFrom: 50 });
    const gate = cold.beforeOpen(ID);
    expect(await state(gate)).toBe('held');
    const page = await cold.tailPage({ incidentId: ID, filter: {}, anchor: { by: 'position', position: 0 }, limit: 100 });
    expect(page?.provisional).toBe(true);
    expect(await state(gate)).toBe('released');
    expect(await state(cold.beforeOpen(ID))).toBe('released');
    await cold.whenIndexed(ID);
    expect(store.get(ID).summary).toBeUndefined();
  });

  it('lets the open go ahead after the grace period when no page is asked for, and never holds a small incident', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const cold = new ColdTimeline(store, { windowFrom: 50 });
    const gate = cold.beforeOpen(ID);
    expect(await state(gate)).toBe('held');
    vi.advanceTimersByTime(2000);
    expect(await state(gate)).toBe('released');
    expect(await state(new ColdTimeline(store, { windowFrom: 5000 }).beforeOpen(ID))).toBe('released');
  });
});
