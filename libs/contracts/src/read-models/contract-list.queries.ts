import { decodePageCursor, encodePageCursor, type ReadModelDb } from '#ltc/projections';
import { filteredContracts, type ContractFilter } from './contract-filter.js';
import { toContractView, type ContractPageView } from './contract.views.js';

export interface ContractListFilter extends ContractFilter {
  readonly limit: number;
  /** The `nextCursor` of the previous page. */
  readonly cursor?: string;
}

/**
 * One page of the tenant's contracts the caller sees, newest drafted first (ties by id, so the
 * order is total and a cursor names one position). The cursor is opaque: base64url JSON of the
 * last contract's `drafted_at` and id; it holds no filter.
 */
export async function listContracts(
  db: ReadModelDb,
  tenantId: string,
  filter: ContractListFilter,
): Promise<ContractPageView> {
  let query = filteredContracts(db, tenantId, filter).selectAll();
  if (filter.cursor !== undefined) {
    const [draftedAt = '', id = ''] = decodePageCursor(filter.cursor, 2, 'isContractCursor');
    query = query.where((eb) =>
      eb.or([eb('drafted_at', '<', draftedAt), eb.and([eb('drafted_at', '=', draftedAt), eb('contract_id', '<', id)])]),
    );
  }
  const rows = await query
    .orderBy('drafted_at', 'desc')
    .orderBy('contract_id', 'desc')
    .limit(filter.limit + 1)
    .execute();
  const items = rows.slice(0, filter.limit);
  const last = items.at(-1);
  return {
    items: items.map(toContractView),
    limit: filter.limit,
    nextCursor: rows.length > filter.limit && last ? encodePageCursor([last.drafted_at, last.contract_id]) : null,
  };
}
