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
  const found = (await db.introspection.getTables()).find((t) => t.name === table);
  if (!found) return;
  const present = new Set(found.columns.map((c) => c.name));
  for (const [name, type] of columns) {
    if (!present.has(name)) await db.schema.alterTable(table).addColumn(name, type).execute();
  }
}
