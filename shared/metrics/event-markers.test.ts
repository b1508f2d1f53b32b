import { describe, expect, it } from 'vitest';
import { IncidentEvent } from '../events';
import { MAX_MARKERS, markersFromEvents, markersNear } from './event-markers';

const ev = (seq: number, ts: string, type: string, payload: unknown) => IncidentEvent.parse({ v: 1, seq, ts, actor: 'ic', type, payload });

describe('markersFromEvents', () => {
  const events = [
    ev(1, '2026-11-25T10:00:00.000Z', 'incident.declared', { title: 'Checkout down', severity: 'SEV1', commander: 'ic', services: ['checkout'] }),
    ev(2, '2026-11-25T10:05:00.000Z', 'deploy.started', { service: 'checkout', version: 'v2', strategy: 'canary' }),
    ev(3, '2026-11-25T10:06:00.000Z', 'alert.fired', { alertname: 'A', summary: 's' }),
    ev(4, '2026-11-25T10:20:00.000Z', 'note.added', { text: 'Rolled back by hand', happenedAt: '2026-11-25T10:10:00.000Z' }),
    ev(5, '2026-11-25T10:15:00.000Z', 'incident.status_changed', { from: 'investigating', to: 'mitigating' }),
  ];

  it('marks deploys, status changes and notes (at when they happened), not alerts', () => {
    const markers = markersFromEvents(events);
    expect(markers.map((m) => [m.seq, m.kind])).toEqual([
      [1, 'status'],
      [2, 'deploy'],
      [4, 'note'],
      [5, 'status'],
    ]);
    expect(markers[2]!.at).toBe(Date.parse('2026-11-25T10:10:00.000Z'));
    expect(markers[1]!.text).toContain('Deploy started: checkout v2');
  });

  it('keeps only markers inside the chart range', () => {
    expect(markersFromEvents(events, Date.parse('2026-11-25T10:04:00.000Z'), Date.parse('2026-11-25T10:11:00.000Z')).map((m) => m.seq)).toEqual([2, 4]);
  });

  it('finds the markers near a hovered time, nearest first', () => {
    const markers = markersFromEvents(events);
    const at = Date.parse('2026-11-25T10:09:00.000Z');
    expect(markersNear(markers, at, 5 * 60_000).map((m) => m.seq)).toEqual([4, 2]);
    expect(markersNear(markers, at, 1000)).toEqual([]);
  });
});

describe('markers of a hot fix rollout', () => {
  const ids = { hotfixId: 'HF-20261202-1', rolloutId: 'ro-test-0001' };
  const at = (m: number) => `2026-12-02T10:${String(m).padStart(2, '0')}:00.000Z`;
  const events = [
    ev(1, at(0), 'rollout.started', { ...ids, service: 'checkout', onFailure: 'offer-rollback', rollbackStrategy: 'revert', stages: [{ id: 'canary-5', label: 'Canary 5%', percent: 5, analyze: true, advance: 'on-click', bakeSeconds: 60 }] }),
    ev(2, at(1), 'rollout.stage_started', { ...ids, stageId: 'canary-5', label: 'Canary 5%', command: 'kubectl argo rollouts set weight checkout 5', timeoutMs: 60_000 }),
    ev(3, at(2), 'rollout.stage_output', { ...ids, stageId: 'canary-5', lines: 1, outputTail: 'weight set\n' }),
    ev(4, at(5), 'rollout.aborted', { ...ids, stageId: 'canary-5', reason: 'analysis_failed', message: 'The canary analysis failed.' }),
    ev(5, at(6), 'rollout.rollback_started', { ...ids, service: 'checkout', strategy: 'revert', rollbackId: 'rb-7' }),
  ];

  it('marks where each stage moves traffic, where the rollout stops, and the rollback it starts; not its progress', () => {
    expect(markersFromEvents(events).map((m) => [m.seq, m.kind, m.at])).toEqual([
      [2, 'deploy', Date.parse(at(1))],
      [4, 'deploy', Date.parse(at(5))],
      [5, 'rollback', Date.parse(at(6))],
    ]);
  });
});

describe('markers on very long incidents', () => {
  it('keeps every deploy, status change and decision and thins plain notes to the cap', () => {
    const ts = (i: number) => new Date(Date.parse('2026-01-01T00:00:00Z') + i * 1000).toISOString();
    const events = Array.from({ length: 5000 }, (_, i) =>
      IncidentEvent.parse(
        i === 0
          ? { v: 1, seq: 1, ts: ts(0), actor: 'a', type: 'incident.declared', payload: { title: 'Long', severity: 'SEV2', commander: 'a', services: [] } }
          : i % 1000 === 0
            ? { v: 1, seq: i + 1, ts: ts(i), actor: 'a', type: 'deploy.started', payload: { service: 'api', version: `v${i}`, strategy: 'canary' } }
            : i % 777 === 0
              ? { v: 1, seq: i + 1, ts: ts(i), actor: 'a', type: 'note.added', payload: { text: `decision ${i}`, kind: 'decision' } }
              : { v: 1, seq: i + 1, ts: ts(i), actor: 'a', type: 'note.added', payload: { text: `note ${i}` } },
      ),
    );
    const result = markersFromEvents(events);
    expect(result.length).toBeLessThanOrEqual(MAX_MARKERS);
    expect(result.filter((m) => m.kind === 'deploy')).toHaveLength(4);
    expect(result.filter((m) => m.text.startsWith('decision'))).toHaveLength(6);
    expect(result.filter((m) => m.kind === 'status')).toHaveLength(1);
    expect(result.map((m) => m.at)).toEqual([...result.map((m) => m.at)].sort((a, b) => a - b));
  });
});
