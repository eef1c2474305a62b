import { sql } from 'kysely';
import type { EventFilter, RecordedEvent } from '#ltc/event-store';
import { upsertRow, type Projection, type ReadModelDb, type ReadModelTransaction } from '#ltc/projections';

/** Runs before each apply; may throw (a poison event) or hang (a process about to die). */
export type ApplyHook = (event: RecordedEvent, applied: number) => void | Promise<void>;

interface Options {
  readonly name?: string;
  readonly version?: number;
  readonly filter?: EventFilter;
  readonly hook?: ApplyHook;
}

type EventLogTables = {
  [table: string]: {
    event_id: string;
    stream: string;
    revision: string;
    position: string;
    type: string;
    written_by: number;
  };
};

/**
 * One row per event, inserted (not upserted): applying an event twice violates the
 * primary key, so a double delivery cannot go unnoticed.
 */
export class EventLogProjection implements Projection {
  readonly name: string;
  readonly version: number;
  readonly filter?: EventFilter;
  applied = 0;

  constructor(private readonly options: Options = {}) {
    this.name = options.name ?? 'event_log';
    this.version = options.version ?? 1;
    if (options.filter) this.filter = options.filter;
  }

  async setup(db: ReadModelDb): Promise<void> {
    await db.schema
      .createTable(this.name)
      .ifNotExists()
      .addColumn('event_id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('stream', 'varchar(200)', (c) => c.notNull())
      .addColumn('revision', 'varchar(40)', (c) => c.notNull())
      .addColumn('position', 'varchar(40)', (c) => c.notNull())
      .addColumn('type', 'varchar(100)', (c) => c.notNull())
      .addColumn('written_by', 'integer', (c) => c.notNull())
      .execute();
  }

  async reset(trx: ReadModelTransaction): Promise<void> {
    await trx.withTables<EventLogTables>().deleteFrom(this.name).execute();
  }

  async apply(trx: ReadModelTransaction, event: RecordedEvent): Promise<void> {
    this.applied += 1;
    await this.options.hook?.(event, this.applied);
    await trx
      .withTables<EventLogTables>()
      .insertInto(this.name)
      .values({
        event_id: event.id,
        stream: event.stream,
        revision: event.revision.toString(),
        position: event.position.toString(),
        type: event.type,
        written_by: this.version,
      })
      .execute();
  }
}

type CountTables = { stream_counts: { stream: string; events: number; last_revision: string } };

/** A counter per stream: an event applied twice shows up as a count too high. */
export class StreamCountsProjection implements Projection {
  readonly name = 'stream_counts';
  readonly version = 1;
  applied = 0;

  constructor(private readonly hook?: ApplyHook) {}

  async setup(db: ReadModelDb): Promise<void> {
    await db.schema
      .createTable('stream_counts')
      .ifNotExists()
      .addColumn('stream', 'varchar(200)', (c) => c.primaryKey())
      .addColumn('events', 'integer', (c) => c.notNull())
      .addColumn('last_revision', 'varchar(40)', (c) => c.notNull())
      .execute();
  }

  async reset(trx: ReadModelTransaction): Promise<void> {
    await trx.withTables<CountTables>().deleteFrom('stream_counts').execute();
  }

  async apply(trx: ReadModelTransaction, event: RecordedEvent): Promise<void> {
    this.applied += 1;
    await this.hook?.(event, this.applied);
    await trx
      .withTables<CountTables>()
      .insertInto('stream_counts')
      .values({ stream: event.stream, events: 1, last_revision: event.revision.toString() })
      .onConflict((oc) =>
        oc.column('stream').doUpdateSet({
          events: sql<number>`stream_counts.events + 1`,
          last_revision: (eb) => eb.ref('excluded.last_revision'),
        }),
      )
      .execute();
  }
}

type LatestTables = { latest_type: { stream: string; type: string; position: string } };

/** The last event type per stream, kept with the portable {@link upsertRow} helper. */
export class LatestTypeProjection implements Projection {
  readonly name = 'latest_type';
  readonly version = 1;

  async setup(db: ReadModelDb): Promise<void> {
    await db.schema
      .createTable('latest_type')
      .ifNotExists()
      .addColumn('stream', 'varchar(200)', (c) => c.primaryKey())
      .addColumn('type', 'varchar(100)', (c) => c.notNull())
      .addColumn('position', 'varchar(40)', (c) => c.notNull())
      .execute();
  }

  async reset(trx: ReadModelTransaction): Promise<void> {
    await trx.withTables<LatestTables>().deleteFrom('latest_type').execute();
  }

  async apply(trx: ReadModelTransaction, event: RecordedEvent): Promise<void> {
    await upsertRow(
      trx,
      'latest_type',
      { stream: event.stream, type: event.type, position: event.position.toString() },
      ['stream'],
    );
  }
}

/**
 * Every row of `table`, sorted by `orderBy` (decimal strings such as positions numerically),
 * with int8 values as numbers so rows compare across runs.
 */
export async function readRows(db: ReadModelDb, table: string, orderBy: string): Promise<Record<string, unknown>[]> {
  const result = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
  const rows = result.rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([key, value]) => [key, typeof value === 'bigint' ? Number(value) : value]),
    ),
  );
  return rows.sort((a, b) => compare(a[orderBy], b[orderBy]));
}

function compare(a: unknown, b: unknown): number {
  const x = String(a);
  const y = String(b);
  if (/^\d+$/.test(x) && /^\d+$/.test(y)) {
    const diff = BigInt(x) - BigInt(y);
    return diff < 0n ? -1 : diff > 0n ? 1 : 0;
  }
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A promise with its resolver, to hold a handler mid-batch. */
export function gate(): { promise: Promise<void>; open(): void } {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}
