import Database from 'better-sqlite3';
import type { RecordedEvent } from '../src/recorded-event.js';

/** The `events` table as schema 1 laid it out: all metadata in one JSON column. */
const SCHEMA_ONE_DDL = `
  CREATE TABLE events (
    position    INTEGER PRIMARY KEY,
    stream      TEXT    NOT NULL,
    revision    INTEGER NOT NULL,
    id          TEXT    NOT NULL,
    type        TEXT    NOT NULL,
    data        TEXT    NOT NULL,
    metadata    TEXT    NOT NULL,
    recorded_at INTEGER NOT NULL
  ) STRICT;
  CREATE UNIQUE INDEX events_stream_revision ON events (stream, revision);
  PRAGMA user_version = 1;
`;

/** One stored row of schema 1, its JSON as text, exactly as an older build wrote it. */
export interface SchemaOneRow {
  readonly position: bigint;
  readonly stream: string;
  readonly revision: bigint;
  readonly id: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly recordedAt: number;
}

const HUGE_POSITION = 2n ** 53n + 1n;

/**
 * Rows of every shape an older file can hold: the engine's metadata with and without a
 * request hash, and metadata no column fits (an actor with a third field, a fractional
 * schema version, a number where text belongs, fields missing, unknown fields, a field
 * named `__proto__`), the last one at a position a double cannot hold.
 */
export const SCHEMA_ONE_ROWS: readonly SchemaOneRow[] = [
  {
    position: 1n,
    stream: 'lead-1',
    revision: 0n,
    id: 'event-1',
    type: 'LeadCaptured',
    data: '{"name":"Ada Ł. 🚀","tags":["a"],"nested":{"none":null}}',
    metadata:
      '{"actor":{"userId":"user-7","role":"sales"},"correlationId":"corr-1","causationId":"cmd-1",' +
      '"commandId":"cmd-1","tenantId":"acme","schemaVersion":1}',
    recordedAt: 1_767_225_600_000,
  },
  {
    position: 2n,
    stream: 'lead-1',
    revision: 1n,
    id: 'event-2',
    type: 'LeadTagged',
    data: '{"tag":"vip"}',
    metadata:
      '{"actor":{"userId":"user-7","role":"sales"},"correlationId":"corr-2","causationId":"cmd-2",' +
      '"commandId":"cmd-2","tenantId":"acme","schemaVersion":3,"requestHash":"sha256:abc"}',
    recordedAt: 1_767_225_601_000,
  },
  {
    position: 3n,
    stream: 'import-9',
    revision: 0n,
    id: 'event-3',
    type: 'Imported',
    data: 'null',
    metadata:
      '{"actor":{"userId":"u","role":"admin","team":"t"},"correlationId":42,"schemaVersion":1.5,' +
      '"tenantId":"acme","source":"csv","__proto__":{"polluted":true}}',
    recordedAt: 1_767_225_602_000,
  },
  {
    position: HUGE_POSITION,
    stream: 'lead-2',
    revision: 0n,
    id: 'event-4',
    type: 'LeadCaptured',
    data: '[1,2,3]',
    metadata: '{}',
    recordedAt: 1_767_225_603_000,
  },
];

/** A schema-1 file holding `rows`. */
export function writeSchemaOneFile(filename: string, rows: readonly SchemaOneRow[] = SCHEMA_ONE_ROWS): void {
  const db = new Database(filename);
  try {
    db.pragma('journal_mode = WAL');
    db.exec(SCHEMA_ONE_DDL);
    const insert = db.prepare(
      'INSERT INTO events VALUES (@position, @stream, @revision, @id, @type, @data, @metadata, @recordedAt)',
    );
    db.transaction(() => rows.forEach((row) => insert.run(row)))();
  } finally {
    db.close();
  }
}

/** What a schema-1 build read back for each row: the JSON columns parsed, nothing else changed. */
export function asSchemaOneRead(row: SchemaOneRow): RecordedEvent {
  return {
    id: row.id,
    stream: row.stream,
    revision: row.revision,
    position: row.position,
    type: row.type,
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as RecordedEvent['metadata'],
    recordedAt: new Date(row.recordedAt),
  };
}

export function userVersion(filename: string): number {
  const db = new Database(filename, { readonly: true });
  try {
    return Number(db.pragma('user_version', { simple: true }));
  } finally {
    db.close();
  }
}

/** Names of the tables and indexes in the file, sorted. */
export function schemaObjects(filename: string): string[] {
  const db = new Database(filename, { readonly: true });
  try {
    const names = db
      .prepare<[], string>("SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all();
    return names;
  } finally {
    db.close();
  }
}
