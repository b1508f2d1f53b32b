import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clipSeries, decodeSeries, EncodedSeries, encodeSeries, mergeSeries, parseSample, seriesLegend, type MetricSeries } from './series';

describe('series encoding', () => {
  it('stores a step grid as one run and special values as Prometheus spells them', () => {
    const s: MetricSeries = { labels: { job: 'api' }, t: [1000, 2000, 3000, 5000], v: [1, NaN, Infinity, -Infinity] };
    const e = encodeSeries(s);
    expect(e.t).toEqual([[1000, 3, 1000], [5000, 1, 0]]);
    expect(e.v).toEqual([1, 'NaN', '+Inf', '-Inf']);
    const back = decodeSeries(EncodedSeries.parse(JSON.parse(JSON.stringify(e))));
    expect(back.t).toEqual(s.t);
    expect(back.v[0]).toBe(1);
    expect(back.v[1]).toBeNaN();
    expect(back.v[2]).toBe(Infinity);
    expect(back.v[3]).toBe(-Infinity);
  });

  it('round-trips any series through JSON exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 1e12 }), fc.double().filter((x) => !Object.is(x, -0)))), (pairs) => {
        const sorted = [...new Map(pairs).entries()].sort((a, b) => a[0] - b[0]);
        const s = { labels: { a: 'b' }, t: sorted.map((p) => p[0]), v: sorted.map((p) => p[1]) };
        const back = decodeSeries(EncodedSeries.parse(JSON.parse(JSON.stringify(encodeSeries(s)))));
        expect(back).toEqual(s);
      }),
    );
  });

  it('rejects runs that do not match the values', () => {
    expect(EncodedSeries.safeParse({ labels: {}, t: [[0, 3, 1]], v: [1] }).success).toBe(false);
  });

  it('parses Prometheus sample strings', () => {
    expect(parseSample('1.5')).toBe(1.5);
    expect(parseSample('+Inf')).toBe(Infinity);
    expect(parseSample('NaN')).toBeNaN();
  });
});

describe('mergeSeries', () => {
  it('lets later fetches win and orders points in time', () => {
    const a = [{ labels: { i: '1' }, t: [1, 2, 3], v: [10, 20, 30] }];
    const b = [
      { labels: { i: '1' }, t: [3, 4], v: [31, 40] },
      { labels: { i: '2' }, t: [1], v: [5] },
    ];
    expect(mergeSeries([a, b])).toEqual([
      { labels: { i: '1' }, t: [1, 2, 3, 4], v: [10, 20, 31, 40] },
      { labels: { i: '2' }, t: [1], v: [5] },
    ]);
  });

  it('clips to a time window', () => {
    expect(clipSeries([{ labels: {}, t: [1, 2, 3], v: [1, 2, 3] }, { labels: { x: 'y' }, t: [9], v: [9] }], 2, 3)).toEqual([{ labels: {}, t: [2, 3], v: [2, 3] }]);
  });

  it('names series by their labels', () => {
    expect(seriesLegend({ __name__: 'up', job: 'api', instance: 'a:1' })).toBe('up{instance="a:1", job="api"}');
    expect(seriesLegend({})).toBe('value');
  });
});
