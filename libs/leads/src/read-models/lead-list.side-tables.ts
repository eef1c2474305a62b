import { sql } from 'kysely';
import type { ReadModelDb, ReadModelTransaction } from '#ltc/projections';

/**
 * Two tables kept beside `lead_list`, in the same transaction as its rows:
 * - `lead_list_tags`: one row per tag of a lead under `category:tag` and `:tag`, so the tag
 *   filter is an index lookup instead of a `LIKE` over every row;
 * - `lead_list_counts`: leads per tenant and status, so the total of an unfiltered page (or
 *   one filtered by status only) is a few rows read, not a count over the whole table.
 */
export type LeadListTagRow = { tenant_id: string; tag: string; lead_id: string };
export type LeadListCountRow = { tenant_id: string; status: string; leads: number | string | bigint };
export type LeadListSideTables = { lead_list_tags: LeadListTagRow; lead_list_counts: LeadListCountRow };

/** The key the tag filter looks up: `category:tag` as given, a bare tag under any category. */
export function tagKeyOf(filter: string): string {
  return filter.includes(':') ? filter : `:${filter}`;
}

export async function createLeadListSideTables(db: ReadModelDb): Promise<void> {
  await db.schema
    .createTable('lead_list_tags')
    .ifNotExists()
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('tag', 'text', (c) => c.notNull())
    .addColumn('lead_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('lead_list_tags_pk', ['tenant_id', 'tag', 'lead_id'])
    .execute();
  await db.schema
    .createTable('lead_list_counts')
    .ifNotExists()
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('leads', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('lead_list_counts_pk', ['tenant_id', 'status'])
    .execute();
}

export async function resetLeadListSideTables(trx: ReadModelTransaction): Promise<void> {
  await sql`delete from lead_list_tags`.execute(trx);
  await sql`delete from lead_list_counts`.execute(trx);
}
