import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { OpportunityScope } from '../opportunity-access.js';

/** Where a read model keeps what sight of a deal depends on (columns as the query names them, `m.ar_id`). */
export interface DealSightColumns {
  readonly team: string;
  /** The triangle's seats, the sponsor and whoever a pending handoff waits on. */
  readonly people: readonly string[];
}

/** The deal list's and the member rows' own spelling of those columns. */
export const LIST_SIGHT: DealSightColumns = {
  team: 'team',
  people: ['ar_id', 'sr_id', 'fr_id', 'sponsor_id', 'pending_handoff_to'],
};

/**
 * The rule of `canSeeDeal` as a WHERE condition, so paging, counts and sums take only the deals
 * the caller sees: a member the deals naming them, a team's manager those too and their teams'.
 * Null for a tenant-wide scope, which narrows nothing.
 */
export function dealSight(scope: OpportunityScope, columns: DealSightColumns): RawBuilder<SqlBool> | null {
  if (scope.kind === 'tenant') return null;
  const named = columns.people.map((column) => sql<SqlBool>`${sql.ref(column)} = ${scope.personId}`);
  const team = scope.kind === 'team' ? [sql<SqlBool>`${sql.ref(columns.team)} in (${sql.join([...scope.teams])})`] : [];
  return sql<SqlBool>`(${sql.join([...named, ...team], sql` or `)})`;
}
