import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, type IncidentEvent } from '../events';
import { EventClock } from './checkpoints';
import { playbackWindowEnd } from './playback-window';

const min = 60_000;
const t0 = Date.parse('2026-03-01T10:00:00Z');
const base = (seq: number, at: number) => ({ v: EVENT_SCHEMA_VERSION, seq, actor: 'ana', ts: new Date(at).toISOString() }) as const;

function demoLog(): IncidentEvent[] {
  return [
    { ...base(1, t0), type: 'incident.declared', payload: { title: 'Checkout', severity: 'SEV1', commander: 'ana', services: [] } },
    { ...base(2, t0 + 20 * min), type: 'note.added', payload: { text: 'rolled back', kind: 'action' } },
    { ...base(3, t0 + 73 * min), type: 'incident.status_changed', payload: { from: 'monitoring', to: 'resolved' } },
    // Pinned nine months later, during the review.
    { ...base(4, t0 + 270 * 24 * 60 * min), type: 'timeline.entry_pinned', payload: { targetSeq: 2, pinned: true } },
  ];
}

describe('the playback window', () => {
  it('ends at resolution plus a margin, and later annotations lie after it', () => {
    const events = demoLog();
    const end = playbackWindowEnd(events)!;
    expect(end).toBe(t0 + 73 * min + 7.3 * min);
    const clock = new EventClock(events, end);
    expect(clock.start).toBe(t0);
    expect(clock.end).toBe(end);
    expect(clock.afterCount).toBe(1);
    expect(clock.countAt(clock.end)).toBe(3);
    expect(clock.lastEventAt).toBe(t0 + 270 * 24 * 60 * min);
  });

  it('has no window while the incident is open, so the clock runs to the last event', () => {
    const open = demoLog().slice(0, 2);
    expect(playbackWindowEnd(open)).toBeUndefined();
    const clock = new EventClock(open, playbackWindowEnd(open));
    expect(clock.end).toBe(t0 + 20 * min);
    expect(clock.afterCount).toBe(0);
  });

  it('keeps the margin between 2 and 30 minutes', () => {
    const quick = demoLog().slice(0, 1).concat({ ...base(2, t0 + min), type: 'incident.status_changed', payload: { from: 'investigating', to: 'resolved' } });
    expect(playbackWindowEnd(quick)).toBe(t0 + 3 * min);
    const long = demoLog().slice(0, 1).concat({ ...base(2, t0 + 1000 * min), type: 'incident.status_changed', payload: { from: 'investigating', to: 'resolved' } });
    expect(playbackWindowEnd(long)).toBe(t0 + 1030 * min);
  });
});
