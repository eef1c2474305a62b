import { winRate } from './nearest-rank.js';
import { groupsOf, type ClosingDeal, type DealGrouping } from './deal-groupings.js';

export interface DealOutcome {
  /** The source, team or AR; null: none (see dealGroupOf). */
  readonly key: string | null;
  readonly deals: number;
  readonly open: number;
  readonly won: number;
  readonly lost: number;
  readonly winRate: number | null;
  readonly lossReasons: { readonly reasonCode: string; readonly count: number }[];
}

/** Win rate (won / (won + lost)) and loss reasons per group, most frequent reason first. */
export function outcomesBy(deals: readonly ClosingDeal[], by: DealGrouping): DealOutcome[] {
  return groupsOf(deals, by).map(([key, rows]) => {
    const won = rows.filter((row) => row.status === 'won').length;
    const lostRows = rows.filter((row) => row.status === 'lost');
    const reasons = new Map<string, number>();
    for (const row of lostRows) {
      const reason = row.loss_reason ?? 'unknown';
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    return {
      key,
      deals: rows.length,
      open: rows.length - won - lostRows.length,
      won,
      lost: lostRows.length,
      winRate: winRate(won, lostRows.length),
      lossReasons: [...reasons.entries()]
        .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
        .map(([reasonCode, count]) => ({ reasonCode, count })),
    };
  });
}
