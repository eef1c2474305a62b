import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { prepareEventsSchema } from './sqlite-schema.js';

/** See `SqliteEventStoreOptions.durability`. */
export type SqliteDurability = 'full' | 'normal';

/**
 * How long a writer waits for another connection's write lock before giving up. Group
 * commit keeps each transaction to milliseconds, so seconds of waiting mean a stuck peer.
 */
const BUSY_TIMEOUT_MS = 10_000;

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
    // Freed bytes are zeroed, not left in free pages: nothing deleted lingers in the file.
    db.pragma('secure_delete = ON');
    // IMMEDIATE: two processes starting together create (or migrate) the schema one after the other.
    db.transaction(() => prepareEventsSchema(db, filename)).immediate();
    db.defaultSafeIntegers(true);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
