// parseLog decodes a log a slice at a time (never the whole file as one string); whatever the slice size, it must give exactly
// what one pass over the whole text gives: the same events, the same quarantined lines with the same line numbers, the same tail.
import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION } from '../../../shared/events';
import { parseLog, parseLogYielding } from './parse-log';

const event = (seq: number, text: string) => JSON.stringify({ v: EVENT_SCHEMA_VERSION, seq, ts: '2026-01-01T00:00:00.000Z', actor: 'ana', type: 'note.added', payload: { text } });
const declared = JSON.stringify({ v: EVENT_SCHEMA_VERSION, seq: 1, ts: '2026-01-01T00:00:00.000Z', actor: 'ana', type: 'incident.declared', payload: { title: 'Slices', severity: 'SEV3', commander: 'ana', services: [] } });

const lines = [
  declared,
  event(2, 'plain ascii'),
  event(3, 'Zoë’s café: 東京 replica lag 🔥'),
  '',
  '{"not":"an event"}',
  event(4, 'x'.repeat(700)),
  '   ',
  event(5, 'Ünïcödé after a long line'),
  'not json at all',
  event(6, 'last complete line'),
];
const bytes = Buffer.from(`${lines.join('\n')}\n{"v":1,"seq":7,"ts":"2026-01-0`, 'utf8');

describe('parseLog', () => {
  it('gives the same result for every slice size, a line longer than a slice and characters outside ASCII included', () => {
    const whole = parseLog(bytes, 'events.jsonl', 0, bytes.length);
    expect(whole.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(whole.problems.map((p) => [p.kind, p.line])).toEqual([
      ['corrupt_line', 5],
      ['corrupt_line', 9],
      ['torn_tail', 11],
    ]);
    for (const sliceBytes of [1, 7, 64, 250, 701, 1024]) {
      expect(parseLog(bytes, 'events.jsonl', 0, sliceBytes)).toEqual(whole);
    }
  });

  it('slices the trusted prefix and the tail separately, each with its own check', () => {
    const trusted = Buffer.byteLength(`${lines.slice(0, 3).join('\n')}\n`);
    const whole = parseLog(bytes, 'events.jsonl', trusted, bytes.length);
    for (const sliceBytes of [1, 33, 512]) expect(parseLog(bytes, 'events.jsonl', trusted, sliceBytes)).toEqual(whole);
    expect((whole.events[2]!.payload as { text: string }).text).toBe('Zoë’s café: 東京 replica lag 🔥');
  });

  it('parseLogYielding gives what parseLog gives and lets other work run between slices', async () => {
    let turns = 0;
    let ticking = true;
    const tick = () => {
      turns++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const yielded = await parseLogYielding(bytes, 'events.jsonl', 0, Infinity, 64);
    ticking = false;
    expect(yielded).toEqual(parseLog(bytes, 'events.jsonl', 0, 64));
    // Slices of 64 bytes over these lines: many pauses, each a turn for the ticking work.
    expect(turns).toBeGreaterThan(5);
  });
});
