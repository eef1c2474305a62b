import type pg from 'pg';
import { EVENT_COLUMNS, type EventColumn } from '../sqlite/event-columns.js';

/** Bumped (and migrated) whenever the table layout changes. 1: the first layout. */
export const POSTGRES_SCHEMA_VERSION = 1;

// The same columns, in the same order, as the embedded store's `events`: rows read as arrays
// then build their events with the same code (`toRecordedEvent`). Data and unnamed metadata
// stay text, not jsonb: jsonb would reorder keys and rewrite numbers, and the text is what
// the reader parses anyway. `position` is given by the append (see `PostgresEventStore`).
const COLUMN_TYPES: Readonly<Record<EventColumn, string>> = {
  position: 'bigint primary key',
  stream: 'text not null',
  revision: 'bigint not null',
  id: 'text not null',
  type: 'text not null',
  data: 'text not null',
  tenant_id: 'text',
  actor_user_id: 'text',
  actor_role: 'text',
  correlation_id: 'text',
  causation_id: 'text',
  command_id: 'text',
  schema_version: 'bigint',
  request_hash: 'text',
  other_metadata: 'text',
  recorded_at: 'bigint not null',
  chain_hash: 'text not null',
};

/**
 * Creates the store's schema and tables when missing, under a transaction-level advisory lock
 * on the schema's name: two processes starting together take turns instead of both trying
 * `create schema` (which fails the second on pg_namespace's unique index). Touches only
 * `schema`. Refuses a schema a newer build has written.
 */
export async function preparePostgresSchema(client: pg.ClientBase, schema: string): Promise<void> {
  await client.query('begin');
  try {
    await client.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [`ltc-event-store-schema:${schema}`]);
    await client.query(`create schema if not exists ${schema}`);
    await client.query(`create table if not exists ${schema}.store_schema (version integer not null)`);
    const { rows } = await client.query<{ version: number }>(`select version from ${schema}.store_schema`);
    const version = rows[0]?.version ?? 0;
    if (version > POSTGRES_SCHEMA_VERSION) {
      throw new Error(
        `Schema ${schema} has event-store schema ${version}; this build knows up to ${POSTGRES_SCHEMA_VERSION}`,
      );
    }
    if (version === 0) {
      const columns = EVENT_COLUMNS.map((name) => `${name} ${COLUMN_TYPES[name]}`);
      await client.query(`create table ${schema}.events (${columns.join(', ')})`);
      // Forbids a forked stream and serves stream reads and the tail an append links to.
      await client.query(`create unique index events_stream_revision on ${schema}.events (stream, revision)`);
      await client.query(`create index events_tenant_actor on ${schema}.events (tenant_id, actor_user_id)`);
      await client.query(`insert into ${schema}.store_schema (version) values ($1)`, [POSTGRES_SCHEMA_VERSION]);
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}
