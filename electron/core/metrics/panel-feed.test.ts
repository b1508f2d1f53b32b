import { describe, expect, it } from 'vitest';
import type { CapturedRange } from '../../../shared/metrics/capture-segment';
import type { IncidentPanel } from '../../../shared/metrics/incident-panels';
import { ConnectorError } from '../connectors/prometheus/endpoint-client';
import type { PrometheusApi } from '../connectors/prometheus/prometheus-api';
import { PanelFeed, type FeedContext } from './panel-feed';

const panel: IncidentPanel = { key: 'p-1', title: 'Errors', promql: 'errors', unit: '', serverId: 'prod', thresholds: [], origin: { kind: 'catalogue', service: 'checkout', panelId: 'errors' } };

/** A Prometheus stand-in whose range answers are scripted: a value per second, or a failure. */
function fakeApi(script: { fail?: ConnectorError }) {
  const calls: [number, number, number][] = [];
  const api = {
    async rangeQuery(_q: string, start: number, end: number, step: number) {
      calls.push([start, end, step]);
      if (script.fail) throw script.fail;
      const t: number[] = [];
      for (let s = start; s <= end; s += step) t.push(s * 1000);
      return { series: [{ labels: { job: 'api' }, t, v: t.map((x) => x / 1000 - 1000) }], warnings: [] };
    },
  } as unknown as PrometheusApi;
  return { api, calls };
}

function context(api: PrometheusApi, clock: { now: number }, captured: CapturedRange[]): FeedContext {
  return { now: () => clock.now, api: (id) => (id === 'prod' ? api : undefined), capture: async (r) => void captured.push(r), refreshMs: 5000 };
}

describe('PanelFeed', () => {
  it('fetches the whole range once, then only what is new (with a little overlap), capturing each fetch', async () => {
    const { api, calls } = fakeApi({});
    const clock = { now: 1_010_000 };
    const captured: CapturedRange[] = [];
    const feed = new PanelFeed(panel);
    expect(await feed.refresh(context(api, clock, captured), { start: 1000, end: 1010 }, 800, true)).toBe(true);
    clock.now = 1_015_000;
    await feed.refresh(context(api, clock, captured), { start: 1000, end: 1015 }, 800, true);
    expect(calls).toEqual([
      [1000, 1010, 1],
      [1008, 1015, 1],
    ]);
    expect(captured.map((c) => [c.start, c.end])).toEqual([
      [1000, 1010],
      [1008, 1015],
    ]);
    expect(feed.series[0]!.t).toHaveLength(16);
    expect(feed.series[0]!.v.at(-1)).toBe(15);
  });

  it('keeps the last good data on failure and backs off before retrying', async () => {
    const script: { fail?: ConnectorError } = {};
    const { api, calls } = fakeApi(script);
    const clock = { now: 1_010_000 };
    const ctx = context(api, clock, []);
    const feed = new PanelFeed(panel);
    await feed.refresh(ctx, { start: 1000, end: 1010 }, 800, true);
    script.fail = new ConnectorError('refused', '127.0.0.1:9090 refused the connection');
    clock.now += 5000;
    expect(await feed.refresh(ctx, { start: 1000, end: 1015 }, 800, true)).toBe(false);
    expect(feed.series[0]!.t).toHaveLength(11);
    expect(feed.lastError).toEqual({ message: '127.0.0.1:9090 refused the connection', kind: 'refused' });
    // Backoff: 10 s after the first failure, so a poll 5 s later does not call the server.
    clock.now += 5000;
    await feed.refresh(ctx, { start: 1000, end: 1020 }, 800, true);
    expect(calls).toHaveLength(2);
    delete script.fail;
    clock.now += 6000;
    expect(await feed.refresh(ctx, { start: 1000, end: 1026 }, 800, true)).toBe(true);
    expect(feed.lastError).toBeUndefined();
  });

  it('shows data even when capturing it fails, and says so', async () => {
    const { api } = fakeApi({});
    const feed = new PanelFeed(panel);
    const ctx: FeedContext = { ...context(api, { now: 1_010_000 }, []), capture: () => Promise.reject(new Error('ENOSPC: no space left on device')) };
    expect(await feed.refresh(ctx, { start: 1000, end: 1010 }, 800, true)).toBe(true);
    expect(feed.series).toHaveLength(1);
    expect(feed.captureError).toBe('Not captured: ENOSPC: no space left on device');
  });

  it('names a panel whose server was removed from the settings', async () => {
    const { api } = fakeApi({});
    const feed = new PanelFeed({ ...panel, serverId: 'gone' });
    expect(await feed.refresh(context(api, { now: 0 }, []), { start: 0, end: 10 }, 800, true)).toBe(false);
    expect(feed.lastError?.message).toContain('No Prometheus server "gone"');
  });
});
