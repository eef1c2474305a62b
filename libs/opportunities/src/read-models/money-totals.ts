/**
 * Sums of deal amounts per currency, exact: integer minor units added as BigInt (a sum of
 * many large deals, or an amount times a probability in basis points, can pass 2^53), and
 * the probability-weighted amount rounded half up once per currency sum, never per deal.
 */
export interface CurrencyTotal {
  readonly currency: string;
  readonly count: number;
  readonly amountMinor: number;
  /** Σ amount × probability / 10 000, rounded half up once. */
  readonly weightedMinor: number;
}

export interface AmountFacts {
  /** Integer minor units (a string from PostgreSQL's bigint); null: no amount known. */
  readonly amount_minor: number | string | null;
  readonly currency: string | null;
  readonly probability_bp: number;
}

interface Running {
  count: number;
  amount: bigint;
  weightedBp: bigint;
}

export class CurrencyTotals {
  private readonly byCurrency = new Map<string, Running>();

  add(deal: AmountFacts): void {
    if (deal.amount_minor === null || deal.currency === null) return;
    const running = this.byCurrency.get(deal.currency) ?? { count: 0, amount: 0n, weightedBp: 0n };
    const amount = BigInt(deal.amount_minor);
    running.count += 1;
    running.amount += amount;
    running.weightedBp += amount * BigInt(deal.probability_bp);
    this.byCurrency.set(deal.currency, running);
  }

  /** By currency code, so an answer reads the same every time. */
  list(): CurrencyTotal[] {
    return [...this.byCurrency]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([currency, r]) => ({
        currency,
        count: r.count,
        amountMinor: Number(r.amount),
        weightedMinor: Number((r.weightedBp + 5_000n) / 10_000n),
      }));
  }
}
