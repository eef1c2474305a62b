import type { EventStore } from './event-store.port.js';
import { EsdbEventStore } from './esdb/esdb-event-store.js';
import { SqliteEventStore } from './sqlite/sqlite-event-store.js';

export interface EventStoreSelection {
  /** `esdb://…` selects EventStoreDB; absent selects the embedded SQLite store. */
  readonly eventStoreUrl: string | undefined;
  readonly sqliteFilename: string;
  readonly durability: 'full' | 'normal';
}

/** The adapter configuration asks for: the embedded store unless EVENTSTORE_URL is set. */
export function createEventStore(selection: EventStoreSelection): EventStore {
  if (selection.eventStoreUrl) return new EsdbEventStore(selection.eventStoreUrl);
  return new SqliteEventStore({ filename: selection.sqliteFilename, durability: selection.durability });
}
