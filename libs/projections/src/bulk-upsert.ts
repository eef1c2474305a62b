import { CompiledQuery, PostgresAdapter } from 'kysely';
import type { ReadModelDb, ReadModelTransaction } from './read-model-db.js';

/** What {@link upsertMany} writes: the table, its columns in order, the key, the columns a conflict overwrites. */
export interface BulkUpsertShape<Row> {
  readonly table: string;
  readonly columns: readonly (keyof Row & string)[];
  readonly key: readonly (keyof Row & string)[];
  /** Empty: a row whose key exists is left as it is (`do nothing`). */
  readonly update: readonly (keyof Row & string)[];
  /** PostgreSQL: the column types of the arrays the rows travel in; a column not named is `text`. */
  readonly pgTypes?: Partial<Record<keyof Row & string, string>>;
}

/**
 * Rows per statement, largest first: a batch of any size is written with full statements
 * of 128 rows and at most seven smaller ones, so a table needs eight statement texts and
 * the read-model connection prepares each once. 128 rows × 60 columns stays far below
 * SQLite's and PostgreSQL's limits on parameters.
 */
const CHUNK_SIZES = [128, 64, 32, 16, 8, 4, 2, 1] as const;

/** PostgreSQL: rows per statement (each column one array parameter, so no limit on parameters applies). */
const PG_ROWS_PER_STATEMENT = 1_000;

/**
 * Writes `rows` with `insert … on conflict (key) do update` statements whose text is built
 * once per shape and sent with the values as parameters: no query building per row (which
 * cost a rebuild more than SQLite's own work), and the same few statements batch after
 * batch. SQLite gets multi-row `values` lists (prepared once per row count, kept by the
 * connection's statement cache); PostgreSQL gets one array per column unnested into rows,
 * one short statement per 1,000 rows that the server parses in no time, where a `values`
 * list of thousands of parameters cost more to parse and plan than to write. Rows are
 * written in the order given.
 */
export async function upsertMany<Row extends Readonly<Record<string, unknown>>>(
  db: ReadModelDb | ReadModelTransaction,
  shape: BulkUpsertShape<Row>,
  rows: readonly Row[],
): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (let at = 0; at < rows.length; at += PG_ROWS_PER_STATEMENT) {
      const chunk = rows.slice(at, at + PG_ROWS_PER_STATEMENT);
      const arrays = shape.columns.map((column) => chunk.map((row) => row[column] ?? null));
      await db.executeQuery(CompiledQuery.raw(statementText(shape, 0, true), arrays));
    }
    return;
  }
  let at = 0;
  for (const size of CHUNK_SIZES) {
    while (rows.length - at >= size) {
      const parameters: unknown[] = [];
      for (let i = at; i < at + size; i += 1) {
        const row = rows[i] as Row;
        for (const column of shape.columns) parameters.push(row[column] ?? null);
      }
      await db.executeQuery(CompiledQuery.raw(statementText(shape, size, false), parameters));
      at += size;
    }
  }
}

/** Statement texts per shape (the shapes are module constants) and row count. */
const texts = new WeakMap<object, Map<string, string>>();

/** The statement for `size` rows on SQLite, or the one unnest statement on PostgreSQL. */
function statementText<Row>(shape: BulkUpsertShape<Row>, size: number, postgres: boolean): string {
  const byShape = texts.get(shape) ?? new Map<string, string>();
  texts.set(shape, byShape);
  const cacheKey = `${postgres ? 'pg' : 'sqlite'}:${size}`;
  const cached = byShape.get(cacheKey);
  if (cached !== undefined) return cached;
  const id = (name: string): string => `"${name.replace(/"/g, '""')}"`;
  const action =
    shape.update.length === 0
      ? 'do nothing'
      : `do update set ${shape.update.map((column) => `${id(column)} = excluded.${id(column)}`).join(', ')}`;
  const rowsSql = postgres ? unnestRows(shape) : valuesRows(shape.columns.length, size);
  const text =
    `insert into ${id(shape.table)} (${shape.columns.map(id).join(', ')}) ${rowsSql} ` +
    `on conflict (${shape.key.map(id).join(', ')}) ${action}`;
  byShape.set(cacheKey, text);
  return text;
}

function valuesRows(width: number, size: number): string {
  const tuple = `(${Array.from({ length: width }, () => '?').join(', ')})`;
  return `values ${Array.from({ length: size }, () => tuple).join(', ')}`;
}

function unnestRows<Row>(shape: BulkUpsertShape<Row>): string {
  const arrays = shape.columns.map((column, index) => {
    const type = shape.pgTypes?.[column] ?? 'text';
    if (!/^[a-z][a-z0-9 ]*$/.test(type)) throw new Error(`upsertMany(${shape.table}): invalid type ${type}`);
    return `$${index + 1}::${type}[]`;
  });
  return `select * from unnest(${arrays.join(', ')})`;
}
