import { PostgresAdapter, sql } from 'kysely';
import type { ReadModelDb } from './read-model-db.js';

/**
 * Adds the columns a table of an older version lacks (a projection's `setup` after its shape
 * grew): the version bump that came with them then refills every row.
 */
export async function addMissingColumns(
  db: ReadModelDb,
  table: string,
  columns: readonly (readonly [name: string, type: 'text' | 'integer' | 'bigint'])[],
): Promise<void> {
  const present = await columnsOf(db, table);
  if (present.size === 0) return;
  for (const [name, type] of columns) {
    if (!present.has(name)) await db.schema.alterTable(table).addColumn(name, type).execute();
  }
}

/**
 * The columns of `table` as this connection sees it: on PostgreSQL in its own schema only
 * (Kysely's introspection lists the tables of every schema on the server, and another
 * deployment's or a scratch rebuild's table of the same name may come first).
 */
async function columnsOf(db: ReadModelDb, table: string): Promise<ReadonlySet<string>> {
  const query =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? sql<{ name: string }>`select column_name as name from information_schema.columns
          where table_schema = current_schema() and table_name = ${table}`
      : sql<{ name: string }>`select name from pragma_table_info(${table})`;
  const { rows } = await query.execute(db);
  return new Set(rows.map((r) => r.name));
}
