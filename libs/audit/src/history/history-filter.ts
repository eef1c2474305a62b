import type { DealHistoryQueryDto, PeriodPageQueryDto } from './history.dto.js';
import type { HistoryFilter } from './history.queries.js';

/** A history's filter from its query; instants normalised to UTC ISO-8601, as the trail stores them. */
export function historyFilterOf(
  query: PeriodPageQueryDto & Partial<Pick<DealHistoryQueryDto, 'kind' | 'actor'>>,
): HistoryFilter {
  return {
    ...(query.kind ? { kinds: query.kind } : {}),
    ...(query.type ? { types: query.type } : {}),
    ...(query.actor ? { actor: query.actor } : {}),
    ...(query.from ? { from: new Date(query.from).toISOString() } : {}),
    ...(query.to ? { to: new Date(query.to).toISOString() } : {}),
  };
}
