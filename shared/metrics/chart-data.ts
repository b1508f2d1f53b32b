// Builds the rows a recharts line chart draws from a panel's series: downsampled with LTTB to the chart's width, gaps kept.
import { lttb } from './lttb';
import { seriesLegend, type MetricSeries } from './series';

export interface ChartLine {
  /** Row property holding this series' value. */
  dataKey: string;
  legend: string;
}

export type ChartRow = { t: number } & Record<string, number | null>;

export interface ChartData {
  rows: ChartRow[];
  lines: ChartLine[];
  /** Series left out because a chart with more lines is unreadable; the pane says how many. */
  omittedSeries: number;
  /** Points before and after downsampling, for the panel footer. */
  pointsIn: number;
  pointsOut: number;
}

export const MAX_LINES = 12;

/** One row per timestamp across all series; a series without a sample at a timestamp has no property there. */
export function buildChartData(series: readonly MetricSeries[], widthPx: number, maxLines = MAX_LINES): ChartData {
  const threshold = Math.max(50, Math.round(widthPx));
  const shown = series.slice(0, maxLines);
  const byTime = new Map<number, ChartRow>();
  const lines: ChartLine[] = [];
  let pointsIn = 0;
  let pointsOut = 0;
  shown.forEach((s, i) => {
    const dataKey = `s${i}`;
    lines.push({ dataKey, legend: seriesLegend(s.labels) });
    pointsIn += s.t.length;
    const sampled = lttb(s, threshold);
    pointsOut += sampled.t.length;
    for (let k = 0; k < sampled.t.length; k++) {
      const t = sampled.t[k]!;
      let row = byTime.get(t);
      if (!row) byTime.set(t, (row = { t } as ChartRow));
      const v = sampled.v[k]!;
      row[dataKey] = Number.isFinite(v) ? v : null;
    }
  });
  const rows = [...byTime.values()].sort((a, b) => a.t - b.t);
  return { rows, lines, omittedSeries: Math.max(0, series.length - shown.length), pointsIn, pointsOut };
}
