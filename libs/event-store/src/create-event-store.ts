import type { EventStore } from './event-store.port.js';
import { EsdbEventStore } from './esdb/esdb-event-store.js';
import { PostgresEventStore } from './postgres/postgres-event-store.js';
import { isPostgresUrl } from './postgres/postgres-location.js';
import { SqliteEventStore } from './sqlite/sqlite-event-store.js';

export interface EventStoreSelection {
  /**
   * `postgres://…` or `postgresql://…` selects PostgreSQL, `esdb://…` EventStoreDB;
   * absent selects the embedded SQLite store.
   */
  readonly eventStoreUrl: string | undefined;
  readonly sqliteFilename: string;
  readonly durability: 'full' | 'normal';
}

export type EventStoreKind = 'sqlite' | 'postgresql' | 'eventstoredb';

/** Which store an EVENTSTORE_URL selects (for logs and messages). */
export function eventStoreKind(eventStoreUrl: string | undefined): EventStoreKind {
  if (eventStoreUrl === undefined) return 'sqlite';
  return isPostgresUrl(eventStoreUrl) ? 'postgresql' : 'eventstoredb';
}

/**
 * Whether the store's head position is its number of events: the embedded and the PostgreSQL
 * store number the log without gaps; EventStoreDB's positions are places in its files.
 */
export function positionsCountEvents(eventStoreUrl: string | undefined): boolean {
  return eventStoreKind(eventStoreUrl) !== 'eventstoredb';
}

/** The adapter configuration asks for: the embedded store unless EVENTSTORE_URL is set. */
export function createEventStore(selection: EventStoreSelection): EventStore {
  const url = selection.eventStoreUrl;
  if (url === undefined) {
    return new SqliteEventStore({ filename: selection.sqliteFilename, durability: selection.durability });
  }
  return isPostgresUrl(url) ? new PostgresEventStore({ url }) : new EsdbEventStore(url);
}
