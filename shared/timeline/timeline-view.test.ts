import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, type IncidentEvent } from '../events';
import { buildTimelineRows, filterTimeline, indexAtTime } from './timeline-view';

const at = (m: number) => new Date(Date.parse('2026-02-01T10:00:00Z') + m * 60_000).toISOString();
const base = (seq: number, actor = 'ana') => ({ v: EVENT_SCHEMA_VERSION, seq, ts: at(seq), actor }) as const;
const events: IncidentEvent[] = [
  { ...base(1), type: 'incident.declared', payload: { title: 'Queue stuck', severity: 'SEV2', commander: 'ana', services: [] } },
  { ...base(2, 'alertmanager'), type: 'alert.fired', payload: { alertname: 'QueueDepthHigh', summary: 'depth 40k', labels: {} } },
  { ...base(3), type: 'note.added', payload: { text: 'Consumer pods OOM-killed', kind: 'observation', happenedAt: at(-5) } },
  { ...base(4, 'ben'), type: 'note.added', payload: { text: 'Maybe the new batch size', kind: 'note' } },
  { ...base(5), type: 'timeline.entry_pinned', payload: { targetSeq: 2, pinned: true } },
  { ...base(6), type: 'timeline.entry_classified', payload: { targetSeq: 4, kind: 'hypothesis' } },
  { ...base(7), type: 'timeline.entry_pinned', payload: { targetSeq: 3, pinned: true } },
  { ...base(8), type: 'timeline.entry_pinned', payload: { targetSeq: 3, pinned: false } },
];

describe('timeline view', () => {
  const rows = buildTimelineRows(events);

  it('applies pins and classifications to their targets and hides the annotation events', () => {
    expect(rows.map((r) => r.seq)).toEqual([3, 1, 2, 4]);
    expect(rows.filter((r) => r.pinned).map((r) => r.seq)).toEqual([2]);
    expect(rows.find((r) => r.seq === 4)!.kind).toBe('hypothesis');
    expect(rows.find((r) => r.seq === 3)!.kind).toBe('observation');
  });

  it('keeps both times of a late report: happened-at and recorded-at', () => {
    const late = rows.find((r) => r.seq === 3)!;
    expect(late.happenedAt).toBe(at(-5));
    expect(late.ts).toBe(at(3));
  });

  it('orders by when things happened, keeps log order for equal times, and marks late arrivals', () => {
    const log: IncidentEvent[] = [
      { ...base(1), type: 'incident.declared', payload: { title: 'Checkout down', severity: 'SEV2', commander: 'ana', services: ['checkout'] } },
      // Seen at 10:02, fired at 10:01:30: within the tolerance, not late.
      { ...base(2, 'alertmanager'), type: 'alert.fired', payload: { alertname: 'ErrorsHigh', summary: 's', labels: {}, startsAt: '2026-02-01T10:01:30.000+00:00' } },
      // Imported at 10:03, committed at 09:10: happened before everything above, so it sorts first and is late.
      { ...base(3, 'git'), type: 'git.commit', payload: { service: 'checkout', sha: 'abcdef1', author: 'bo', message: 'PAY-7 retries', branch: 'main', committedAt: '2026-02-01T09:10:00Z' } },
      { ...base(4, 'git'), type: 'git.tag', payload: { service: 'checkout', tag: 'v1.3.0', sha: 'abcdef1', branch: 'main', committedAt: '2026-02-01T09:10:00Z' } },
      { ...base(5), type: 'note.added', payload: { text: 'reported late, same minute as the declaration', kind: 'note', happenedAt: at(1) } },
    ];
    const ordered = buildTimelineRows(log);
    expect(ordered.map((r) => r.seq)).toEqual([3, 4, 1, 5, 2]);
    expect(ordered.filter((r) => r.late).map((r) => r.seq)).toEqual([3, 4]);
    const commit = ordered[0]!;
    expect(commit.happenedAt).toBe('2026-02-01T09:10:00.000Z');
    expect(commit.ts).toBe(at(3));
    // 30 s out of order is within the tolerance: shown with both times, not marked late.
    expect(ordered.find((r) => r.seq === 5)!.happenedAt).toBe(at(1));
    // A happened-at equal to the recorded time shows no second time.
    const same = buildTimelineRows([{ ...base(1), type: 'note.added', payload: { text: 'now', kind: 'note', happenedAt: at(1) } }]);
    expect(same[0]!.happenedAt).toBeUndefined();
    expect(ordered.find((r) => r.seq === 2)!.happenedAt).toBe('2026-02-01T10:01:30.000Z');
    // Jump to time lands on the row that happened then, not on the one recorded then.
    const newestFirst = [...ordered].reverse();
    expect(newestFirst[indexAtTime(newestFirst, Date.parse('2026-02-01T09:30:00Z'))]!.seq).toBe(4);
  });

  it('filters by source, actor, type, kind, pins and all search words', () => {
    expect(filterTimeline(rows, { sources: new Set(['alerts']) }).map((r) => r.seq)).toEqual([2]);
    expect(filterTimeline(rows, { actor: 'ben' }).map((r) => r.seq)).toEqual([4]);
    expect(filterTimeline(rows, { type: 'note.added' }).map((r) => r.seq)).toEqual([3, 4]);
    expect(filterTimeline(rows, { kind: 'hypothesis' }).map((r) => r.seq)).toEqual([4]);
    expect(filterTimeline(rows, { pinnedOnly: true }).map((r) => r.seq)).toEqual([2]);
    expect(filterTimeline(rows, { text: 'oom consumer' }).map((r) => r.seq)).toEqual([3]);
    expect(filterTimeline(rows, { text: 'oom missing' })).toEqual([]);
  });

  it('finds the row to jump to for a time', () => {
    const newestFirst = [...rows].reverse();
    expect(newestFirst[indexAtTime(newestFirst, Date.parse(at(2)) + 1000)]!.seq).toBe(2);
    expect(newestFirst[indexAtTime(newestFirst, Date.parse(at(100)))]!.seq).toBe(4);
    expect(newestFirst[indexAtTime(newestFirst, Date.parse(at(-100)))]!.seq).toBe(3);
  });
});

describe('metric samples on the timeline', () => {
  it('are hidden by default and shown when asked for, or when their source or type is chosen', () => {
    const row = (seq: number, type: string, source: string) => ({ seq, type, source, actor: 'a', pinned: false, haystack: '' }) as unknown as Parameters<typeof filterTimeline>[0][number];
    const rows = [row(1, 'incident.declared', 'incident'), row(2, 'metric.observed', 'metrics'), row(3, 'alert.fired', 'alerts')];
    expect(filterTimeline(rows, {}).map((r) => r.seq)).toEqual([1, 3]);
    expect(filterTimeline(rows, { showMetricSamples: true }).map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(filterTimeline(rows, { sources: new Set(['metrics'] as const) }).map((r) => r.seq)).toEqual([2]);
    expect(filterTimeline(rows, { type: 'metric.observed' }).map((r) => r.seq)).toEqual([2]);
  });
});
