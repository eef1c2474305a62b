import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** See `SqliteEventStoreOptions.durability`. */
export type SqliteDurability = 'full' | 'normal';

/**
 * How long a writer waits for another connection's write lock before giving up. Group
 * commit keeps each transaction to milliseconds, so seconds of waiting mean a stuck peer.
 */
const BUSY_TIMEOUT_MS = 10_000;

/** Bumped (and migrated) whenever the table layout changes. */
const SCHEMA_VERSION = 1;

// `position` is the rowid: under SQLite's single write lock the next rowid is max + 1, and
// events are never deleted, so the global log is gap-free and committed in position order.
// The unique (stream, revision) index both forbids a forked stream and serves stream reads.
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position    INTEGER PRIMARY KEY,
    stream      TEXT    NOT NULL,
    revision    INTEGER NOT NULL,
    id          TEXT    NOT NULL,
    type        TEXT    NOT NULL,
    data        TEXT    NOT NULL,
    metadata    TEXT    NOT NULL,
    recorded_at INTEGER NOT NULL
  ) STRICT;
  CREATE UNIQUE INDEX IF NOT EXISTS events_stream_revision ON events (stream, revision);
`;

/**
 * Opens (creating when missing) an event-store file: WAL so readers never block the
 * writer, the chosen fsync policy, a busy timeout so that several processes on one file
 * queue for the write lock instead of failing with SQLITE_BUSY, and 64-bit integers read
 * as bigint so positions and revisions never lose precision.
 */
export function openEventStoreDatabase(filename: string, durability: SqliteDurability): Database.Database {
  if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
  const db = new Database(filename, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal' && filename !== ':memory:') {
      throw new Error(`SQLite refused WAL mode for ${filename} (got ${String(mode)})`);
    }
    db.pragma(`synchronous = ${durability === 'normal' ? 'NORMAL' : 'FULL'}`);
    // IMMEDIATE: two processes starting together create the schema one after the other.
    db.transaction(() => createSchema(db, filename)).immediate();
    db.defaultSafeIntegers(true);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function createSchema(db: Database.Database, filename: string): void {
  const version = Number(db.pragma('user_version', { simple: true }));
  if (version > SCHEMA_VERSION) {
    throw new Error(`${filename} has event-store schema ${version}; this build knows up to ${SCHEMA_VERSION}`);
  }
  db.exec(SCHEMA);
  if (version < SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
}
