/**
 * The columns of the `events` table, in table order, with where each one is in a row read
 * in raw mode. Reads take rows as arrays: better-sqlite3 builds a row object property by
 * property, which with sixteen columns costs more than the read itself (measured 6.0 µs
 * per row as objects, 3.4 µs as arrays).
 */
export const COLUMN = {
  position: 0,
  stream: 1,
  revision: 2,
  id: 3,
  type: 4,
  data: 5,
  tenant_id: 6,
  actor_user_id: 7,
  actor_role: 8,
  correlation_id: 9,
  causation_id: 10,
  command_id: 11,
  schema_version: 12,
  request_hash: 13,
  other_metadata: 14,
  recorded_at: 15,
  chain_hash: 16,
} as const;

export type EventColumn = keyof typeof COLUMN;

/** A row of `events` read in raw mode with safe integers on, one value per `COLUMN` index. */
export type EventRowValues = readonly [
  position: bigint,
  stream: string,
  revision: bigint,
  id: string,
  type: string,
  data: string,
  tenant_id: string | null,
  actor_user_id: string | null,
  actor_role: string | null,
  correlation_id: string | null,
  causation_id: string | null,
  command_id: string | null,
  schema_version: bigint | null,
  request_hash: string | null,
  other_metadata: string | null,
  recorded_at: bigint,
  chain_hash: string | null,
];

// `position` is the rowid: under SQLite's single write lock the next rowid is max + 1, and
// events are never deleted, so the global log is gap-free and committed in position order.
// The metadata columns may be NULL: see `MetadataColumns`.
const COLUMN_TYPES: Readonly<Record<EventColumn, string>> = {
  position: 'INTEGER PRIMARY KEY',
  stream: 'TEXT NOT NULL',
  revision: 'INTEGER NOT NULL',
  id: 'TEXT NOT NULL',
  type: 'TEXT NOT NULL',
  data: 'TEXT NOT NULL',
  tenant_id: 'TEXT',
  actor_user_id: 'TEXT',
  actor_role: 'TEXT',
  correlation_id: 'TEXT',
  causation_id: 'TEXT',
  command_id: 'TEXT',
  schema_version: 'INTEGER',
  request_hash: 'TEXT',
  other_metadata: 'TEXT',
  recorded_at: 'INTEGER NOT NULL',
  // NULL only between a schema-2 file's upgrade and the chaining of its old events, which
  // happen in one transaction: a committed row without one was changed by hand.
  chain_hash: 'TEXT',
};

/** Every column of `events`, in table order (the order of `COLUMN`'s indexes). */
export const EVENT_COLUMNS: readonly EventColumn[] = (Object.keys(COLUMN) as EventColumn[]).sort(
  (a, b) => COLUMN[a] - COLUMN[b],
);

export function eventsTableDdl(table: string): string {
  const columns = EVENT_COLUMNS.map((name) => `${name} ${COLUMN_TYPES[name]}`);
  return `CREATE TABLE ${table} (\n  ${columns.join(',\n  ')}\n) STRICT;`;
}

/** An INSERT of the named columns, each bound by its own name (`@column`). */
export function insertStatementSql(table: string, columns: readonly EventColumn[]): string {
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((name) => `@${name}`).join(', ')})`;
}
