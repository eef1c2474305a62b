/**
 * The nearest-rank percentile of values sorted ascending, `sorted[ceil(p/100 × n) − 1]`: always
 * a value that really happened (the median of 1, 2, 3, 4 days is 2). Null when there are none.
 * (The same rule lead analytics uses for speed to lead; contexts do not share code.)
 */
export function nearestRank(sortedAscending: readonly number[], percent: number): number | null {
  const n = sortedAscending.length;
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil((percent / 100) * n - 1e-9));
  return sortedAscending[Math.min(rank, n) - 1] ?? null;
}

export const ascending = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

/** Seconds as days, to the hundredth (figures are reported in days; inputs keep their seconds). */
export const asDays = (seconds: number | null): number | null =>
  seconds === null ? null : Math.round((seconds / 86_400) * 100) / 100;

/** won / (won + lost); null while nothing closed. */
export const winRate = (won: number, lost: number): number | null => (won + lost === 0 ? null : won / (won + lost));
