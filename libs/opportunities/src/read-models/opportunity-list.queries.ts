import { sql } from 'kysely';
import { decodePageCursor, encodePageCursor, type ReadModelDb } from '#ltc/projections';
import { filteredDeals, type DealFilter } from './deal-filter.js';
import { toOpportunityView, type OpportunityPageView } from './opportunity.views.js';

export interface OpportunityListFilter extends DealFilter {
  readonly status?: readonly string[];
  readonly stageId?: string;
  /** Text in the name or the account. */
  readonly q?: string;
  readonly limit: number;
  /** The `nextCursor` of the previous page. */
  readonly cursor?: string;
}

/**
 * One page of the tenant's deals the caller sees, newest opened first (ties by id, so the
 * order is total and a cursor names one position). The cursor is opaque: base64url JSON of
 * the last deal's `opened_at` and id; it holds no filter.
 */
export async function listOpportunities(
  db: ReadModelDb,
  tenantId: string,
  filter: OpportunityListFilter,
): Promise<OpportunityPageView> {
  let query = filteredDeals(db, tenantId, filter).selectAll();
  if (filter.status?.length) query = query.where('status', 'in', [...filter.status]);
  if (filter.stageId) query = query.where('stage_id', '=', filter.stageId);
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q.toLowerCase())}%`;
    query = query.where(sql<boolean>`search_text like ${pattern} escape '\\'`);
  }
  if (filter.cursor !== undefined) {
    const [openedAt = '', id = ''] = decodePageCursor(filter.cursor, 2, 'isOpportunityCursor');
    query = query.where((eb) =>
      eb.or([eb('opened_at', '<', openedAt), eb.and([eb('opened_at', '=', openedAt), eb('opportunity_id', '<', id)])]),
    );
  }
  const rows = await query
    .orderBy('opened_at', 'desc')
    .orderBy('opportunity_id', 'desc')
    .limit(filter.limit + 1)
    .execute();
  const items = rows.slice(0, filter.limit);
  const last = items.at(-1);
  return {
    items: items.map(toOpportunityView),
    limit: filter.limit,
    nextCursor: rows.length > filter.limit && last ? encodePageCursor([last.opened_at, last.opportunity_id]) : null,
  };
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);
