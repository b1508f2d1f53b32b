import { describe, expect, it } from 'vitest';
import { IncidentEvent } from '../events';
import { alertsFromTimeline, seriesForWire, silenceViews, type Silence } from './metrics-view';
import { decodeSeries } from './series';

const ev = (seq: number, ts: string, type: string, payload: unknown, actor = 'ic') => IncidentEvent.parse({ v: 1, seq, ts, actor, type, payload });
const matchers = [{ name: 'alertname', value: 'High', isRegex: false, isEqual: true }];

describe('seriesForWire', () => {
  it('bounds a huge result: a dozen series, each downsampled to twice the width', () => {
    const n = 11_000;
    const t = Array.from({ length: n }, (_, i) => i * 1000);
    const huge = Array.from({ length: 200 }, (_, k) => ({ labels: { pod: `p${k}` }, t, v: t.map((x) => Math.cos(x / 1e5 + k)) }));
    const wire = seriesForWire(huge, 400);
    expect(wire.totalSeries).toBe(200);
    expect(wire.series).toHaveLength(12);
    for (const s of wire.series) expect(decodeSeries(s).t.length).toBeLessThanOrEqual(800);
    expect(JSON.stringify(wire).length).toBeLessThan(400_000);
  });
});

describe('silenceViews', () => {
  const events = [
    ev(1, '2026-11-25T10:00:00.000Z', 'metrics.silence_created', { silenceId: 's1', matchers, startsAt: '2026-11-25T10:00:00.000Z', endsAt: '2026-11-25T11:00:00.000Z', comment: 'known' }),
    ev(2, '2026-11-25T10:30:00.000Z', 'metrics.silence_expired', { silenceId: 's1' }),
  ];

  it('follows the timeline in playback, and Alertmanager when it answered', () => {
    expect(silenceViews(events, undefined, [], Date.parse('2026-11-25T10:10:00.000Z'))[0]!.state).toBe('active');
    expect(silenceViews(events, undefined, [], Date.parse('2026-11-25T10:40:00.000Z'))[0]!.state).toBe('expired');
    const live: Silence[] = [
      { id: 's1', status: { state: 'active' }, updatedAt: '', matchers, startsAt: '', endsAt: '2026-11-25T12:00:00.000Z', createdBy: 'ic', comment: 'known' },
      { id: 'other', status: { state: 'active' }, updatedAt: '', matchers, startsAt: '', endsAt: '2026-11-25T12:00:00.000Z', createdBy: 'sre', comment: 'maintenance' },
    ];
    const alert = { fingerprint: 'f', alertname: 'High', labels: {}, annotations: {}, startsAt: '', endsAt: '', state: 'suppressed' as const, silencedBy: ['other'], inhibitedBy: [] };
    const views = silenceViews(events.slice(0, 1), live, [alert]);
    expect(views.map((v) => [v.silenceId, v.state, v.createdBy])).toEqual([
      ['s1', 'active', 'ic'],
      ['other', 'active', 'sre'],
    ]);
  });
});

describe('alertsFromTimeline', () => {
  it('lists the alerts firing at the playback moment', () => {
    const events = [
      ev(1, '2026-11-25T10:00:00.000Z', 'alert.fired', { alertname: 'High', summary: 'errors', fingerprint: 'f1', labels: { service: 'checkout' } }, 'alertmanager'),
      ev(2, '2026-11-25T10:20:00.000Z', 'alert.resolved', { alertname: 'High', fingerprint: 'f1' }, 'alertmanager'),
    ];
    expect(alertsFromTimeline(events, Date.parse('2026-11-25T10:10:00.000Z')).map((a) => [a.alertname, a.annotations.summary, a.labels.service])).toEqual([['High', 'errors', 'checkout']]);
    expect(alertsFromTimeline(events, Date.parse('2026-11-25T10:30:00.000Z'))).toEqual([]);
  });
});
