import { describe, expect, it } from 'vitest';
import { cockpitProjection, emptyCockpit } from '../playback/cockpit-projection';
import { decisionSeqs } from '../review/review-story';
import { TimelineIndex } from '../timeline/timeline-index';
import { timelineWindowPage } from '../timeline/timeline-window';
import { buildTimelineRows } from '../timeline/timeline-view';
import { noteKinds, pinnedSeqs } from '../updates/audience-facts';
import { applyUpdatesEvent, emptyUpdatesFold, latestDraft } from '../updates/update-history';
import { EntryPinned, EVENT_SCHEMA_VERSION, HandoverAccepted, type IncidentEvent } from '.';
import { EventRefMap, eventIdOf, parseEventId, resolveRef } from './event-refs';

const at = (seq: number) => new Date(Date.parse('2026-02-01T10:00:00Z') + seq * 60_000).toISOString();
const base = (seq: number, id?: string) => ({ v: EVENT_SCHEMA_VERSION, seq, ts: at(seq), actor: 'ana', ...(id ? { id } : {}) }) as const;
const note = (seq: number, text: string, id?: string): IncidentEvent => ({ ...base(seq, id), type: 'note.added', payload: { text, kind: 'note' } });

// Laptop B's log of a shared incident: A's events arrive with A's ids and B's own local seqs, so B's seq 3 holds A's
// event 2 while B's seq 2 is B's own note. Seq 4 was written while B had sync off (no id: its global id is dev_bbbb.4).
const log: IncidentEvent[] = [
  { ...base(1, 'dev_aaaa.1'), type: 'incident.declared', payload: { title: 'Queue stuck', severity: 'SEV2', commander: 'ana', services: [] } },
  note(2, 'B: consumers restarted', 'dev_bbbb.2'),
  note(3, 'A: queue depth 40k', 'dev_aaaa.2'),
  note(4, 'B offline: roll back the batch size'),
  { ...base(5, 'dev_aaaa.3'), type: 'timeline.entry_pinned', payload: { targetId: 'dev_aaaa.2', pinned: true } },
  { ...base(6, 'dev_bbbb.6'), type: 'timeline.entry_classified', payload: { targetId: 'dev_bbbb.4', kind: 'decision' } },
  // Written before global ids: names its entry by B's local seq.
  { ...base(7), type: 'timeline.entry_pinned', payload: { targetSeq: 2, pinned: true } },
  // Names an event this log does not hold: changes nothing.
  { ...base(8, 'dev_bbbb.8'), type: 'timeline.entry_classified', payload: { targetId: 'dev_cccc.3', kind: 'hypothesis' } },
  { ...base(9, 'dev_bbbb.9'), type: 'timeline.entry_classified', payload: { targetId: 'dev_aaaa.2', kind: 'action' } },
];

describe('event references', () => {
  it('names an event by its stamped id, or by the device that wrote it and its seq there', () => {
    expect(eventIdOf({ id: 'dev_aaaa.2', seq: 3 }, 'dev_bbbb')).toBe('dev_aaaa.2');
    expect(eventIdOf({ seq: 4 }, 'dev_bbbb')).toBe('dev_bbbb.4');
    expect(parseEventId('dev_aaaa.12')).toEqual({ deviceId: 'dev_aaaa', seq: 12 });
    expect(parseEventId('dev_aaaa')).toBeUndefined();
  });

  it('resolves a stamped id, an unstamped own event by its seq, and an old reference by local seq', () => {
    const refs = new EventRefMap<number>();
    for (const e of log) refs.add(e, e.seq);
    expect(refs.resolve({ id: 'dev_aaaa.2' })).toBe(3);
    expect(refs.resolve({ id: 'dev_bbbb.4' })).toBe(4);
    expect(refs.resolve({ seq: 2 })).toBe(2);
    // dev_cccc.2 is no stamped id, and B's seq 2 carries its own id: never taken for it.
    expect(refs.resolve({ id: 'dev_cccc.2' })).toBeUndefined();
    expect(refs.resolve({ id: 'dev_cccc.3' })).toBeUndefined();
    expect(resolveRef({ id: 'not an id' }, { byId: () => undefined, bySeq: () => ({ value: 1, stamped: false }) })).toBeUndefined();
  });

  it('new events must name their target; old ones by seq still load', () => {
    const envelope = { v: EVENT_SCHEMA_VERSION, seq: 9, ts: at(9), actor: 'ana' };
    expect(EntryPinned.safeParse({ ...envelope, type: 'timeline.entry_pinned', payload: { pinned: true } }).success).toBe(false);
    expect(EntryPinned.safeParse({ ...envelope, type: 'timeline.entry_pinned', payload: { targetId: 'dev_aaaa', pinned: true } }).success).toBe(false);
    expect(EntryPinned.safeParse({ ...envelope, type: 'timeline.entry_pinned', payload: { targetSeq: 2, pinned: true } }).success).toBe(true);
    expect(HandoverAccepted.safeParse({ ...envelope, type: 'handover.accepted', payload: { from: 'ana', to: 'ben', proposedSeq: 4 } }).success).toBe(true);
    expect(HandoverAccepted.safeParse({ ...envelope, type: 'handover.accepted', payload: { from: 'ana', to: 'ben', proposedId: 'dev_aaaa.7' } }).success).toBe(true);
    expect(HandoverAccepted.safeParse({ ...envelope, type: 'handover.accepted', payload: { from: 'ana', to: 'ben' } }).success).toBe(false);
  });
});

describe('every timeline projection resolves both forms the same way', () => {
  const pinnedExpected = [2, 3];
  const kindsExpected = { 3: 'action', 4: 'decision' };

  it('the whole-log rows', () => {
    const rows = buildTimelineRows(log);
    expect(rows.filter((r) => r.pinned).map((r) => r.seq).sort()).toEqual(pinnedExpected);
    expect(Object.fromEntries(rows.filter((r) => r.kind).map((r) => [r.seq, r.kind]))).toEqual(kindsExpected);
    expect(rows.find((r) => r.seq === 3)).toMatchObject({ id: 'dev_aaaa.2' });
    expect(rows.find((r) => r.seq === 4)).not.toHaveProperty('id');
  });

  it("the core's timeline index, and the lookup the pin service uses", () => {
    const index = new TimelineIndex().addAll(log);
    const page = timelineWindowPage(index, {}, { by: 'newest' }, 50);
    expect(page.pinned.map((r) => r.seq)).toEqual(pinnedExpected);
    expect(Object.fromEntries(page.rows.filter((r) => r.kind).map((r) => [r.seq, r.kind]))).toEqual(kindsExpected);
    expect(index.eventOf({ id: 'dev_aaaa.2' })?.seq).toBe(3);
    expect(index.eventOf({ id: 'dev_bbbb.4' })?.seq).toBe(4);
    expect(index.eventOf({ id: 'dev_cccc.2' })).toBeUndefined();
  });

  it("the core's timeline index that holds no events (reads them from the log by seq) resolves refs the same way", () => {
    const bySeq = new Map(log.map((e) => [e.seq, e]));
    const reads: number[] = [];
    const index = new TimelineIndex((seq) => {
      reads.push(seq);
      return bySeq.get(seq);
    }).addAll(log);
    // Pins and classifications were resolved while folding without reading one event back.
    expect(reads).toEqual([]);
    const page = timelineWindowPage(index, {}, { by: 'newest' }, 50);
    expect(page.pinned.map((r) => r.seq)).toEqual(pinnedExpected);
    expect(Object.fromEntries(page.rows.filter((r) => r.kind).map((r) => [r.seq, r.kind]))).toEqual(kindsExpected);
    reads.length = 0;
    expect(index.eventOf({ id: 'dev_aaaa.2' })?.seq).toBe(3);
    expect(index.eventOf({ id: 'dev_bbbb.4' })?.seq).toBe(4);
    expect(index.eventOf({ id: 'dev_bbbb.2' })?.seq).toBe(2);
    expect(index.eventOf({ id: 'dev_cccc.2' })).toBeUndefined();
    // Only the events found are read (one each), never the log.
    expect(reads).toEqual([3, 4, 2]);
  });

  it('playback: the cockpit fold and the timeline at a moment', () => {
    const projection = cockpitProjection('INC-1');
    const state = log.reduce((s, e) => projection.apply(s, e), emptyCockpit);
    expect([...state.timeline.pinned].filter(([, p]) => p).map(([seq]) => seq).sort()).toEqual(pinnedExpected);
    expect(Object.fromEntries(state.timeline.kinds)).toEqual(kindsExpected);
    const index = new TimelineIndex().addAll(log);
    const atMoment = timelineWindowPage(index, {}, { by: 'newest' }, 50, { upToSeq: 9, annotations: state.timeline });
    expect(atMoment.pinned.map((r) => r.seq)).toEqual(pinnedExpected);
  });

  it('stakeholder updates and the post-incident review', () => {
    expect([...pinnedSeqs(log)].sort()).toEqual(pinnedExpected);
    expect(noteKinds(log).get(4)).toBe('decision');
    expect(noteKinds(log).get(3)).toBe('action');
    expect([...decisionSeqs(log)]).toEqual([4]);
  });

  it("a draft saved on another laptop counts new facts from the event it was based on, at this laptop's seq", () => {
    const drafts: IncidentEvent[] = [
      ...log,
      { ...base(10, 'dev_aaaa.9'), type: 'update.draft_saved', payload: { audience: 'support', source: 'A wrote this', basedOnId: 'dev_aaaa.2' } },
      { ...base(11), type: 'update.draft_saved', payload: { audience: 'executives', source: 'old log', basedOnSeq: 4 } },
    ];
    const fold = drafts.reduce(applyUpdatesEvent, emptyUpdatesFold());
    expect(fold.drafts.get('support')?.basedOnSeq).toBe(3);
    expect(fold.drafts.get('executives')?.basedOnSeq).toBe(4);
    expect(latestDraft(drafts, 'support')?.basedOnSeq).toBe(3);
  });
});
