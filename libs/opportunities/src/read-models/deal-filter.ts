import type { ExpressionBuilder } from 'kysely';
import type { ReadModelDb } from '#ltc/projections';
import type { OpportunityScope } from '../opportunity-access.js';
import { opportunityListDb, type OpportunityListTables } from './opportunity-list.table.js';

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

type ListExpressions = ExpressionBuilder<OpportunityListTables, 'opportunity_list'>;

/**
 * The same rule as `canSeeDeal`, as a WHERE clause: a member sees the deals whose seat they
 * hold or whose pending handoff waits on them, so paging and sums count only those.
 */
export function visibleTo(eb: ListExpressions, scope: OpportunityScope) {
  if (scope.kind === 'tenant') return eb.lit(true);
  const id = scope.personId;
  return eb.or([
    eb('ar_id', '=', id),
    eb('sr_id', '=', id),
    eb('fr_id', '=', id),
    eb('sponsor_id', '=', id),
    eb('pending_handoff_to', '=', id),
  ]);
}

/** The tenant's deals the caller sees that match every filter, not yet ordered. */
export function filteredDeals(db: ReadModelDb, tenantId: string, filter: DealFilter) {
  let query = opportunityListDb(db).selectFrom('opportunity_list').where('tenant_id', '=', tenantId);
  if (filter.scope.kind === 'member') query = query.where((eb) => visibleTo(eb, filter.scope));
  if (filter.pipelineId) query = query.where('pipeline_id', '=', filter.pipelineId);
  if (filter.ownerId) query = query.where('owner_id', '=', filter.ownerId);
  if (filter.source) query = query.where('source', '=', filter.source);
  if (filter.team) query = query.where('team', '=', filter.team);
  if (filter.region) query = query.where('region', '=', filter.region);
  if (filter.closeFrom) query = query.where('close_date', '>=', filter.closeFrom);
  if (filter.closeTo) query = query.where('close_date', '<=', filter.closeTo);
  return query;
}
