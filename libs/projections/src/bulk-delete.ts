import { CompiledQuery, PostgresAdapter } from 'kysely';
import type { ReadModelDb, ReadModelTransaction } from './read-model-db.js';

/** Keys per statement, largest first: as in `upsertMany`, a few statement texts serve batches of any size. */
const CHUNK_SIZES = [256, 64, 16, 4, 1] as const;

/**
 * Deletes the rows of `table` whose single-column key `keyColumn` is one of `keys`, with
 * statements whose text is built once per shape: `in (?, …)` lists of fixed sizes on SQLite
 * (prepared once each and kept by the connection's statement cache), one `= any($1)` over a
 * text array per 1,000 keys on PostgreSQL. A projection's batch then deletes with a handful
 * of statements instead of one built query per event.
 */
export async function deleteByKeys(
  db: ReadModelDb | ReadModelTransaction,
  table: string,
  keyColumn: string,
  keys: readonly string[],
): Promise<void> {
  const id = (name: string): string => `"${name.replace(/"/g, '""')}"`;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const text = `delete from ${id(table)} where ${id(keyColumn)} = any($1::text[])`;
    for (let at = 0; at < keys.length; at += 1_000) {
      await db.executeQuery(CompiledQuery.raw(text, [keys.slice(at, at + 1_000)]));
    }
    return;
  }
  let at = 0;
  for (const size of CHUNK_SIZES) {
    const text = `delete from ${id(table)} where ${id(keyColumn)} in (${Array.from({ length: size }, () => '?').join(', ')})`;
    while (keys.length - at >= size) {
      await db.executeQuery(CompiledQuery.raw(text, keys.slice(at, at + size)));
      at += size;
    }
  }
}
