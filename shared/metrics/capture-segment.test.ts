import { describe, expect, it } from 'vitest';
import { CaptureSegment, fromSegment, panelKey, replayPanel, segmentFileName, toSegment, type CapturedRange } from './capture-segment';

const panel = { key: panelKey('prod', 'rate(x[1m])'), title: 'X rate', promql: 'rate(x[1m])', unit: 'req/s', serverId: 'prod', thresholds: [] };

const range = (capturedAt: string, t: number[], v: number[]): CapturedRange => ({
  panel,
  capturedAt,
  start: t[0]! / 1000,
  end: t.at(-1)! / 1000,
  step: 1,
  series: [{ labels: { job: 'api' }, t, v }],
  warnings: [],
});

describe('capture segments', () => {
  it('survive a trip through JSON unchanged', () => {
    const r = range('2026-11-25T10:00:00.000Z', [1000, 2000, 3000], [1, NaN, 3]);
    const back = fromSegment(CaptureSegment.parse(JSON.parse(JSON.stringify(toSegment(r)))));
    expect(back).toEqual(r);
  });

  it('replay merges captures, later wins, and honours a playback cursor', () => {
    const first = range('2026-11-25T10:00:00.000Z', [1000, 2000], [1, 2]);
    const second = range('2026-11-25T10:00:05.000Z', [2000, 3000], [22, 3]);
    const all = replayPanel([second, first])!;
    expect(all.series[0]).toEqual({ labels: { job: 'api' }, t: [1000, 2000, 3000], v: [1, 22, 3] });
    expect(all.capturedAt).toBe('2026-11-25T10:00:05.000Z');
    const early = replayPanel([first, second], Date.parse('2026-11-25T10:00:01.000Z'))!;
    expect(early.series[0]!.v).toEqual([1, 2]);
    expect(replayPanel([first], 0)).toBeUndefined();
  });

  it('names files so they sort by capture time', () => {
    const a = segmentFileName(999, 1, 2, 1);
    const b = segmentFileName(1000, 1, 2, 1);
    expect([b, a].sort()).toEqual([a, b]);
  });

  it('gives stable, distinct, file-safe panel keys', () => {
    expect(panelKey('prod', 'up')).toBe(panelKey('prod', 'up'));
    expect(panelKey('prod', 'up')).not.toBe(panelKey('staging', 'up'));
    expect(panelKey('prod', 'up')).toMatch(/^p-[0-9a-f]{16}$/);
  });
});
