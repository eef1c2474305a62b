import { sql, type ExpressionBuilder } from 'kysely';
import type { ReadModelDb } from '#ltc/projections';
import type { ContractScope } from '../contract-access.js';
import { contractListDb, type ContractListTables } from './contract-list.table.js';

/** The filters the contract list and the balance totals share (all optional, all ANDed). */
export interface ContractFilter {
  readonly scope: ContractScope;
  readonly status?: readonly string[];
  readonly arId?: string;
  readonly frId?: string;
  /** Text in the name or the account. */
  readonly q?: string;
}

type ListExpressions = ExpressionBuilder<ContractListTables, 'contract_list'>;

/**
 * The same rule as `canSeeContract`, as a WHERE clause, so pages and sums count only what the
 * caller sees: a member the contracts naming them, a team's manager those too and their teams'.
 */
export function visibleContracts(eb: ListExpressions, scope: Exclude<ContractScope, { kind: 'tenant' }>) {
  const id = scope.personId;
  const named = [eb('ar_id', '=', id), eb('sr_id', '=', id), eb('fr_id', '=', id), eb('sponsor_id', '=', id)];
  return eb.or(scope.kind === 'team' ? [...named, eb('team_id', 'in', [...scope.teams])] : named);
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The tenant's contracts the caller sees that match every filter, not yet ordered. */
export function filteredContracts(db: ReadModelDb, tenantId: string, filter: ContractFilter) {
  let query = contractListDb(db).selectFrom('contract_list').where('tenant_id', '=', tenantId);
  const { scope } = filter;
  if (scope.kind !== 'tenant') query = query.where((eb) => visibleContracts(eb, scope));
  if (filter.status?.length) query = query.where('status', 'in', [...filter.status]);
  if (filter.arId) query = query.where('ar_id', '=', filter.arId);
  if (filter.frId) query = query.where('fr_id', '=', filter.frId);
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q.toLowerCase())}%`;
    query = query.where(
      sql<boolean>`(lower(name) like ${pattern} escape '\\' or lower(coalesce(account, '')) like ${pattern} escape '\\')`,
    );
  }
  return query;
}
