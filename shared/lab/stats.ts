// Small statistics for the lab: shares with Wilson intervals, percentiles, means.

/** The Wilson score interval (95%) of `count` successes in `n` trials. */
export function wilson(count: number, n: number): { share: number; low: number; high: number } {
  if (n === 0) return { share: 0, low: 0, high: 0 };
  const z = 1.959963984540054;
  const p = count / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  // at the ends the interval touches 0 or 1 exactly (floating point would leave a trace)
  return { share: p, low: count === 0 ? 0 : centre - half, high: count === n ? 1 : centre + half };
}

export function mean(xs: readonly number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

/** The sample variance (n − 1), 0 for fewer than two values. */
export function variance(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1);
}

/** The q-quantile (0–1) by linear interpolation between order statistics (values need not be sorted). */
export function quantile(xs: readonly number[], q: number): number {
  if (!xs.length) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Mean and the 10th, 50th and 90th percentiles. */
export function spread(xs: readonly number[]) {
  return { mean: mean(xs), p10: quantile(xs, 0.1), p50: quantile(xs, 0.5), p90: quantile(xs, 0.9) };
}

/** Rounds for the JSON, so the report is byte-identical across machines and worker counts. */
export function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
