// What a panel's chart frames and says in its title: the range fitted to the incident (so a spike that started five minutes
// ago is not squeezed into the right edge of a 30-minute window), and the latest value with its trend.
import type { ChartLine, ChartRow } from './chart-data';

/** How much of the time before declaration a chart shows, for the baseline the incident departed from. */
export const LEAD_IN_MS = 10 * 60_000;
/** A chart never frames less than this, so a fresh incident still shows a readable line. */
export const MIN_SPAN_MS = 3 * 60_000;

/**
 * Start at whichever is later — declaration minus the lead-in, or the first data point — and end at the range's end.
 * All times in ms since epoch.
 */
export function fitChartRange(range: { start: number; end: number }, declaredAt: number, rows: readonly ChartRow[]): [number, number] {
  const firstPoint = rows.length > 0 ? rows[0]!.t : range.start;
  let start = Math.max(range.start, firstPoint, declaredAt - LEAD_IN_MS);
  const end = range.end;
  if (end - start < MIN_SPAN_MS) start = Math.max(range.start, end - MIN_SPAN_MS);
  return [start, end];
}

export interface PanelTrend {
  /** The series the summary describes (the first line of the panel). */
  legend: string;
  latest: number;
  at: number;
  /** Change against the value `windowMs` earlier (the nearest row at or before it); undefined without such a value. */
  change: number | undefined;
  direction: 'up' | 'down' | 'flat' | undefined;
}

/** Latest value of the panel's first line and its change over the last `windowMs` (5 minutes unless told). */
export function panelTrend(rows: readonly ChartRow[], lines: readonly ChartLine[], windowMs = 5 * 60_000): PanelTrend | undefined {
  const line = lines[0];
  if (!line) return undefined;
  let last = -1;
  for (let i = rows.length - 1; i >= 0; i--) {
    if (typeof rows[i]![line.dataKey] === 'number') {
      last = i;
      break;
    }
  }
  if (last < 0) return undefined;
  const latest = rows[last]![line.dataKey] as number;
  const at = rows[last]!.t;
  let before: number | undefined;
  for (let i = last - 1; i >= 0; i--) {
    const v = rows[i]![line.dataKey];
    if (rows[i]!.t <= at - windowMs && typeof v === 'number') {
      before = v;
      break;
    }
  }
  const change = before === undefined ? undefined : latest - before;
  const flatBelow = Math.max(Math.abs(before ?? 0), Math.abs(latest)) * 0.02;
  const direction = change === undefined ? undefined : Math.abs(change) <= flatBelow ? 'flat' : change > 0 ? 'up' : 'down';
  return { legend: line.legend, latest, at, change, direction };
}
