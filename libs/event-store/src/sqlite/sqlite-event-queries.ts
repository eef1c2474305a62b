import type Database from 'better-sqlite3';
import type { EventFilter } from '../event-store.port.js';
import type { EventMetadata, RecordedEvent } from '../recorded-event.js';

/** A row of the `events` table as better-sqlite3 returns it with safe integers on. */
export interface EventRow {
  readonly position: bigint;
  readonly stream: string;
  readonly revision: bigint;
  readonly id: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly recorded_at: bigint;
}

/** An event ready to insert: already serialised, its revision decided. */
export interface NewEventRow {
  readonly stream: string;
  readonly revision: bigint;
  readonly id: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly recordedAt: number;
}

/** SQLite's LIMIT for "no limit". */
const NO_LIMIT = -1;
/** The largest position SQLite can hold; the upper bound of an unbounded read. */
const MAX_POSITION = 9_223_372_036_854_775_807n;
const COLUMNS = 'position, stream, revision, id, type, data, metadata, recorded_at';

/**
 * The prepared statements of the event store, prepared once per connection. Filtered
 * reads of the global log are prepared per filter shape (number of types and prefixes)
 * and cached, since a subscription runs the same one on every page.
 */
export class SqliteEventQueries {
  private readonly insertEvent;
  private readonly lastRevision;
  private readonly maxPosition;
  private readonly streamEvents;
  private readonly wholeStreamEvents;
  private readonly logReads = new Map<string, Database.Statement<unknown[], EventRow>>();

  constructor(private readonly db: Database.Database) {
    this.insertEvent = db.prepare<[NewEventRow]>(
      `INSERT INTO events (stream, revision, id, type, data, metadata, recorded_at)
       VALUES (@stream, @revision, @id, @type, @data, @metadata, @recordedAt)`,
    );
    this.lastRevision = db
      .prepare<[string], bigint>('SELECT revision FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1')
      .pluck();
    this.maxPosition = db.prepare<[], bigint>('SELECT coalesce(max(position), 0) FROM events').pluck();
    this.streamEvents = db.prepare<[string, bigint, number], EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?`,
    );
    // A bound LIMIT makes SQLite re-plan the statement on every run (measured: ~30% of a
    // command's CPU); the common "whole rest of the stream" read gets a statement without one.
    this.wholeStreamEvents = db.prepare<[string, bigint], EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision`,
    );
  }

  /** Inserts one event and returns the global position it was given. */
  insert(row: NewEventRow): bigint {
    return BigInt(this.insertEvent.run(row).lastInsertRowid);
  }

  /** Revision of the stream's last event; `undefined` when the stream does not exist. */
  streamRevision(stream: string): bigint | undefined {
    return this.lastRevision.get(stream);
  }

  /** Position of the newest event, 0n when the log is empty. */
  headPosition(): bigint {
    return this.maxPosition.get() ?? 0n;
  }

  readStream(stream: string, fromRevision: bigint, maxCount: number | undefined): EventRow[] {
    if (maxCount === undefined) return this.wholeStreamEvents.all(stream, fromRevision);
    return this.streamEvents.all(stream, fromRevision, limitOf(maxCount));
  }

  /** Events with `after < position <= upTo` that pass the filter, in position order. */
  readLog(after: bigint, upTo: bigint | undefined, filter: EventFilter | undefined, maxCount?: number): EventRow[] {
    const types = filter?.eventTypes ?? [];
    const prefixes = filter?.streamPrefixes ?? [];
    const statement = this.logRead(types.length, prefixes.length);
    // substr/length count characters on both sides, so this is exactly `startsWith`.
    const prefixParams = prefixes.flatMap((prefix) => [prefix, prefix]);
    return statement.all(after, upTo ?? MAX_POSITION, ...types, ...prefixParams, limitOf(maxCount));
  }

  private logRead(typeCount: number, prefixCount: number): Database.Statement<unknown[], EventRow> {
    const key = `${typeCount}:${prefixCount}`;
    const cached = this.logReads.get(key);
    if (cached) return cached;
    const conditions = ['position > ?', 'position <= ?'];
    if (typeCount > 0) conditions.push(`type IN (${Array(typeCount).fill('?').join(', ')})`);
    if (prefixCount > 0) {
      conditions.push(`(${Array(prefixCount).fill('substr(stream, 1, length(?)) = ?').join(' OR ')})`);
    }
    const statement = this.db.prepare<unknown[], EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE ${conditions.join(' AND ')} ORDER BY position LIMIT ?`,
    );
    this.logReads.set(key, statement);
    return statement;
  }
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    stream: row.stream,
    revision: row.revision,
    position: row.position,
    type: row.type,
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as EventMetadata,
    // Milliseconds since 1970 fit a double exactly for the next 280,000 years.
    recordedAt: new Date(Number(row.recorded_at)),
  };
}

function limitOf(maxCount: number | undefined): number {
  return maxCount === undefined ? NO_LIMIT : Math.max(0, Math.floor(maxCount));
}
