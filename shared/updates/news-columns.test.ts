// The update-context fold's columns: note kinds by seq in any order (team merge order, re-classification of older notes),
// growth past the initial capacity, and which newsworthy events are kept whole.
import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, type IncidentEvent, type NoteKind } from '../events';
import { Column } from '../timeline/columns';
import { NewsColumns, NoteKindColumn } from './news-columns';

const ts = '2026-11-25T12:00:00.000Z';
const note = (seq: number, text: string, kind: NoteKind): IncidentEvent => ({ v: EVENT_SCHEMA_VERSION, seq, ts, actor: 'ana', type: 'note.added', payload: { text, kind } });

describe('Column.put', () => {
  it('writes rows past the end in any order, growing zero-filled, and keeps what was there', () => {
    const column = new Column(Uint8Array, 4);
    column.put(2, 7);
    column.put(0, 1);
    column.put(9, 3);
    expect(column.length).toBe(10);
    expect(column.raw.length).toBeGreaterThanOrEqual(10);
    expect(Array.from(column.raw.subarray(0, 10))).toEqual([1, 0, 7, 0, 0, 0, 0, 0, 0, 3]);
    column.put(1, 5);
    expect(column.length).toBe(10);
    expect(column.get(1)).toBe(5);
  });
});

describe('NoteKindColumn', () => {
  it('answers undefined for seqs never written, before and past the end', () => {
    const kinds = new NoteKindColumn();
    kinds.set(3, 'observation');
    expect([kinds.get(0), kinds.get(2), kinds.get(4), kinds.get(1_000_000), kinds.get(-1)]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(kinds.get(3)).toBe('observation');
  });

  it('takes seqs out of order (a team merge order) and re-classifies an older note', () => {
    const kinds = new NoteKindColumn();
    // Remote events sequenced first got high local seqs; this laptop's offline notes (low seqs) are folded after them.
    for (const [seq, kind] of [[40, 'decision'], [41, 'note'], [5, 'hypothesis'], [6, 'action'], [42, 'observation']] as const) kinds.set(seq, kind);
    kinds.set(5, 'decision');
    kinds.set(41, 'hypothesis');
    expect([5, 6, 40, 41, 42].map((seq) => kinds.get(seq))).toEqual(['decision', 'action', 'decision', 'hypothesis', 'observation']);
  });

  it('grows past its initial capacity without losing or shifting kinds', () => {
    const kinds = new NoteKindColumn();
    const all: NoteKind[] = ['note', 'observation', 'hypothesis', 'decision', 'action'];
    // Descending, so the first write already lands far past the initial 1024 rows.
    for (let seq = 5000; seq >= 1; seq--) kinds.set(seq, all[seq % all.length]!);
    kinds.set(70_000, 'action');
    expect(Array.from({ length: 5000 }, (_, i) => kinds.get(i + 1)).every((kind, i) => kind === all[(i + 1) % all.length])).toBe(true);
    expect([kinds.get(69_999), kinds.get(70_000), kinds.get(70_001)]).toEqual([undefined, 'action', undefined]);
  });

  it('refuses a seq that is not a local one, rather than writing somewhere else', () => {
    expect(() => new NoteKindColumn().set(1.5, 'note')).toThrow(/local seq/);
    expect(() => new NoteKindColumn().set(-2, 'note')).toThrow(/local seq/);
  });
});

describe('NewsColumns', () => {
  it('keeps newsworthy events in fold order, whole only when not a plain note, observation or hypothesis', () => {
    const news = new NewsColumns();
    const status: IncidentEvent = { v: EVENT_SCHEMA_VERSION, seq: 9, ts, actor: 'ana', type: 'incident.status_changed', payload: { from: 'investigating', to: 'identified', reason: 'Found it' } };
    const metric: IncidentEvent = { v: EVENT_SCHEMA_VERSION, seq: 10, ts, actor: 'prom', type: 'metric.observed', payload: { service: 'api', metric: 'p99', value: 1, unit: 'ms' } };
    const decision = note(4, 'Roll back', 'decision');
    const pushed = [note(7, 'queue rising', 'observation'), status, metric, decision, note(2, 'ok', 'note'), note(3, 'maybe DNS', 'hypothesis')].map((e) => news.push(e));
    expect(pushed).toEqual([true, true, false, true, true, true]);
    const rows = Array.from({ length: news.length }, (_, i) => i);
    expect(rows.map((i) => news.seqAt(i))).toEqual([7, 9, 4, 2, 3]);
    expect(rows.map((i) => news.typeAt(i))).toEqual(['note.added', 'incident.status_changed', 'note.added', 'note.added', 'note.added']);
    expect(rows.map((i) => news.ackOnlyAt(i))).toEqual([false, false, false, true, false]);
    expect(rows.map((i) => news.eventAt(i))).toEqual([undefined, status, decision, undefined, undefined]);
    expect(news.keptCount).toBe(2);
  });

  it('grows past its initial capacity', () => {
    const news = new NewsColumns();
    for (let seq = 1; seq <= 3000; seq++) news.push(note(seq, seq % 2 ? 'ok' : `note ${seq}`, 'note'));
    expect(news.length).toBe(3000);
    expect([news.seqAt(0), news.seqAt(1024), news.seqAt(2999)]).toEqual([1, 1025, 3000]);
    expect([news.ackOnlyAt(0), news.ackOnlyAt(1)]).toEqual([true, false]);
    expect(news.keptCount).toBe(0);
  });
});
