import { sql } from 'kysely';
import type { ReadModelTransaction } from '#ltc/projections';

const ROWS_PER_STATEMENT = 200;

/**
 * Writes rows with one multi-row `insert … on conflict (key) do update` per 200 rows
 * (`do nothing` when `update` is empty): a batch costs a few statements, not one per
 * event. The statement reads the same on SQLite and PostgreSQL. Every row must have the
 * same columns as the first.
 */
export async function upsertRows<Row extends Readonly<Record<string, unknown>>>(
  trx: ReadModelTransaction,
  table: string,
  rows: readonly Row[],
  key: readonly (keyof Row & string)[],
  update: readonly (keyof Row & string)[],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const action =
    update.length === 0
      ? sql`do nothing`
      : sql`do update set ${sql.join(update.map((column) => sql`${sql.id(column)} = excluded.${sql.id(column)}`))}`;
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const values = rows
      .slice(i, i + ROWS_PER_STATEMENT)
      .map((row) => sql`(${sql.join(columns.map((column) => row[column] ?? null))})`);
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((column) => sql.id(column)))})
      values ${sql.join(values)}
      on conflict (${sql.join(key.map((column) => sql.id(column)))}) ${action}`.execute(trx);
  }
}

/**
 * The lead ids a batch touches, per tenant, in chunks small enough for one `in (…)` list:
 * loading by `tenant_id = ? and lead_id in (…)` uses the `(tenant_id, lead_id…)` primary
 * keys, where `lead_id in (…)` alone would scan the table once per batch.
 */
export function leadIdChunks(
  events: readonly { readonly tenantId: string; readonly leadId: string }[],
  size = 500,
): { readonly tenantId: string; readonly leadIds: string[] }[] {
  const byTenant = new Map<string, Set<string>>();
  for (const { tenantId, leadId } of events) {
    const ids = byTenant.get(tenantId) ?? new Set<string>();
    ids.add(leadId);
    byTenant.set(tenantId, ids);
  }
  return [...byTenant].flatMap(([tenantId, ids]) => {
    const all = [...ids];
    const out: { tenantId: string; leadIds: string[] }[] = [];
    for (let i = 0; i < all.length; i += size) out.push({ tenantId, leadIds: all.slice(i, i + size) });
    return out;
  });
}
