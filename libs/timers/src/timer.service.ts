import type { Clock } from '#ltc/clock';
import { aggregateStream, streamStateOf } from '#ltc/commanding';
import type { EventStore } from '#ltc/event-store';
import { NotFoundError } from '#ltc/kernel';
import type { ScheduleTimerRequest, TimerContext, TimerScheduling } from '#ltc/projections';
import { timerDecider } from './domain/timer.decider.js';
import { parseTimerEvent } from './domain/timer-event-parser.js';
import { runTimerCommand } from './timer-commands.js';
import { timerStream } from './timer-stream.js';

/**
 * Schedules and cancels durable timers through the timer decider, on the timer's own
 * stream. Works on every event store; the `due_timers` projection and the
 * `TimerScheduler` do the rest.
 */
export class TimerService implements TimerScheduling {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  /**
   * Starts a new `timer-<timerId>` stream with `TimerScheduled`. Returns false (and
   * changes nothing) when that timer id was used before, so a retried caller such as a
   * re-run process manager schedules once.
   */
  async schedule(request: ScheduleTimerRequest): Promise<boolean> {
    const { timerId, dueAt, command, context } = request;
    try {
      return await runTimerCommand(this.store, { type: 'ScheduleTimer', timerId, dueAt, command, context }, context);
    } catch (error) {
      // Another tenant's timer by that id: taken all the same, and not reported as existing.
      if (error instanceof NotFoundError) return false;
      throw error;
    }
  }

  /**
   * Appends `TimerCancelled` if the timer is still pending. Returns false for a timer
   * that fired, was cancelled, or never existed. Correlation and causation default to
   * the scheduling ones.
   */
  async cancel(timerId: string, context: Partial<TimerContext> = {}): Promise<boolean> {
    const folded = await aggregateStream(this.store, timerDecider, timerStream(timerId), { parse: parseTimerEvent });
    // A timer never scheduled has no tenant to act for, and nothing to call off.
    if (folded.state.status === 'none') return false;
    const scheduled = folded.state.scheduled.context;
    const origin = {
      tenantId: scheduled.tenantId,
      correlationId: context.correlationId ?? scheduled.correlationId,
      causationId: context.causationId ?? scheduled.causationId,
    };
    const cancel = { type: 'CancelTimer', timerId, now: this.clock.now() } as const;
    // Decided on the fold just read; if it fired meanwhile, the retry on a fresh read finds nothing to cancel.
    return runTimerCommand(this.store, cancel, origin, streamStateOf(folded));
  }
}
