import { sql, type Kysely } from 'kysely';

/** A row for {@link upsertRow}: column name to value. */
export type RowValues = Readonly<Record<string, unknown>>;

/**
 * Inserts `row`, or when a row with the same `key` columns exists, overwrites its other
 * columns (or only `update`). `INSERT … ON CONFLICT (…) DO UPDATE SET col = excluded.col`
 * is spelled the same on SQLite and PostgreSQL, so projections stay portable. The key
 * columns need a primary key or unique index.
 */
export async function upsertRow<DB>(
  db: Kysely<DB>,
  table: string,
  row: RowValues,
  key: readonly string[],
  update: readonly string[] = Object.keys(row).filter((column) => !key.includes(column)),
): Promise<void> {
  if (key.length === 0) throw new Error(`upsertRow(${table}): at least one key column is required`);
  const columns = Object.keys(row);
  const conflict = sql.join(key.map((column) => sql.id(column)));
  const action =
    update.length === 0
      ? sql`do nothing`
      : sql`do update set ${sql.join(update.map((column) => sql`${sql.id(column)} = excluded.${sql.id(column)}`))}`;
  await sql`insert into ${sql.table(table)} (${sql.join(columns.map((column) => sql.id(column)))})
    values (${sql.join(columns.map((column) => row[column]))})
    on conflict (${conflict}) ${action}`.execute(db);
}
