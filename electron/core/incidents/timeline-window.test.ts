// timeline.page and timeline.search through the core's router: pages of the filtered timeline around any anchor and search
// hits, served from the incident's timeline index and kept current as events append — equal to filtering the whole log.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IncidentEvent } from '../../../shared/events';
import { buildTimelineRows, filterTimeline } from '../../../shared/timeline/timeline-view';
import type { TimelineSearchResult, TimelineWindowPage } from '../../../shared/timeline/timeline-window';
import { startCore, type FirebreakCore } from '../firebreak-core';

let dataDir: string;
let core: FirebreakCore;
let incidentId: string;

async function call<T>(channel: string, input: unknown): Promise<T> {
  const result = (await core.router.dispatch(channel as never, input as never)) as { ok: boolean; value?: T; error?: { message: string } };
  if (!result.ok) throw new Error(result.error?.message);
  return result.value as T;
}

const dispatch = (channel: string, input: unknown) => core.router.dispatch(channel as never, input as never) as Promise<{ ok: boolean; error?: { code: string; message: string } }>;

async function allRowsNewestFirst(text?: string) {
  const { events } = await call<{ events: IncidentEvent[] }>('timeline.events', { incidentId, limit: 20000 });
  return filterTimeline(buildTimelineRows(events), text ? { text } : {}).reverse();
}

const strip = <T extends { haystack: string }>(rows: T[]) => rows.map(({ haystack: _h, ...r }) => r);

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'firebreak-timeline-window-'));
  core = await startCore({ dataDir, assetsDir: join(__dirname, '..', '..', '..', 'assets'), mode: 'browser', version: 'test', operator: 'tester', seedDemo: false, backgroundSync: false });
  incidentId = (await call<{ id: string }>('incidents.declare', { title: 'Checkout latency', severity: 'SEV2', commander: 'kim' })).id;
  for (let i = 1; i <= 40; i++) await call('incidents.addNote', { incidentId, text: i % 10 === 0 ? `Database failover step ${i}` : `Checked shard ${i}` });
});
afterEach(async () => {
  await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('timeline.page', () => {
  it('serves pages from the newest end, the oldest end, a place, an event and a time, as the whole filtered log orders them', async () => {
    const all = strip(await allRowsNewestFirst());
    const newest = await call<TimelineWindowPage>('timeline.page', { incidentId, limit: 10 });
    expect(newest).toMatchObject({ offset: 0, total: all.length, rowCount: all.length });
    expect(newest.rows).toEqual(all.slice(0, 10));
    const oldest = await call<TimelineWindowPage>('timeline.page', { incidentId, anchor: { by: 'oldest' }, limit: 10 });
    expect(oldest.offset).toBe(all.length - 10);
    expect(oldest.rows).toEqual(all.slice(-10));
    const middle = await call<TimelineWindowPage>('timeline.page', { incidentId, anchor: { by: 'position', position: 15 }, limit: 10 });
    expect(middle.rows).toEqual(all.slice(15, 25));
    const target = all[30]!;
    const bySeq = await call<TimelineWindowPage>('timeline.page', { incidentId, anchor: { by: 'seq', seq: target.seq }, limit: 10 });
    expect(bySeq.anchorPosition).toBe(30);
    expect(bySeq.rows[bySeq.anchorPosition - bySeq.offset]).toEqual(target);
    const byTime = await call<TimelineWindowPage>('timeline.page', { incidentId, anchor: { by: 'time', at: target.at }, limit: 10 });
    expect(all[byTime.anchorPosition]!.at).toBeLessThanOrEqual(target.at);
  });

  it('shows an appended event at the top of the next page, and a pin in the pinned rows', async () => {
    const before = await call<TimelineWindowPage>('timeline.page', { incidentId, limit: 5 });
    const added = await call<IncidentEvent>('incidents.addNote', { incidentId, text: 'Rolled back the release' });
    const { deviceId } = await call<{ deviceId: string }>('identity.get', {});
    await call('timeline.pin', { incidentId, targetId: `${deviceId}.${added.seq}`, pinned: true });
    // A row is named by its event's global id; an id no event on this timeline has is refused, and nothing is written.
    const unknown = await dispatch('timeline.pin', { incidentId, targetId: `dev_elsewhere.${added.seq}`, pinned: true });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringMatching(/not in this incident's timeline/) } });
    expect((await dispatch('timeline.classify', { incidentId, targetId: `${deviceId}.${added.seq + 1000}`, kind: 'decision' })).ok).toBe(false);
    const after = await call<TimelineWindowPage>('timeline.page', { incidentId, limit: 5 });
    expect(after.total).toBe(before.total + 1);
    expect(after.rows[0]).toMatchObject({ seq: added.seq, text: 'Rolled back the release', pinned: true });
    expect(after.rows.slice(1)).toEqual(before.rows.slice(0, 4));
    expect(after.pinned.map((r) => r.seq)).toEqual([added.seq]);
    expect(after.facets.actors).toEqual(['tester']);
  });

  it('refuses an anchor it does not know with a clear error', async () => {
    const result = await dispatch('timeline.page', { incidentId, anchor: { by: 'page', page: 3 } });
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('validation');
  });
});

describe('timeline.search', () => {
  it('counts the hits, lists their seqs newest first and serves their first page, also after an append', async () => {
    const hits = strip(await allRowsNewestFirst('failover'));
    const found = await call<TimelineSearchResult>('timeline.search', { incidentId, filter: { text: 'failover' }, limit: 2 });
    expect(found.count).toBe(4);
    expect(found.seqs).toEqual(hits.map((r) => r.seq));
    expect(found.page.rows).toEqual(hits.slice(0, 2));
    const added = await call<IncidentEvent>('incidents.addNote', { incidentId, text: 'Failover done' });
    const again = await call<TimelineSearchResult>('timeline.search', { incidentId, filter: { text: 'FAILOVER' } });
    expect(again.count).toBe(5);
    expect(again.seqs[0]).toBe(added.seq);
  });

  it('says what to do when the search text is empty', async () => {
    const result = await dispatch('timeline.search', { incidentId, filter: { text: '  ' } });
    expect(result.ok).toBe(false);
    expect(result.error?.message).toContain('Type something to search for');
  });
});
