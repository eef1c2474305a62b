import type Database from 'better-sqlite3';
import { faultPoint } from '#ltc/kernel';
import type { EventMetadata } from '../recorded-event.js';
import { chainLink, contentDigest } from '../chain/event-chain.js';
import { COLUMN, EVENT_COLUMNS, eventsTableDdl, insertStatementSql, type EventRowValues } from './event-columns.js';
import { metadataFromRow, metadataToColumns } from './metadata-columns.js';

/**
 * Bumped (and migrated) whenever the table layout changes.
 * 1: metadata as one JSON column. 2: every named metadata field in a column of its own.
 * 3: every event's chain hash (tamper evidence, ADR 0021).
 */
export const SCHEMA_VERSION = 3;

/** Rows copied per statement while migrating; bounds the memory a large log needs. */
const MIGRATION_CHUNK = 2_000;

// The unique (stream, revision) index both forbids a forked stream and serves stream reads.
// (tenant, actor) answers "what did this user do": its entries end in the rowid, so they
// come in log order without a sort.
const INDEXES = `
  CREATE UNIQUE INDEX events_stream_revision ON events (stream, revision);
  CREATE INDEX events_tenant_actor ON events (tenant_id, actor_user_id);
`;

/**
 * Creates the schema in a new file or migrates an older one, inside the caller's IMMEDIATE
 * transaction: SQLite's DDL is transactional, so a crash mid-migration leaves the old
 * layout whole, and the next open migrates again. Two processes opening one file take turns.
 */
export function prepareEventsSchema(db: Database.Database, filename: string): void {
  const version = Number(db.pragma('user_version', { simple: true }));
  if (version > SCHEMA_VERSION) {
    throw new Error(`${filename} has event-store schema ${version}; this build knows up to ${SCHEMA_VERSION}`);
  }
  if (version === SCHEMA_VERSION) return;
  if (version === 0) {
    db.exec(eventsTableDdl('events') + INDEXES);
  } else {
    if (version === 1) migrateFromJsonMetadata(db);
    else db.exec('ALTER TABLE events ADD COLUMN chain_hash TEXT');
    chainStoredEvents(db);
  }
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
}

interface JsonMetadataRow {
  readonly position: bigint;
  readonly stream: string;
  readonly revision: bigint;
  readonly id: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly recorded_at: bigint;
}

/**
 * Schema 1 → 2: copies the log into the new layout (splitting each event's metadata the
 * way an append does), swaps the tables, then builds the indexes once over the copy,
 * which is faster than keeping them up to date row by row.
 */
function migrateFromJsonMetadata(db: Database.Database): void {
  db.exec(eventsTableDdl('events_migrating'));
  const read = db.prepare<[bigint, number], JsonMetadataRow>(
    `SELECT position, stream, revision, id, type, data, metadata, recorded_at
     FROM events WHERE position > ? ORDER BY position LIMIT ?`,
  );
  // Positions beyond 2^53 must survive the copy exactly.
  read.safeIntegers(true);
  const write = db.prepare(insertStatementSql('events_migrating', EVENT_COLUMNS));
  for (let after = 0n; ;) {
    const rows = read.all(after, MIGRATION_CHUNK);
    const last = rows.at(-1);
    if (!last) break;
    for (const { metadata, ...row } of rows) {
      write.run({ ...row, ...metadataToColumns(JSON.parse(metadata) as EventMetadata), chain_hash: null });
    }
    after = last.position;
  }
  faultPoint('event-store.mid-migration');
  db.exec(`DROP TABLE events; ALTER TABLE events_migrating RENAME TO events; ${INDEXES}`);
}

/**
 * Schema 2 → 3: gives every stored event its chain hash, stream by stream in revision
 * order, as appends would have. From the upgrade on, a change to any stored event shows;
 * what happened to the file before the upgrade cannot be told.
 */
function chainStoredEvents(db: Database.Database): void {
  const read = db
    .prepare<[string, bigint, number], EventRowValues>(
      `SELECT ${EVENT_COLUMNS.join(', ')} FROM events
       WHERE (stream, revision) > (?, ?) ORDER BY stream, revision LIMIT ?`,
    )
    .raw();
  read.safeIntegers(true);
  const update = db.prepare<[string, bigint]>('UPDATE events SET chain_hash = ? WHERE position = ?');
  let previous: { stream: string; hash: string } | undefined;
  for (let after: [string, bigint] = ['', -1n]; ;) {
    const rows = read.all(after[0], after[1], MIGRATION_CHUNK);
    for (const row of rows) {
      const stream = row[COLUMN.stream];
      const digest = contentDigest({
        id: row[COLUMN.id],
        type: row[COLUMN.type],
        data: JSON.parse(row[COLUMN.data]) as unknown,
        metadata: metadataFromRow(row),
      });
      const hash = chainLink(previous?.stream === stream ? previous.hash : null, stream, row[COLUMN.revision], digest);
      update.run(hash, row[COLUMN.position]);
      previous = { stream, hash };
    }
    const last = rows.at(-1);
    if (!last) break;
    after = [last[COLUMN.stream], last[COLUMN.revision]];
  }
}
