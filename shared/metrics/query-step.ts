// Chooses the step of a range query so points roughly match the chart's pixel width and never exceed Prometheus's per-series limit.

/** Prometheus 2.x rejects a range query whose (end - start) / step exceeds this (400 bad_data). */
export const MAX_POINTS_PER_SERIES = 11_000;

/** Steps people read easily on an axis, in seconds. */
const NICE_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];

export interface StepOptions {
  /** Never go below this (usually the scrape interval); finer steps only repeat samples. */
  minStepSeconds?: number;
}

/** Number of points a range query returns per series at most: start and end are inclusive. */
export function pointsFor(rangeSeconds: number, stepSeconds: number): number {
  return Math.floor(rangeSeconds / stepSeconds) + 1;
}

/**
 * The smallest "nice" step at or above range / width, so a chart gets at most about one point per pixel,
 * then widened until the query stays within 11,000 points.
 */
export function chooseStep(rangeSeconds: number, widthPx: number, options: StepOptions = {}): number {
  if (!Number.isFinite(rangeSeconds) || rangeSeconds <= 0) return Math.max(1, options.minStepSeconds ?? 1);
  const width = Math.max(10, Math.min(Math.round(Number.isFinite(widthPx) ? widthPx : 800), MAX_POINTS_PER_SERIES - 1));
  const wanted = Math.max(rangeSeconds / width, options.minStepSeconds ?? 1);
  let step = NICE_STEPS.find((s) => s >= wanted) ?? Math.ceil(wanted / 86400) * 86400;
  while (pointsFor(rangeSeconds, step) > MAX_POINTS_PER_SERIES) step *= 2;
  return step;
}

/**
 * Snaps a range to multiples of the step, so repeated fetches hit the same grid and captured points line up.
 * The start moves back; the end moves back too, because a point in the future would repeat the latest sample.
 */
export function alignRange(startSeconds: number, endSeconds: number, stepSeconds: number): { start: number; end: number } {
  const start = Math.floor(startSeconds / stepSeconds) * stepSeconds;
  let end = Math.max(start, Math.floor(endSeconds / stepSeconds) * stepSeconds);
  while (pointsFor(end - start, stepSeconds) > MAX_POINTS_PER_SERIES) end -= stepSeconds;
  return { start, end };
}
