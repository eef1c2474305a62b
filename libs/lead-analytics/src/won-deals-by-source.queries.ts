import type { Money } from '#ltc/kernel';
import type { ReadModelDb } from '#ltc/projections';
import type { AnalysisWindow } from './domain/analysis-window.js';
import { leadFunnelDb, type LeadFunnelTables } from './lead-funnel.projection.js';
import type { LeadWonDealsTables } from './lead-won-deals.projection.js';

/** What the leads of one source won: how many deals, and their value per currency (never summed across). */
export interface WonFigures {
  readonly wonDeals: number;
  /** One amount per currency, by currency code. */
  readonly wonValue: Money[];
}

export const NO_WINS: WonFigures = { wonDeals: 0, wonValue: [] };

/**
 * Won deals of the leads captured in the window (the same capture cohort as the funnel),
 * per source (the lead's capture source) and currency.
 */
export async function wonDealsBySource(
  db: ReadModelDb,
  tenantId: string,
  window: AnalysisWindow,
): Promise<{ bySource: Map<string, WonFigures>; total: WonFigures }> {
  let query = leadFunnelDb(db)
    .withTables<LeadFunnelTables & LeadWonDealsTables>()
    .selectFrom('lead_won_deals as w')
    .innerJoin('lead_funnel as f', (join) =>
      join.onRef('f.tenant_id', '=', 'w.tenant_id').onRef('f.lead_id', '=', 'w.lead_id'),
    )
    .where('w.tenant_id', '=', tenantId)
    .where('w.won', '=', 1);
  if (window.from !== null) query = query.where('f.captured_at', '>=', window.from);
  if (window.before !== null) query = query.where('f.captured_at', '<', window.before);
  const rows = await query
    .select((eb) => [
      'f.source',
      'w.currency',
      eb.fn.countAll<string | number | bigint>().as('deals'),
      eb.fn.sum<string | number | bigint>('w.amount_minor').as('amount'),
    ])
    .groupBy(['f.source', 'w.currency'])
    .orderBy('f.source')
    .orderBy('w.currency')
    .execute();
  const bySource = new Map<string, WonFigures>();
  const totals = new Map<string, number>();
  let totalDeals = 0;
  for (const row of rows) {
    // Counts and sums of minor units stay far below 2^53; PostgreSQL returns them as text.
    const deals = Number(row.deals);
    const amount = { amountMinor: Number(row.amount), currency: row.currency ?? 'XXX' };
    const figures = bySource.get(row.source) ?? NO_WINS;
    bySource.set(row.source, { wonDeals: figures.wonDeals + deals, wonValue: [...figures.wonValue, amount] });
    totals.set(amount.currency, (totals.get(amount.currency) ?? 0) + amount.amountMinor);
    totalDeals += deals;
  }
  const wonValue = [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amountMinor]) => ({ amountMinor, currency }));
  return { bySource, total: { wonDeals: totalDeals, wonValue } };
}
