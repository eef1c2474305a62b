import type { Clock } from '#ltc/clock';
import { WrongExpectedRevisionError, type EventStore } from '#ltc/event-store';
import type { ScheduleTimerRequest, TimerContext, TimerScheduling } from '#ltc/projections';
import {
  TimerEventType,
  parseTimerScheduled,
  timerMetadata,
  timerStream,
  type TimerCancelledData,
  type TimerScheduledData,
} from './timer.events.js';

/**
 * Schedules and cancels durable timers by appending to the timer's own stream. Works
 * on every event store; the `due_timers` projection and the `TimerScheduler` do the rest.
 */
export class TimerService implements TimerScheduling {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends `TimerScheduled` to a new `timer-<timerId>` stream. Returns false (and
   * changes nothing) when that timer id was used before, so a retried caller such as a
   * re-run process manager schedules once.
   */
  async schedule(request: ScheduleTimerRequest): Promise<boolean> {
    if (Number.isNaN(request.dueAt.getTime())) throw new RangeError(`Timer ${request.timerId}: invalid dueAt`);
    const data: TimerScheduledData = {
      timerId: request.timerId,
      dueAt: request.dueAt.toISOString(),
      command: { type: request.command.type, payload: request.command.payload },
      context: request.context,
    };
    try {
      await this.store.appendToStream(
        timerStream(request.timerId),
        [
          {
            type: TimerEventType.Scheduled,
            data,
            metadata: timerMetadata(request.timerId, 'schedule', request.context),
          },
        ],
        { expectedRevision: 'no_stream' },
      );
      return true;
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) return false;
      throw error;
    }
  }

  /**
   * Appends `TimerCancelled` if the timer is still pending. Returns false for a timer
   * that fired, was cancelled, or never existed. Correlation and causation default to
   * the scheduling ones.
   */
  async cancel(timerId: string, context: Partial<TimerContext> = {}): Promise<boolean> {
    const events = await this.store.readStream(timerStream(timerId));
    const last = events.at(-1);
    if (!last || last.type !== TimerEventType.Scheduled) return false;
    const scheduled = parseTimerScheduled(last.data);
    const data: TimerCancelledData = { timerId, cancelledAt: this.clock.now().toISOString() };
    const metadata = timerMetadata(timerId, 'cancel', {
      tenantId: scheduled.context.tenantId,
      correlationId: context.correlationId ?? scheduled.context.correlationId,
      causationId: context.causationId ?? scheduled.context.causationId,
    });
    try {
      await this.store.appendToStream(
        timerStream(timerId),
        [{ type: TimerEventType.Cancelled, data, metadata }],
        // Only over the TimerScheduled we read: if it fired meanwhile, the cancel is moot.
        { expectedRevision: last.revision },
      );
      return true;
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) return false;
      throw error;
    }
  }
}
