export * from './recorded-event.js';
export * from './event-store.port.js';
export * from './errors.js';
export * from './event-filter.js';
export * from './stream-name.js';
export * from './esdb/esdb-event-store.js';
export { InMemoryEventStore } from './in-memory/in-memory-event-store.js';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store.js';
export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store.js';
export {
  FALLBACK_AUTOCHECKPOINT_PAGES,
  startBackgroundCheckpoints,
  type BackgroundCheckpoints,
} from './sqlite/background-checkpoints.js';
export * from './create-event-store.js';
export * from './chain/verify-chains.js';
export * from './read-log.js';
