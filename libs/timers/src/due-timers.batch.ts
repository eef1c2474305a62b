import type { RecordedEvent } from '#ltc/event-store';
import { TimerEventType } from './domain/timer.events.js';
import { parseTimerScheduled, timerIdOf } from './domain/timer-event-parser.js';
import type { DueTimerRow } from './due-timers.row.js';

/** What a batch of timer events does to `due_timers`: these rows go first, then those are inserted (first one kept). */
export interface DueTimerChanges {
  readonly deletes: readonly string[];
  readonly inserts: readonly DueTimerRow[];
}

/** The row a `TimerScheduled` keeps. */
export function dueTimerRow(event: RecordedEvent): DueTimerRow {
  const data = parseTimerScheduled(event.data);
  return {
    timer_id: data.timerId,
    due_at: new Date(data.dueAt).toISOString(),
    command: JSON.stringify(data.command),
    tenant_id: data.context.tenantId,
    correlation_id: data.context.correlationId,
    causation_id: data.context.causationId,
    scheduled_event_id: event.id,
    scheduled_revision: event.revision.toString(),
  };
}

/**
 * Folds a batch in log order into the same end state as applying its events one by one
 * (insert keeping an existing row, delete on fired or cancelled): per timer, whether any
 * delete happened (then the stored row goes first) and the row left after the last delete
 * (the first scheduled after it, as an insert that keeps an existing row would).
 */
export function dueTimerChanges(events: readonly RecordedEvent[]): DueTimerChanges {
  const timers = new Map<string, { deleted: boolean; row: DueTimerRow | undefined }>();
  for (const event of events) {
    switch (event.type) {
      case TimerEventType.Scheduled: {
        const row = dueTimerRow(event);
        const timer = timers.get(row.timer_id);
        if (!timer) timers.set(row.timer_id, { deleted: false, row });
        else timer.row ??= row;
        break;
      }
      case TimerEventType.Fired:
      case TimerEventType.Cancelled: {
        const timerId = timerIdOf(event.data);
        timers.set(timerId, { deleted: true, row: undefined });
        break;
      }
      default:
        break;
    }
  }
  const deletes: string[] = [];
  const inserts: DueTimerRow[] = [];
  for (const [timerId, { deleted, row }] of timers) {
    if (deleted) deletes.push(timerId);
    if (row) inserts.push(row);
  }
  return { deletes, inserts };
}
