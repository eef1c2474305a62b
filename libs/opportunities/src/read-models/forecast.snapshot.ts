import type { ForecastHistoryRow } from './forecast-history.table.js';
import { CurrencyTotals, type CurrencyTotal } from './money-totals.js';

/** A deal's forecast facts at one moment: its latest history row at or before it. */
export type ForecastFacts = Pick<
  ForecastHistoryRow,
  'status' | 'stage_id' | 'forecast_category' | 'probability_bp' | 'amount_minor' | 'currency' | 'close_date'
>;

export interface ForecastBucket {
  /** `YYYY-MM` of the expected close date; null: the deal has none. */
  readonly month: string | null;
  readonly category: string;
  readonly count: number;
  readonly totals: CurrencyTotal[];
}

export interface ForecastDelta {
  readonly month: string | null;
  readonly category: string;
  readonly currency: string;
  readonly countDelta: number;
  readonly amountDeltaMinor: number;
  readonly weightedDeltaMinor: number;
}

/** Which months count: from/to as `YYYY-MM`, inclusive; a deal with no close date only when neither is set. */
export interface MonthRange {
  readonly from?: string;
  readonly to?: string;
}

export const monthOf = (facts: ForecastFacts): string | null => facts.close_date?.slice(0, 7) ?? null;

export function inRange(month: string | null, range: MonthRange): boolean {
  if (month === null) return range.from === undefined && range.to === undefined;
  return (range.from === undefined || month >= range.from) && (range.to === undefined || month <= range.to);
}

const bucketKey = (month: string | null, category: string): string => `${month ?? ''}|${category}`;

/** Deals grouped by close month and category, sums per currency, in month then category order. */
export function bucketsOf(deals: Iterable<ForecastFacts>, range: MonthRange): ForecastBucket[] {
  const buckets = new Map<string, { month: string | null; category: string; count: number; totals: CurrencyTotals }>();
  for (const facts of deals) {
    const month = monthOf(facts);
    if (!inRange(month, range)) continue;
    const key = bucketKey(month, facts.forecast_category);
    const bucket = buckets.get(key) ?? {
      month,
      category: facts.forecast_category,
      count: 0,
      totals: new CurrencyTotals(),
    };
    bucket.count += 1;
    bucket.totals.add({ ...facts, probability_bp: Number(facts.probability_bp) });
    buckets.set(key, bucket);
  }
  return [...buckets]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, b]) => ({ month: b.month, category: b.category, count: b.count, totals: b.totals.list() }));
}

/** Now minus then, per month, category and currency; rows that did not move are left out. */
export function deltasBetween(then: readonly ForecastBucket[], now: readonly ForecastBucket[]): ForecastDelta[] {
  const cells = new Map<string, { month: string | null; category: string; currency: string; values: number[] }>();
  const add = (buckets: readonly ForecastBucket[], sign: 1 | -1) => {
    for (const bucket of buckets) {
      for (const total of bucket.totals) {
        const key = `${bucketKey(bucket.month, bucket.category)}|${total.currency}`;
        const cell = cells.get(key) ?? { ...bucket, currency: total.currency, values: [0, 0, 0] };
        const [count = 0, amount = 0, weighted = 0] = cell.values;
        cell.values = [
          count + sign * total.count,
          amount + sign * total.amountMinor,
          weighted + sign * total.weightedMinor,
        ];
        cells.set(key, cell);
      }
    }
  };
  add(then, -1);
  add(now, 1);
  return [...cells]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, c]) => ({
      month: c.month,
      category: c.category,
      currency: c.currency,
      countDelta: c.values[0] ?? 0,
      amountDeltaMinor: c.values[1] ?? 0,
      weightedDeltaMinor: c.values[2] ?? 0,
    }))
    .filter((d) => d.countDelta !== 0 || d.amountDeltaMinor !== 0 || d.weightedDeltaMinor !== 0);
}

/** How one deal moved between two snapshots, in words a forecast call uses. */
export function movesOf(then: ForecastFacts | undefined, now: ForecastFacts): string[] {
  if (!then) return ['opened'];
  const moves: string[] = [];
  if (then.status !== now.status) moves.push(now.status === 'open' ? 'reopened' : now.status);
  if (then.close_date !== now.close_date) {
    if (then.close_date === null) moves.push('close_date_set');
    else if (now.close_date === null) moves.push('close_date_cleared');
    else moves.push(now.close_date > then.close_date ? 'pushed' : 'pulled');
  }
  if (then.forecast_category !== now.forecast_category) moves.push('category_changed');
  if (then.stage_id !== now.stage_id && then.status === now.status) moves.push('stage_changed');
  if (String(then.amount_minor) !== String(now.amount_minor) || then.currency !== now.currency) {
    moves.push('amount_changed');
  }
  if (Number(then.probability_bp) !== Number(now.probability_bp) && then.stage_id === now.stage_id) {
    moves.push('probability_changed');
  }
  return moves;
}
