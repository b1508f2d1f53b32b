// The capture segment: one fetched range of one panel, stored in the incident so the pane replays offline and in review.
import { z } from 'zod';
import { EncodedSeries, decodeSeries, encodeSeries, mergeSeries, type MetricSeries } from './series';

export const SEGMENT_FORMAT = 'firebreak.metrics.segment';

/** What was asked, kept with the data: the catalogue may change later, the capture must still explain itself. */
export const CapturedPanel = z.object({
  key: z.string().regex(/^[a-z0-9-]{1,80}$/),
  title: z.string(),
  promql: z.string(),
  unit: z.string(),
  serverId: z.string(),
  thresholds: z.array(z.object({ value: z.number(), label: z.string(), kind: z.enum(['warning', 'critical', 'slo']) })).default([]),
});
export type CapturedPanel = z.infer<typeof CapturedPanel>;

export const CaptureSegment = z.object({
  format: z.literal(SEGMENT_FORMAT),
  v: z.literal(1),
  panel: CapturedPanel,
  /** When the range was fetched (ISO). */
  capturedAt: z.iso.datetime(),
  /** The query range in Unix seconds and its step in seconds. */
  start: z.number(),
  end: z.number(),
  step: z.number().positive(),
  series: z.array(EncodedSeries),
  warnings: z.array(z.string()).default([]),
});
export type CaptureSegment = z.infer<typeof CaptureSegment>;

export interface CapturedRange {
  panel: CapturedPanel;
  capturedAt: string;
  start: number;
  end: number;
  step: number;
  series: MetricSeries[];
  warnings?: string[];
}

export function toSegment(range: CapturedRange): CaptureSegment {
  return {
    format: SEGMENT_FORMAT,
    v: 1,
    panel: range.panel,
    capturedAt: range.capturedAt,
    start: range.start,
    end: range.end,
    step: range.step,
    series: range.series.map(encodeSeries),
    warnings: range.warnings ?? [],
  };
}

export function fromSegment(segment: CaptureSegment): CapturedRange {
  return {
    panel: segment.panel,
    capturedAt: segment.capturedAt,
    start: segment.start,
    end: segment.end,
    step: segment.step,
    series: segment.series.map(decodeSeries),
    warnings: segment.warnings,
  };
}

/** Name of a segment file: sortable by capture time, unique per fetch. */
export function segmentFileName(capturedAtMs: number, start: number, end: number, step: number): string {
  return `${String(capturedAtMs).padStart(14, '0')}-${Math.round(start)}-${Math.round(end)}-${step}.json`;
}

/** Everything captured for one panel, merged: later captures win where they overlap. */
export function replayPanel(segments: readonly CapturedRange[], untilMs = Infinity): CapturedRange | undefined {
  const usable = segments.filter((s) => Date.parse(s.capturedAt) <= untilMs).sort((a, b) => a.capturedAt.localeCompare(b.capturedAt));
  const last = usable.at(-1);
  if (!last) return undefined;
  return {
    panel: last.panel,
    capturedAt: last.capturedAt,
    start: Math.min(...usable.map((s) => s.start)),
    end: Math.max(...usable.map((s) => s.end)),
    step: Math.min(...usable.map((s) => s.step)),
    series: mergeSeries(usable.map((s) => s.series)),
    warnings: last.warnings ?? [],
  };
}

/** FNV-1a over the text, twice with different seeds: a short stable key for file and folder names. */
export function panelKey(serverId: string, promql: string): string {
  const text = `${serverId}\u0000${promql}`;
  const hash = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, '0');
  };
  return `p-${hash(0x811c9dc5)}${hash(0x050c5d1f)}`;
}
