import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, type IncidentEvent } from '../events';
import { keyDurations, keyTimes } from './key-times';

const at = (m: number) => new Date(Date.parse('2026-02-01T10:00:00Z') + m * 60_000).toISOString();
const base = (seq: number, m: number) => ({ v: EVENT_SCHEMA_VERSION, seq, ts: at(m), actor: 'x' }) as const;

describe('key times', () => {
  it('detected from the first alert, acknowledged, mitigated at monitoring, resolved — with durations', () => {
    const events: IncidentEvent[] = [
      { ...base(1, 5), type: 'incident.declared', payload: { title: 'abc', severity: 'SEV1', commander: 'x', services: [] } },
      { ...base(2, 3), type: 'alert.fired', payload: { alertname: 'A', summary: '', labels: {} } },
      { ...base(3, 7), type: 'page.acknowledged', payload: { by: 'y', source: 'pd' } },
      { ...base(4, 9), type: 'page.acknowledged', payload: { by: 'z', source: 'pd' } },
      { ...base(5, 20), type: 'incident.status_changed', payload: { from: 'investigating', to: 'mitigating' } },
      { ...base(6, 33), type: 'incident.status_changed', payload: { from: 'mitigating', to: 'monitoring' } },
      { ...base(7, 63), type: 'incident.status_changed', payload: { from: 'monitoring', to: 'resolved' } },
    ];
    const times = keyTimes(events);
    expect(times).toEqual({ detected: at(3), acknowledged: at(7), mitigated: at(33), resolved: at(63) });
    expect(keyDurations(times)).toEqual({ timeToAcknowledgeMs: 4 * 60_000, timeToMitigateMs: 30 * 60_000, timeToResolveMs: 60 * 60_000 });
  });

  it('a reopened incident is no longer resolved', () => {
    const events: IncidentEvent[] = [
      { ...base(1, 0), type: 'incident.declared', payload: { title: 'abc', severity: 'SEV1', commander: 'x', services: [] } },
      { ...base(2, 10), type: 'incident.status_changed', payload: { from: 'investigating', to: 'resolved' } },
      { ...base(3, 12), type: 'incident.status_changed', payload: { from: 'resolved', to: 'investigating' } },
    ];
    expect(keyTimes(events)).toEqual({ detected: at(0), acknowledged: at(10), mitigated: at(10) });
  });

  it('takes each time from its evidence: alert startsAt, PagerDuty acknowledgement, first status change, verified rollback', () => {
    const events: IncidentEvent[] = [
      { ...base(1, 10), type: 'incident.declared', payload: { title: 'abc', severity: 'SEV1', commander: 'x', services: [] } },
      // Seen at 10:12, but Alertmanager says it started at 10:04.
      { ...base(2, 12), type: 'alert.fired', payload: { alertname: 'A', summary: '', labels: {}, startsAt: at(4) } },
      // Imported at 10:30; PagerDuty recorded the acknowledgement at 10:11.
      { ...base(3, 30), type: 'pagerduty.log_entry_imported', payload: { pdIncidentId: 'P1', entryId: 'L9', entryType: 'acknowledge_log_entry', summary: 'Acknowledged by Dana', createdAt: at(11) } },
      { ...base(4, 14), type: 'incident.status_changed', payload: { from: 'investigating', to: 'identified' } },
      { ...base(5, 40), type: 'rollback.verified', payload: { rollbackId: 'rb-12345678', service: 'checkout', method: 'health-query', outcome: 'unhealthy' } },
      { ...base(6, 41), type: 'rollback.verified', payload: { rollbackId: 'rb-12345678', service: 'checkout', method: 'health-query', outcome: 'healthy' } },
      { ...base(7, 50), type: 'incident.status_changed', payload: { from: 'identified', to: 'resolved' } },
    ];
    expect(keyTimes(events)).toEqual({ detected: at(4), acknowledged: at(11), mitigated: at(41), resolved: at(50) });
    // Without the PagerDuty entry, the first status change is the acknowledgement.
    expect(keyTimes(events.filter((e) => e.seq !== 3)).acknowledged).toBe(at(14));
  });
});
