import type { RecordedEvent } from '#ltc/event-store';
import {
  deleteByKeys,
  upsertMany,
  type BulkUpsertShape,
  type Projection,
  type ReadModelDb,
  type ReadModelTransaction,
} from '#ltc/projections';
import type { Kysely } from 'kysely';
import { TimerEventType } from './domain/timer.events.js';
import { parseTimerScheduled } from './domain/timer-event-parser.js';
import { dueTimerChanges } from './due-timers.batch.js';
import type { DueTimerRow } from './due-timers.row.js';
import { TIMER_EVENTS_FILTER } from './timer-stream.js';

export type { DueTimerRow } from './due-timers.row.js';

/** The tables this projection owns. */
export type DueTimerTables = { due_timers: DueTimerRow };

/** Typed access to `due_timers` through any read-model connection or transaction. */
export function dueTimerTables(db: ReadModelDb): Kysely<DueTimerTables> {
  return db.withTables<DueTimerTables>();
}

/**
 * Timers due at or before `now` that the projection still holds, i.e. not yet fired: the
 * scheduler's backlog. It stays near zero while the scheduler keeps up.
 */
export async function timersDueBy(db: ReadModelDb, now: Date): Promise<number> {
  const row = await dueTimerTables(db)
    .selectFrom('due_timers')
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('due'))
    .where('due_at', '<=', now.toISOString())
    .executeTakeFirst();
  return Number(row?.due ?? 0);
}

const DUE_TIMER_SHAPE: BulkUpsertShape<DueTimerRow> = {
  table: 'due_timers',
  columns: [
    'timer_id',
    'due_at',
    'command',
    'tenant_id',
    'correlation_id',
    'causation_id',
    'scheduled_event_id',
    'scheduled_revision',
  ],
  key: ['timer_id'],
  update: [],
};

/** Told the earliest due time among timers a committed batch scheduled. */
export type DueTimersListener = (earliestScheduled: Date | undefined) => void;

/**
 * Keeps the pending timers (scheduled, neither fired nor cancelled) so the scheduler
 * can find the due ones with one indexed query, and finds them again after a restart.
 */
export class DueTimersProjection implements Projection {
  readonly name = 'due_timers';
  readonly version = 1;
  readonly filter = TIMER_EVENTS_FILTER;
  private readonly listeners = new Set<DueTimersListener>();

  async setup(db: ReadModelDb): Promise<void> {
    await db.schema
      .createTable('due_timers')
      .ifNotExists()
      .addColumn('timer_id', 'varchar(200)', (column) => column.primaryKey())
      .addColumn('due_at', 'varchar(40)', (column) => column.notNull())
      .addColumn('command', 'text', (column) => column.notNull())
      .addColumn('tenant_id', 'varchar(200)', (column) => column.notNull())
      .addColumn('correlation_id', 'varchar(200)', (column) => column.notNull())
      .addColumn('causation_id', 'varchar(200)', (column) => column.notNull())
      .addColumn('scheduled_event_id', 'varchar(200)', (column) => column.notNull())
      .addColumn('scheduled_revision', 'varchar(40)', (column) => column.notNull())
      .execute();
    await db.schema
      .createIndex('due_timers_due_at_idx')
      .ifNotExists()
      .on('due_timers')
      .columns(['due_at', 'timer_id'])
      .execute();
  }

  async reset(trx: ReadModelTransaction): Promise<void> {
    await dueTimerTables(trx).deleteFrom('due_timers').execute();
  }

  async apply(trx: ReadModelTransaction, event: RecordedEvent): Promise<void> {
    await this.applyBatch(trx, [event]);
  }

  /**
   * A batch folded in memory, then its deletes and inserts in a few statements: timer events
   * are most of the log (two in three of a realistic history), and a built query per event
   * made this the second slowest projection of a rebuild.
   */
  async applyBatch(trx: ReadModelTransaction, events: readonly RecordedEvent[]): Promise<void> {
    const { deletes, inserts } = dueTimerChanges(events);
    await deleteByKeys(trx, 'due_timers', 'timer_id', deletes);
    // The stream is created with no_stream, so a second TimerScheduled cannot exist; keep the first anyway.
    await upsertMany(trx, DUE_TIMER_SHAPE, inserts);
  }

  afterCommit(events: readonly RecordedEvent[]): void {
    let earliest: Date | undefined;
    for (const event of events) {
      if (event.type !== TimerEventType.Scheduled) continue;
      const dueAt = new Date(parseTimerScheduled(event.data).dueAt);
      if (!earliest || dueAt < earliest) earliest = dueAt;
    }
    for (const listener of this.listeners) listener(earliest);
  }

  /** Calls `listener` after each committed batch; returns the unsubscribe function. */
  onChange(listener: DueTimersListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
