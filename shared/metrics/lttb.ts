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
 * Downsamples to about `threshold` points. Runs of finite values are sampled separately, each getting a share of the
 * budget proportional to its length, and a NaN point is kept between runs so charts still show the gap.
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
  const budget = Math.max(runs.length * 2, threshold - Math.max(0, runs.length - 1));
  runs.forEach(([from, to], k) => {
    if (k > 0) {
      // The first non-finite sample after the previous run marks the gap.
      out.t.push(series.t[runs[k - 1]![1]]!);
      out.v.push(series.v[runs[k - 1]![1]]!);
    }
    const share = Math.max(2, Math.round((budget * (to - from)) / finite));
    lttbRun(series.t, series.v, from, to, share, out);
  });
  return out;
}
