import fc from 'fast-check';
import { expect, it } from 'vitest';
import { IncidentEvent } from '../events';
import { markerCandidate, markersInRange, MAX_MARKERS, type MarkerCandidate } from './event-markers';
import { describeMarker, MarkerColumns } from './marker-columns';

const START = Date.parse('2026-11-25T10:00:00.000Z');
const iso = (minute: number) => new Date(START + minute * 60_000).toISOString();

// One event a step: plain notes (thinned), decisions and deploys (significant), status changes, late notes, and events that
// are no marker at all (alerts, rollback steps).
const stepArb = fc.record({ what: fc.constantFrom('note', 'note', 'note', 'note', 'note', 'late', 'decision', 'deploy', 'status', 'alert', 'step'), minute: fc.nat({ max: 600 }) });

function eventOf(seq: number, { what, minute }: { what: string; minute: number }): IncidentEvent {
  const base = { v: 1, seq, ts: iso(minute), actor: `a${seq % 3}` };
  const payloads: Record<string, [string, unknown]> = {
    note: ['note.added', { text: `note ${seq}` }],
    decision: ['note.added', { text: `decided ${seq}`, kind: 'decision' }],
    late: ['note.added', { text: `late ${seq}`, happenedAt: iso(Math.max(0, minute - 30)) }],
    deploy: ['deploy.started', { service: 'checkout', version: `v${seq}`, strategy: 'canary' }],
    status: ['incident.status_changed', { from: 'investigating', to: 'mitigating' }],
    alert: ['alert.fired', { alertname: 'A', summary: 's' }],
    step: ['rollback.step', { rollbackId: 'rb-0001', step: 'push', label: 'Push', status: 'started' }],
  };
  const [type, payload] = payloads[what]!;
  return IncidentEvent.parse({ ...base, type, payload });
}

it('gives the markers markersInRange gives, thinned the same way, describing only those it shows', () => {
  fc.assert(
    fc.property(fc.array(stepArb, { minLength: 0, maxLength: 1200, size: 'max' }), fc.nat({ max: 600 }), fc.nat({ max: 600 }), (steps, a, b) => {
      const events = steps.map((s, i) => eventOf(i + 1, s));
      const candidates: MarkerCandidate[] = [];
      const columns = new MarkerColumns();
      for (const e of events) {
        const c = markerCandidate(e);
        if (c) candidates.push(c);
        columns.add(e);
      }
      const [from, to] = [START + Math.min(a, b) * 60_000, START + Math.max(a, b) * 60_000];
      const described: number[] = [];
      const got = columns.inRange(from, to, (seq) => {
        described.push(seq);
        return describeMarker(events[seq - 1]!);
      });
      expect(got).toEqual(markersInRange(candidates, from, to));
      expect(described.length).toBe(got.length);
      // Playback: only the candidates recorded up to its cursor (late notes sit earlier than they were recorded).
      const cursor = START + ((a * 7) % 600) * 60_000;
      const upTo = columns.inRange(from, to, (seq) => describeMarker(events[seq - 1]!), cursor);
      expect(upTo).toEqual(markersInRange(candidates.filter((c) => c.recordedAt <= cursor), from, to));
      expect(got.length).toBeLessThanOrEqual(Math.max(MAX_MARKERS, candidates.filter((c) => c.significant).length));
    }),
    { numRuns: 40, endOnFailure: true },
  );
});
