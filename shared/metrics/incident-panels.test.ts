import { describe, expect, it } from 'vitest';
import { IncidentEvent } from '../events';
import { panelKey } from './capture-segment';
import { adhocPanelsFromEvents, panelsForIncident } from './incident-panels';
import { MetricsConfig } from './metrics-config';

const ev = (seq: number, type: string, payload: unknown) => IncidentEvent.parse({ v: 1, seq, ts: '2026-11-25T10:00:00.000Z', actor: 'ic', type, payload });

const config = MetricsConfig.parse({
  prometheus: [
    { id: 'prod', name: 'Prod', baseUrl: 'http://prom:9090/' },
    { id: 'edge', name: 'Edge', baseUrl: 'http://edge:9090' },
  ],
  services: {
    checkout: [
      { id: 'errors', title: 'Error rate', promql: 'sum(rate(errors[1m]))', unit: '%', thresholds: [{ value: 5, kind: 'slo', label: 'SLO' }] },
      { id: 'latency', title: 'Latency', promql: 'histogram_quantile(0.99, x)', serverId: 'edge' },
    ],
    payments: [{ id: 'errors', title: 'Same query', promql: 'sum(rate(errors[1m]))' }],
  },
});

describe('panelsForIncident', () => {
  it('lists catalogue panels of the services, then ad-hoc panels, without duplicate queries', () => {
    const adhoc = adhocPanelsFromEvents([
      ev(2, 'metrics.panel_added', { panelId: 'a1', title: 'Up', promql: 'up' }),
      ev(3, 'metrics.panel_added', { panelId: 'a2', title: 'Gone', promql: 'down' }),
      ev(4, 'metrics.panel_removed', { panelId: 'a2', title: 'Gone' }),
    ]);
    const panels = panelsForIncident(config, ['checkout', 'payments', 'unknown'], adhoc);
    expect(panels.map((p) => [p.title, p.serverId])).toEqual([
      ['Error rate', 'prod'],
      ['Latency', 'edge'],
      ['Up', 'prod'],
    ]);
    expect(panels[0]!.key).toBe(panelKey('prod', 'sum(rate(errors[1m]))'));
    expect(panels[0]!.thresholds).toEqual([{ value: 5, kind: 'slo', label: 'SLO' }]);
    expect(config.prometheus[0]!.baseUrl).toBe('http://prom:9090');
  });
});

describe('MetricsConfig validation', () => {
  it('explains what is wrong and where', () => {
    const bad = MetricsConfig.safeParse({
      prometheus: [
        { id: 'prod', name: 'P', baseUrl: 'ftp://x' },
        { id: 'prod', name: 'Q', baseUrl: 'http://x', headers: { 'Bad Header': 'v' } },
      ],
      services: { checkout: [{ id: 'e', title: 'E', promql: 'up', serverId: 'nope' }] },
    });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages.some((m) => m.startsWith('prometheus.0.baseUrl: Enter an http'))).toBe(true);
    expect(messages.some((m) => m === 'prometheus.1.headers.Bad Header: "Bad Header" is not a valid HTTP header name')).toBe(true);
  });

  it('reports duplicate ids and unknown servers once the shape is right', () => {
    const bad = MetricsConfig.safeParse({
      prometheus: [
        { id: 'prod', name: 'P', baseUrl: 'http://x' },
        { id: 'prod', name: 'Q', baseUrl: 'http://y' },
      ],
      services: { checkout: [{ id: 'e', title: 'E', promql: 'up', serverId: 'nope' }] },
    });
    const messages = bad.error!.issues.map((i) => i.message);
    expect(messages).toContain('Server id "prod" is used twice');
    expect(messages).toContain('No Prometheus server with id "nope"');
  });
});
