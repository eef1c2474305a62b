import type { ReadModelDb } from '#ltc/projections';
import type { OpportunityScope } from '../opportunity-access.js';
import { LIST_SIGHT, dealSight } from './deal-sight.js';
import { opportunityListDb } from './opportunity-list.table.js';

/** The filters the list, the board and the forecast share (all optional, all ANDed). */
export interface DealFilter {
  readonly scope: OpportunityScope;
  readonly pipelineId?: string;
  readonly ownerId?: string;
  readonly source?: string;
  readonly team?: string;
  readonly region?: string;
  /** Expected close date from / to, `YYYY-MM-DD`, both inclusive. */
  readonly closeFrom?: string;
  readonly closeTo?: string;
}

/** The tenant's deals the caller sees that match every filter, not yet ordered. */
export function filteredDeals(db: ReadModelDb, tenantId: string, filter: DealFilter) {
  let query = opportunityListDb(db).selectFrom('opportunity_list').where('tenant_id', '=', tenantId);
  const sight = dealSight(filter.scope, LIST_SIGHT);
  if (sight !== null) query = query.where(sight);
  if (filter.pipelineId) query = query.where('pipeline_id', '=', filter.pipelineId);
  if (filter.ownerId) query = query.where('owner_id', '=', filter.ownerId);
  if (filter.source) query = query.where('source', '=', filter.source);
  if (filter.team) query = query.where('team', '=', filter.team);
  if (filter.region) query = query.where('region', '=', filter.region);
  if (filter.closeFrom) query = query.where('close_date', '>=', filter.closeFrom);
  if (filter.closeTo) query = query.where('close_date', '<=', filter.closeTo);
  return query;
}
