import { sql } from 'kysely';
import type { ReadModelDb } from '#ltc/projections';
import type { AnalysisWindow } from './domain/analysis-window.js';
import { rankSources, type FunnelTotals, type RankedSource, type SourceFunnel } from './domain/conversion-by-source.js';
import { leadFunnelDb } from './lead-funnel.projection.js';
import { NO_WINS, wonDealsBySource, type WonFigures } from './won-deals-by-source.queries.js';

export interface ConversionBySourceReport {
  readonly average: FunnelTotals & WonFigures;
  readonly sources: (RankedSource & WonFigures)[];
}

/** How the leads captured in the window fared, per source, ranked by conversion, and what deals they won. */
export async function conversionBySource(
  db: ReadModelDb,
  tenantId: string,
  window: AnalysisWindow,
): Promise<ConversionBySourceReport> {
  const inWindow = () => {
    let select = leadFunnelDb(db).selectFrom('lead_funnel').where('tenant_id', '=', tenantId);
    if (window.from !== null) select = select.where('captured_at', '>=', window.from);
    if (window.before !== null) select = select.where('captured_at', '<', window.before);
    return select;
  };
  const counts = await inWindow()
    .select((eb) => [
      'source',
      eb.fn.countAll<string | number | bigint>().as('captured'),
      eb.fn.count<string | number | bigint>('qualified_at').as('qualified'),
      eb.fn.count<string | number | bigint>('converted_at').as('converted'),
      eb.fn.count<string | number | bigint>('disqualified_at').as('disqualified'),
    ])
    .groupBy('source')
    .execute();
  const reasons = await inWindow()
    .select((eb) => [
      'source',
      sql<string>`disqualify_reason`.as('reason'),
      eb.fn.countAll<string | number | bigint>().as('leads'),
    ])
    .where('disqualified_at', 'is not', null)
    .groupBy(['source', 'disqualify_reason'])
    .execute();
  // Counts come back as number (SQLite) or bigint (PostgreSQL); both are far below 2^53.
  const funnels = counts.map((row): SourceFunnel => ({
    source: row.source,
    captured: Number(row.captured),
    qualified: Number(row.qualified),
    converted: Number(row.converted),
    disqualified: Number(row.disqualified),
    reasons: reasons
      .filter((r) => r.source === row.source)
      .map((r) => ({ reasonCode: r.reason ?? 'unknown', count: Number(r.leads) })),
  }));
  const ranked = rankSources(funnels);
  const won = await wonDealsBySource(db, tenantId, window);
  return {
    average: { ...ranked.average, ...won.total },
    sources: ranked.sources.map((source) => ({ ...source, ...(won.bySource.get(source.source) ?? NO_WINS) })),
  };
}
