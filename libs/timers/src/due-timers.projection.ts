import type { RecordedEvent } from '#ltc/event-store';
import { upsertRow, type Projection, type ReadModelDb, type ReadModelTransaction } from '#ltc/projections';
import type { Kysely } from 'kysely';
import { TimerEventType } from './domain/timer.events.js';
import { parseTimerScheduled, timerIdOf } from './domain/timer-event-parser.js';
import { TIMER_EVENTS_FILTER } from './timer-stream.js';

/** Row shape of `due_timers`: one pending timer. */
export type DueTimerRow = {
  timer_id: string;
  /** ISO-8601 UTC with milliseconds: compares correctly as text on every dialect. */
  due_at: string;
  /** The DispatchableCommand as JSON. */
  command: string;
  tenant_id: string;
  correlation_id: string;
  causation_id: string;
  /** Id of the TimerScheduled event: the causation of the command the timer sends. */
  scheduled_event_id: string;
  /** Revision of TimerScheduled in the timer stream. */
  scheduled_revision: string;
};

/** The tables this projection owns. */
export type DueTimerTables = { due_timers: DueTimerRow };

/** Typed access to `due_timers` through any read-model connection or transaction. */
export function dueTimerTables(db: ReadModelDb): Kysely<DueTimerTables> {
  return db.withTables<DueTimerTables>();
}

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
    switch (event.type) {
      case TimerEventType.Scheduled: {
        const data = parseTimerScheduled(event.data);
        const row: DueTimerRow = {
          timer_id: data.timerId,
          due_at: new Date(data.dueAt).toISOString(),
          command: JSON.stringify(data.command),
          tenant_id: data.context.tenantId,
          correlation_id: data.context.correlationId,
          causation_id: data.context.causationId,
          scheduled_event_id: event.id,
          scheduled_revision: event.revision.toString(),
        };
        // The stream is created with no_stream, so a second TimerScheduled cannot exist; keep the first anyway.
        await upsertRow(trx, 'due_timers', row, ['timer_id'], []);
        return;
      }
      case TimerEventType.Fired:
      case TimerEventType.Cancelled:
        await dueTimerTables(trx).deleteFrom('due_timers').where('timer_id', '=', timerIdOf(event.data)).execute();
        return;
      default:
        return;
    }
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
