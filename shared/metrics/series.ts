// Metric series in memory and their compact, JSON-safe encoding (used both on disk in capture segments and over IPC).
import { z } from 'zod';

/** One series: label set and parallel arrays of timestamps (Unix ms) and values (NaN/±Infinity allowed). */
export interface MetricSeries {
  labels: Record<string, string>;
  t: number[];
  v: number[];
}

/** Runs of evenly spaced timestamps: [first Unix ms, count, spacing ms]. A range query on a step grid is one run. */
export const TimeRuns = z.array(z.tuple([z.number(), z.number().int().positive(), z.number().nonnegative()]));
/** JSON cannot hold NaN or Infinity, so those travel as Prometheus spells them. */
export const SampleValue = z.union([z.number(), z.enum(['NaN', '+Inf', '-Inf'])]);
export type SampleValue = z.infer<typeof SampleValue>;

export const EncodedSeries = z
  .object({ labels: z.record(z.string(), z.string()), t: TimeRuns, v: z.array(SampleValue) })
  .refine((s) => s.t.reduce((n, run) => n + run[1], 0) === s.v.length, 'timestamps and values differ in length');
export type EncodedSeries = z.infer<typeof EncodedSeries>;

export function encodeValue(value: number): SampleValue {
  if (Number.isFinite(value)) return value;
  if (Number.isNaN(value)) return 'NaN';
  return value > 0 ? '+Inf' : '-Inf';
}

export function decodeValue(value: SampleValue): number {
  if (typeof value === 'number') return value;
  if (value === 'NaN') return NaN;
  return value === '+Inf' ? Infinity : -Infinity;
}

/** Prometheus sends samples as strings ("1.5", "NaN", "+Inf", "-Inf"); Number() misreads "+Inf" and "-Inf". */
export function parseSample(text: string): number {
  if (text === '+Inf' || text === 'Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  return Number(text);
}

export function encodeSeries(series: MetricSeries): EncodedSeries {
  const runs: [number, number, number][] = [];
  const t = series.t;
  let i = 0;
  while (i < t.length) {
    const first = t[i]!;
    if (i + 1 >= t.length) {
      runs.push([first, 1, 0]);
      break;
    }
    const delta = t[i + 1]! - first;
    let count = 2;
    while (i + count < t.length && t[i + count]! - t[i + count - 1]! === delta) count++;
    runs.push([first, count, delta]);
    i += count;
  }
  return { labels: series.labels, t: runs, v: series.v.map(encodeValue) };
}

export function decodeSeries(encoded: EncodedSeries): MetricSeries {
  const t: number[] = [];
  for (const [first, count, delta] of encoded.t) for (let k = 0; k < count; k++) t.push(first + k * delta);
  return { labels: encoded.labels, t, v: encoded.v.map(decodeValue) };
}

/** Stable identity of a series: its labels in sorted order. */
export function seriesKey(labels: Record<string, string>): string {
  return JSON.stringify(Object.keys(labels).sort().map((k) => [k, labels[k]]));
}

/** A short legend for a series: its labels without the metric name, or the metric name alone. */
export function seriesLegend(labels: Record<string, string>): string {
  const parts = Object.keys(labels)
    .filter((k) => k !== '__name__')
    .sort()
    .map((k) => `${k}="${labels[k]}"`);
  if (parts.length === 0) return labels.__name__ ?? 'value';
  return `${labels.__name__ ?? ''}{${parts.join(', ')}}`;
}

/**
 * Merges overlapping fetches of the same query: for each series and timestamp the later fetch wins
 * (it saw the most complete data), and points come out in time order.
 */
export function mergeSeries(batches: readonly (readonly MetricSeries[])[]): MetricSeries[] {
  const merged = new Map<string, { labels: Record<string, string>; points: Map<number, number> }>();
  for (const batch of batches) {
    for (const s of batch) {
      const key = seriesKey(s.labels);
      let entry = merged.get(key);
      if (!entry) merged.set(key, (entry = { labels: s.labels, points: new Map() }));
      for (let i = 0; i < s.t.length; i++) entry.points.set(s.t[i]!, s.v[i]!);
    }
  }
  return [...merged.values()]
    .map(({ labels, points }) => {
      const t = [...points.keys()].sort((a, b) => a - b);
      return { labels, t, v: t.map((x) => points.get(x)!) };
    })
    .sort((a, b) => seriesKey(a.labels).localeCompare(seriesKey(b.labels)));
}

/** Keeps only points in [fromMs, toMs]; series left empty are dropped. */
export function clipSeries(series: readonly MetricSeries[], fromMs: number, toMs: number): MetricSeries[] {
  const out: MetricSeries[] = [];
  for (const s of series) {
    const t: number[] = [];
    const v: number[] = [];
    for (let i = 0; i < s.t.length; i++) {
      if (s.t[i]! >= fromMs && s.t[i]! <= toMs) {
        t.push(s.t[i]!);
        v.push(s.v[i]!);
      }
    }
    if (t.length > 0) out.push({ labels: s.labels, t, v });
  }
  return out;
}
