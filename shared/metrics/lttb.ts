// Largest-Triangle-Three-Buckets downsampling: keeps a series' visual shape with far fewer points; gaps (NaN) stay gaps.

export interface XY {
  /** Timestamps (any monotonic unit), ascending. */
  t: ArrayLike<number>;
  /** Values; NaN marks a gap (no sample, or Prometheus NaN). */
  v: ArrayLike<number>;
}

export interface Downsampled {
  t: number[];
  v: number[];
}

/** Classic LTTB over indices [from, to) of finite points; pushes the chosen points to `out`. */
function lttbRun(xs: ArrayLike<number>, ys: ArrayLike<number>, from: number, to: number, threshold: number, out: Downsampled): void {
  const n = to - from;
  if (threshold >= n || threshold < 3) {
    if (threshold < 3 && n > 2) {
      out.t.push(xs[from]!, xs[to - 1]!);
      out.v.push(ys[from]!, ys[to - 1]!);
      return;
    }
    for (let i = from; i < to; i++) {
      out.t.push(xs[i]!);
      out.v.push(ys[i]!);
    }
    return;
  }
  const every = (n - 2) / (threshold - 2);
  let a = from;
  out.t.push(xs[a]!);
  out.v.push(ys[a]!);
  for (let i = 0; i < threshold - 2; i++) {
    // Average of the next bucket is the third triangle corner.
    let avgStart = from + Math.floor((i + 1) * every) + 1;
    let avgEnd = from + Math.floor((i + 2) * every) + 1;
    if (avgEnd > to) avgEnd = to;
    if (avgStart >= avgEnd) avgStart = avgEnd - 1;
    let avgX = 0;
    let avgY = 0;
    for (let j = avgStart; j < avgEnd; j++) {
      avgX += xs[j]!;
      avgY += ys[j]!;
    }
    const count = avgEnd - avgStart;
    avgX /= count;
    avgY /= count;

    const rangeStart = from + Math.floor(i * every) + 1;
    const rangeEnd = from + Math.floor((i + 1) * every) + 1;
    const ax = xs[a]!;
    const ay = ys[a]!;
    let maxArea = -1;
    let next = rangeStart;
    for (let j = rangeStart; j < rangeEnd; j++) {
      const area = Math.abs((ax - avgX) * (ys[j]! - ay) - (ax - xs[j]!) * (avgY - ay));
      if (area > maxArea) {
        maxArea = area;
        next = j;
      }
    }
    out.t.push(xs[next]!);
    out.v.push(ys[next]!);
    a = next;
  }
  out.t.push(xs[to - 1]!);
  out.v.push(ys[to - 1]!);
}

/**
 * Downsamples to at most `threshold` points (never more). Runs of finite values are sampled separately, each getting a
 * share of the budget proportional to its length, and a NaN point is kept between runs so charts still show the gap.
 * When gaps are so many that every run cannot get its own share (Prometheus answers NaN for 0/0 ratios, so every other
 * sample may be a gap), the series is bucketed instead and each bucket keeps its most significant finite point plus a
 * NaN marker on each side where it had a gap, so no gap is ever bridged.
 */
export function lttb(series: XY, threshold: number): Downsampled {
  const n = series.t.length;
  const out: Downsampled = { t: [], v: [] };
  if (n === 0) return out;
  if (threshold >= n) {
    for (let i = 0; i < n; i++) {
      out.t.push(series.t[i]!);
      out.v.push(series.v[i]!);
    }
    return out;
  }
  const runs: [number, number][] = [];
  let finite = 0;
  let runStart = -1;
  for (let i = 0; i < n; i++) {
    const y = series.v[i]!;
    if (Number.isFinite(y)) {
      if (runStart < 0) runStart = i;
      finite++;
    } else if (runStart >= 0) {
      runs.push([runStart, i]);
      runStart = -1;
    }
  }
  if (runStart >= 0) runs.push([runStart, n]);
  const markers = Math.max(0, runs.length - 1);
  const budget = threshold - markers;
  const shares = runs.map(([from, to]) => Math.min(to - from, Math.max(2, Math.floor((budget * (to - from)) / Math.max(1, finite)))));
  if (budget < runs.length * 2 || shares.reduce((a, b) => a + b, 0) + markers > threshold) return bucketedWithGaps(series, threshold);
  runs.forEach(([from, to], k) => {
    if (k > 0) {
      // The first non-finite sample after the previous run marks the gap.
      out.t.push(series.t[runs[k - 1]![1]]!);
      out.v.push(series.v[runs[k - 1]![1]]!);
    }
    lttbRun(series.t, series.v, from, to, shares[k]!, out);
  });
  return out;
}

/** Dense gaps: ⌊threshold/3⌋ index buckets, each ≤ 3 points (gap before, chosen point, gap after), in time order. */
function bucketedWithGaps(series: XY, threshold: number): Downsampled {
  const n = series.t.length;
  const out: Downsampled = { t: [], v: [] };
  const buckets = Math.max(1, Math.floor(threshold / 3));
  const size = n / buckets;
  const push = (i: number) => {
    out.t.push(series.t[i]!);
    out.v.push(series.v[i]!);
  };
  let prevX = NaN;
  let prevY = NaN;
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor(b * size);
    const to = b === buckets - 1 ? n : Math.floor((b + 1) * size);
    // Third triangle corner: the mean of the next bucket's finite points (or this bucket's, for the last one).
    const nextFrom = to < n ? to : from;
    const nextTo = to < n ? Math.min(n, Math.floor((b + 2) * size)) : to;
    let avgX = 0;
    let avgY = 0;
    let count = 0;
    for (let j = nextFrom; j < nextTo; j++) {
      if (Number.isFinite(series.v[j]!)) {
        avgX += series.t[j]!;
        avgY += series.v[j]!;
        count++;
      }
    }
    if (count > 0) {
      avgX /= count;
      avgY /= count;
    }
    let chosen = -1;
    let best = -1;
    for (let j = from; j < to; j++) {
      const y = series.v[j]!;
      if (!Number.isFinite(y)) continue;
      // Before any point was kept (or without a next bucket), keep the extreme of the bucket by distance from the mean.
      const area = Number.isNaN(prevX) || count === 0 ? Math.abs(y - avgY) : Math.abs((prevX - avgX) * (y - prevY) - (prevX - series.t[j]!) * (avgY - prevY));
      if (area > best) {
        best = area;
        chosen = j;
      }
    }
    if (chosen < 0) {
      push(from); // the whole bucket is a gap
      continue;
    }
    let gapBefore = -1;
    for (let j = from; j < chosen; j++) if (!Number.isFinite(series.v[j]!)) gapBefore = gapBefore < 0 ? j : gapBefore;
    let gapAfter = -1;
    for (let j = chosen + 1; j < to && gapAfter < 0; j++) if (!Number.isFinite(series.v[j]!)) gapAfter = j;
    if (gapBefore >= 0) push(gapBefore);
    push(chosen);
    if (gapAfter >= 0) push(gapAfter);
    prevX = series.t[chosen]!;
    prevY = series.v[chosen]!;
  }
  return out;
}
