import type { ReadModelDb } from '#ltc/projections';
import type { OpportunityScope } from '../opportunity-access.js';
import { filteredDeals } from './deal-filter.js';
import { forecastHistoryDb, type ForecastHistoryRow } from './forecast-history.table.js';
import {
  bucketsOf,
  deltasBetween,
  inRange,
  monthOf,
  movesOf,
  type ForecastBucket,
  type ForecastDelta,
  type ForecastFacts,
  type MonthRange,
} from './forecast.snapshot.js';

export interface ForecastQuery extends MonthRange {
  readonly scope: OpportunityScope;
  readonly pipelineId?: string;
  /** An ISO date-time: also say how the forecast moved since then. */
  readonly since?: string;
}

export interface MovedDeal {
  readonly opportunityId: string;
  readonly name: string;
  readonly moves: string[];
  readonly before: ForecastFacts | null;
  readonly after: ForecastFacts;
}

export interface Forecast {
  readonly buckets: ForecastBucket[];
  readonly movement: { readonly since: string; readonly deltas: ForecastDelta[]; readonly deals: MovedDeal[] } | null;
}

/** Deals per query of the history table: keeps the `in (…)` list well under every driver's limit. */
const CHUNK = 500;

/**
 * The forecast by close month and category, per currency, as the history table has it now;
 * with `since`, the same as of then (each deal's latest change at or before it) and the
 * difference, and the deals that moved. Who sees which deal follows today's seats.
 */
export async function forecast(db: ReadModelDb, tenantId: string, query: ForecastQuery): Promise<Forecast> {
  const visible = await filteredDeals(db, tenantId, {
    scope: query.scope,
    ...(query.pipelineId ? { pipelineId: query.pipelineId } : {}),
  })
    .select(['opportunity_id', 'name'])
    .orderBy('opportunity_id')
    .execute();
  const now = new Map<string, ForecastFacts>();
  const then = new Map<string, ForecastFacts>();
  for (let i = 0; i < visible.length; i += CHUNK) {
    const ids = visible.slice(i, i + CHUNK).map((deal) => deal.opportunity_id);
    const rows = await forecastHistoryDb(db)
      .selectFrom('opportunity_forecast_history')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('opportunity_id', 'in', ids)
      .orderBy('opportunity_id')
      .orderBy('seq')
      .execute();
    for (const row of rows) {
      now.set(row.opportunity_id, factsOf(row));
      if (query.since !== undefined && Date.parse(row.changed_at) <= Date.parse(query.since)) {
        then.set(row.opportunity_id, factsOf(row));
      }
    }
  }
  const buckets = bucketsOf(now.values(), query);
  if (query.since === undefined) return { buckets, movement: null };
  const deals = visible.flatMap(({ opportunity_id: id, name }): MovedDeal[] => {
    const after = now.get(id);
    const before = then.get(id);
    if (!after) return [];
    const counted = inRange(monthOf(after), query) || (before !== undefined && inRange(monthOf(before), query));
    const moves = movesOf(before, after);
    return counted && moves.length > 0 ? [{ opportunityId: id, name, moves, before: before ?? null, after }] : [];
  });
  return {
    buckets,
    movement: { since: query.since, deltas: deltasBetween(bucketsOf(then.values(), query), buckets), deals },
  };
}

function factsOf(row: ForecastHistoryRow): ForecastFacts {
  return {
    status: row.status,
    stage_id: row.stage_id,
    forecast_category: row.forecast_category,
    probability_bp: Number(row.probability_bp),
    amount_minor: row.amount_minor === null ? null : Number(row.amount_minor),
    currency: row.currency,
    close_date: row.close_date,
  };
}
