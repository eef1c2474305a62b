/**
 * The nearest-rank percentile of values sorted ascending: the smallest observed value
 * with at least `percent` % of the values at or below it, i.e.
 * `sorted[ceil(percent / 100 × n) − 1]`. No interpolation, so the answer is always a
 * response time that really happened (the median of 30, 60, 90, 120 is 60, not 75).
 * Null when there are no values.
 */
export function nearestRankPercentile(sortedAscending: readonly number[], percent: number): number | null {
  if (!(percent > 0 && percent <= 100)) throw new RangeError(`percent must be in (0, 100], got ${percent}`);
  const n = sortedAscending.length;
  if (n === 0) return null;
  // The epsilon keeps e.g. 0.9 × 10 = 9.000000000000002 from rounding up to rank 10.
  const rank = Math.max(1, Math.ceil((percent / 100) * n - 1e-9));
  return sortedAscending[Math.min(rank, n) - 1] ?? null;
}

/** Numbers in ascending order (a copy; `Array#sort` alone would sort them as text). */
export const ascending = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);
