import { describe, expect, it } from 'vitest';
import { IncidentEvent } from '../events';
import { alertConcernsIncident, firingFromEvents, reconcileAlerts, type ActiveAlert } from './alert-reconcile';

const ev = (seq: number, type: string, payload: unknown) =>
  IncidentEvent.parse({ v: 1, seq, ts: `2026-11-25T10:00:0${seq}.000Z`, actor: 'alertmanager', type, payload });

const alert = (fingerprint: string, labels: Record<string, string> = {}): ActiveAlert => ({
  fingerprint,
  alertname: labels.alertname ?? 'HighErrorRate',
  labels: { alertname: 'HighErrorRate', service: 'checkout', severity: 'page', ...labels },
  annotations: { summary: 'Errors above 5%' },
  startsAt: '2026-11-25T10:00:00.000Z',
  endsAt: '2026-11-25T10:10:00.000Z',
  state: 'active',
  silencedBy: [],
  inhibitedBy: [],
});

describe('alert reconciliation', () => {
  it('projects the firing set from the timeline by fingerprint', () => {
    const events = [
      ev(1, 'alert.fired', { alertname: 'A', summary: 's', fingerprint: 'f1' }),
      ev(2, 'alert.fired', { alertname: 'B', summary: 's', fingerprint: 'f2' }),
      ev(3, 'alert.resolved', { alertname: 'A', fingerprint: 'f1' }),
      ev(4, 'alert.fired', { alertname: 'C', summary: 'no fingerprint' }),
    ];
    expect([...firingFromEvents(events).keys()]).toEqual(['f2']);
  });

  it('counts only one source when asked, so another connector\'s alerts are never resolved by Alertmanager', () => {
    const events = [ev(1, 'alert.fired', { alertname: 'A', summary: 's', fingerprint: 'f1' }), IncidentEvent.parse({ ...ev(2, 'alert.fired', { alertname: 'P', summary: 's', fingerprint: 'pd-1' }), actor: 'pagerduty' })];
    expect([...firingFromEvents(events, 'alertmanager').keys()]).toEqual(['f1']);
    expect([...firingFromEvents(events).keys()]).toEqual(['f1', 'pd-1']);
  });

  it('fires new alerts once and resolves the ones that disappeared', () => {
    const onTimeline = firingFromEvents([ev(1, 'alert.fired', { alertname: 'Old', summary: 's', fingerprint: 'old' })]);
    const first = reconcileAlerts(onTimeline, [alert('new')], 'service');
    expect(first.fired).toEqual([
      {
        alertname: 'HighErrorRate',
        summary: 'Errors above 5%',
        fingerprint: 'new',
        service: 'checkout',
        severity: 'page',
        labels: alert('new').labels,
        annotations: { summary: 'Errors above 5%' },
        startsAt: '2026-11-25T10:00:00.000Z',
        endsAt: '2026-11-25T10:10:00.000Z',
      },
    ]);
    expect(first.resolved).toEqual([{ alertname: 'Old', fingerprint: 'old' }]);

    const after = firingFromEvents([ev(1, 'alert.fired', { ...first.fired[0] })]);
    expect(reconcileAlerts(after, [alert('new')], 'service')).toEqual({ fired: [], resolved: [] });
  });

  it('keeps Alertmanager\'s own times: startsAt in nanoseconds and offsets, and dates a resolution from the last endsAt seen', () => {
    const [payload] = reconcileAlerts(new Map(), [{ ...alert('z'), startsAt: '2026-11-25T11:00:00.123456789+01:00', endsAt: '0001-01-01T00:00:00Z' }], 'service').fired;
    expect(payload!.startsAt).toBe('2026-11-25T10:00:00.123Z');
    expect(payload!.endsAt).toBeUndefined();
    const onTimeline = firingFromEvents([ev(1, 'alert.fired', { alertname: 'HighErrorRate', summary: 's', fingerprint: 'gone' }), ev(2, 'alert.fired', { alertname: 'B', summary: 's', fingerprint: 'later' })]);
    const seen = new Map([
      ['gone', { ...alert('gone'), endsAt: '2026-11-25T10:04:00.000Z' }],
      ['later', { ...alert('later'), endsAt: '2026-11-25T10:30:00.000Z' }],
    ]);
    const { resolved } = reconcileAlerts(onTimeline, [], 'service', { alerts: seen, now: Date.parse('2026-11-25T10:05:00.000Z') });
    expect(resolved).toEqual([
      { alertname: 'HighErrorRate', fingerprint: 'gone', endsAt: '2026-11-25T10:04:00.000Z' },
      { alertname: 'B', fingerprint: 'later', endsAt: '2026-11-25T10:05:00.000Z' },
    ]);
  });

  it('keeps a silenced alert firing (suppressed is not resolved)', () => {
    const onTimeline = firingFromEvents([ev(1, 'alert.fired', { alertname: 'HighErrorRate', summary: 's', fingerprint: 'x' })]);
    expect(reconcileAlerts(onTimeline, [{ ...alert('x'), state: 'suppressed', silencedBy: ['s1'] }], 'service')).toEqual({ fired: [], resolved: [] });
  });

  it('leaves out a service label that is not a valid service name', () => {
    const [payload] = reconcileAlerts(new Map(), [alert('y', { service: 'not a service!' })], 'service').fired;
    expect(payload!.service).toBeUndefined();
  });

  it('matches alerts to the incident by the service label', () => {
    expect(alertConcernsIncident(alert('a'), ['checkout'], 'service')).toBe(true);
    expect(alertConcernsIncident(alert('a'), ['payments'], 'service')).toBe(false);
    expect(alertConcernsIncident(alert('a'), [], 'service')).toBe(true);
    expect(alertConcernsIncident(alert('a', { app: 'payments' }), ['payments'], 'app')).toBe(true);
  });
});
