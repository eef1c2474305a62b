import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { ReadModelDb } from '#ltc/projections';
import { auditDb, type AuditTrailRow } from '../trail/audit-trail.table.js';

/** What a history may be narrowed to; every field optional. */
export interface HistoryFilter {
  readonly kinds?: readonly string[];
  readonly types?: readonly string[];
  readonly actor?: string;
  /** ISO-8601, inclusive: entries that occurred at or after it. */
  readonly from?: string;
  /** ISO-8601, exclusive. */
  readonly to?: string;
}

export interface HistoryPageRequest {
  /** The padded position of the last entry of the previous page. */
  readonly after?: string;
  readonly limit: number;
}

export type TrailEntryRow = AuditTrailRow & { deal_id: string | null };

/** Whether the deal has any stream in the tenant: an unknown deal (or another tenant's) is a 404. */
export async function dealExists(db: ReadModelDb, tenantId: string, dealId: string): Promise<boolean> {
  const row = await auditDb(db)
    .selectFrom('audit_deal_streams')
    .select('stream')
    .where('tenant_id', '=', tenantId)
    .where('deal_id', '=', dealId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Trail entries of a tenant with the deal each belongs to (null: none). */
function trailEntries(db: ReadModelDb, tenantId: string) {
  return auditDb(db)
    .selectFrom('audit_trail as t')
    .leftJoin('audit_deal_streams as d', (join) =>
      join.onRef('d.tenant_id', '=', 't.tenant_id').onRef('d.stream', '=', 't.stream'),
    )
    .selectAll('t')
    .select('d.deal_id')
    .where('t.tenant_id', '=', tenantId);
}

type TrailQuery = ReturnType<typeof trailEntries>;

function pageOf(query: TrailQuery, filter: HistoryFilter, page: HistoryPageRequest): Promise<TrailEntryRow[]> {
  const after = page.after;
  const narrowedQuery = query.where((eb) => narrowed(eb, filter));
  return (after === undefined ? narrowedQuery : narrowedQuery.where('t.position', '>', after))
    .orderBy('t.position')
    .limit(page.limit)
    .execute();
}

/** One page of a deal's timeline across its streams, in log order. */
export function dealHistoryPage(
  db: ReadModelDb,
  tenantId: string,
  dealId: string,
  filter: HistoryFilter,
  page: HistoryPageRequest,
): Promise<TrailEntryRow[]> {
  // From the deal's streams to their entries (`audit_trail_stream`): never a walk over the tenant's trail.
  // Joined on the stream alone: a stream's events are one tenant's, and an equality on `t.tenant_id`
  // lets SQLite's planner start from the tenant's whole trail instead.
  let query = auditDb(db)
    .selectFrom('audit_deal_streams as d')
    .innerJoin('audit_trail as t', 't.stream', 'd.stream')
    .selectAll('t')
    .select('d.deal_id')
    .where('d.tenant_id', '=', tenantId)
    .where('d.deal_id', '=', dealId)
    .where((eb) => narrowed(eb, filter));
  if (page.after !== undefined) query = query.where('t.position', '>', page.after);
  return query.orderBy('t.position').limit(page.limit).execute();
}

/** One page of what one person did across the tenant, in log order, with each entry's deal. */
export function actorActivityPage(
  db: ReadModelDb,
  tenantId: string,
  userId: string,
  filter: Omit<HistoryFilter, 'actor'>,
  page: HistoryPageRequest,
): Promise<TrailEntryRow[]> {
  return pageOf(trailEntries(db, tenantId).where('t.actor_user_id', '=', userId), filter, page);
}

/** The entries of these event ids (the causes of a page), with their deals. */
export async function entriesById(
  db: ReadModelDb,
  tenantId: string,
  eventIds: readonly string[],
): Promise<Map<string, TrailEntryRow>> {
  const found = new Map<string, TrailEntryRow>();
  const ids = [...new Set(eventIds)];
  for (let at = 0; at < ids.length; at += 500) {
    const rows = await trailEntries(db, tenantId)
      .where('t.event_id', 'in', ids.slice(at, at + 500))
      .execute();
    for (const row of rows) found.set(row.event_id, row);
  }
  return found;
}

/** The filter's conditions on the trail (`t`), whatever else the query joins. */
function narrowed(eb: ExpressionBuilder<{ t: AuditTrailRow }, 't'>, filter: HistoryFilter): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.kinds?.length) conditions.push(eb('t.stream_kind', 'in', filter.kinds));
  if (filter.types?.length) conditions.push(eb('t.type', 'in', filter.types));
  if (filter.actor !== undefined) conditions.push(eb('t.actor_user_id', '=', filter.actor));
  if (filter.from !== undefined) conditions.push(eb('t.occurred_at', '>=', filter.from));
  if (filter.to !== undefined) conditions.push(eb('t.occurred_at', '<', filter.to));
  return eb.and(conditions);
}
