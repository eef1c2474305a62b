import { CompiledQuery, PostgresAdapter } from 'kysely';
import type { ReadModelDb, ReadModelTransaction } from './read-model-db.js';

/** What {@link upsertMany} writes: the table, its columns in order, the key, the columns a conflict overwrites. */
export interface BulkUpsertShape<Row> {
  readonly table: string;
  readonly columns: readonly (keyof Row & string)[];
  readonly key: readonly (keyof Row & string)[];
  /** Empty: a row whose key exists is left as it is (`do nothing`). */
  readonly update: readonly (keyof Row & string)[];
}

/**
 * Rows per statement, largest first: a batch of any size is written with full statements
 * of 128 rows and at most seven smaller ones, so a table needs eight statement texts and
 * the read-model connection prepares each once. 128 rows × 60 columns stays far below
 * SQLite's and PostgreSQL's limits on parameters.
 */
const CHUNK_SIZES = [128, 64, 32, 16, 8, 4, 2, 1] as const;

/**
 * Writes `rows` with multi-row `insert … on conflict (key) do update` statements whose text
 * is built once per shape and row count and sent with the values as parameters: no query
 * building per row (which cost a rebuild more than SQLite's own work), and the same few
 * prepared statements batch after batch. Spelled the same on SQLite and PostgreSQL but
 * for the placeholders. Rows are written in the order given.
 */
export async function upsertMany<Row extends Readonly<Record<string, unknown>>>(
  db: ReadModelDb | ReadModelTransaction,
  shape: BulkUpsertShape<Row>,
  rows: readonly Row[],
): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  let at = 0;
  for (const size of CHUNK_SIZES) {
    while (rows.length - at >= size) {
      const parameters: unknown[] = [];
      for (let i = at; i < at + size; i += 1) {
        const row = rows[i] as Row;
        for (const column of shape.columns) parameters.push(row[column] ?? null);
      }
      await db.executeQuery(CompiledQuery.raw(statementText(shape, size, postgres), parameters));
      at += size;
    }
  }
}

/** Statement texts per shape (the shapes are module constants) and row count. */
const texts = new WeakMap<object, Map<string, string>>();

function statementText<Row>(shape: BulkUpsertShape<Row>, size: number, postgres: boolean): string {
  const byShape = texts.get(shape) ?? new Map<string, string>();
  texts.set(shape, byShape);
  const cacheKey = `${postgres ? 'pg' : 'sqlite'}:${size}`;
  const cached = byShape.get(cacheKey);
  if (cached !== undefined) return cached;
  const id = (name: string): string => `"${name.replace(/"/g, '""')}"`;
  const width = shape.columns.length;
  const tuples: string[] = [];
  for (let row = 0; row < size; row += 1) {
    const marks = shape.columns.map((_, column) => (postgres ? `$${row * width + column + 1}` : '?'));
    tuples.push(`(${marks.join(', ')})`);
  }
  const action =
    shape.update.length === 0
      ? 'do nothing'
      : `do update set ${shape.update.map((column) => `${id(column)} = excluded.${id(column)}`).join(', ')}`;
  const text =
    `insert into ${id(shape.table)} (${shape.columns.map(id).join(', ')}) values ${tuples.join(', ')} ` +
    `on conflict (${shape.key.map(id).join(', ')}) ${action}`;
  byShape.set(cacheKey, text);
  return text;
}
