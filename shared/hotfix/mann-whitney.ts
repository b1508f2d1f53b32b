// One-sided Mann-Whitney U test (is sample x stochastically greater than sample y?), pure TS.
// Hand-written because the maintained statistics packages on npm either lack it (simple-statistics has no p-value for it) or
// pull in a large numeric stack for ~80 lines; it runs in the renderer and in playback too, so it must stay dependency-free.
// The canary analysis uses it like Kayenta does: on the sampled series of canary and baseline. Samples of a time series are
// autocorrelated, so the p-value is a decision rule with a stated alpha, not an exact error rate.

export interface MannWhitneyResult {
  /** U of x: how many (x, y) pairs have x > y, ties counting one half. */
  u: number;
  /** P(U ≥ u) under H0 (x and y from the same distribution). */
  pValue: number;
  method: 'exact' | 'normal';
}

/** Mid-ranks (1-based) of the pooled values; tied values share the mean of their ranks. Also the tie group sizes. */
function midRanks(values: readonly number[]): { ranks: number[]; ties: number[] } {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const ranks = new Array<number>(values.length);
  const ties: number[] = [];
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.v === order[start]!.v) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]!.i] = rank;
    ties.push(end - start + 1);
    start = end + 1;
  }
  return { ranks, ties };
}

/** Exact P(U ≥ u) without ties: counts the orderings of m x's and n y's by their U (recurrence f(m,n,u) = f(m-1,n,u-n) + f(m,n-1,u)). */
function exactUpperTail(m: number, n: number, u: number): number {
  // counts[i][j] is the distribution of U for i x's and j y's; built row by row to keep memory at O(n · mn).
  let prev: number[][] = Array.from({ length: n + 1 }, () => [1]);
  for (let i = 1; i <= m; i++) {
    const row: number[][] = [[1]];
    for (let j = 1; j <= n; j++) {
      const size = i * j + 1;
      const dist = new Array<number>(size).fill(0);
      const a = prev[j]!; // one fewer x: the new largest element is an x, beating all j y's
      for (let k = 0; k < a.length; k++) dist[k + j]! += a[k]!;
      const b = row[j - 1]!; // one fewer y: the new largest element is a y
      for (let k = 0; k < b.length; k++) dist[k]! += b[k]!;
      row.push(dist);
    }
    prev = row;
  }
  const dist = prev[n]!;
  const total = dist.reduce((s, c) => s + c, 0);
  let tail = 0;
  for (let k = Math.ceil(u - 1e-9); k < dist.length; k++) tail += dist[k]!;
  return tail / total;
}

/** Complementary error function, W. J. Cody's rational Chebyshev approximation via the Numerical Recipes erfc (|error| < 1.2e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** P(Z ≥ z) for a standard normal Z. */
export const normalUpperTail = (z: number): number => 0.5 * erfc(z / Math.SQRT2);

/** Exact distribution when there are no ties and the samples are small; otherwise the normal approximation with tie and continuity correction. */
export function mannWhitneyGreater(x: readonly number[], y: readonly number[], method: 'auto' | 'normal' = 'auto'): MannWhitneyResult {
  const m = x.length;
  const n = y.length;
  if (m === 0 || n === 0) throw new Error('Mann-Whitney U needs at least one value in each sample');
  const { ranks, ties } = midRanks([...x, ...y]);
  const rankSumX = ranks.slice(0, m).reduce((s, r) => s + r, 0);
  const u = rankSumX - (m * (m + 1)) / 2;
  const hasTies = ties.some((t) => t > 1);
  if (method === 'auto' && !hasTies && m + n <= 50) return { u, pValue: exactUpperTail(m, n, u), method: 'exact' };
  const N = m + n;
  const tieTerm = ties.reduce((s, t) => s + (t * t * t - t), 0) / (N * (N - 1));
  const variance = ((m * n) / 12) * (N + 1 - tieTerm);
  // Every value equal: U cannot vary, so nothing speaks for x being greater.
  if (variance <= 0) return { u, pValue: 1, method: 'normal' };
  const z = (u - (m * n) / 2 - 0.5) / Math.sqrt(variance);
  return { u, pValue: Math.min(1, Math.max(0, normalUpperTail(z))), method: 'normal' };
}
