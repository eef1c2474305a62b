import type { Clock } from '#ltc/clock';
import { aggregateStream, streamStateOf, type CommandDispatcher } from '#ltc/commanding';
import type { EventStore } from '#ltc/event-store';
import { SYSTEM_ACTOR, type ReadModelDb, type RunnerLogger } from '#ltc/projections';
import { timerDecider } from './domain/timer.decider.js';
import { parseCommand, parseTimerEvent } from './domain/timer-event-parser.js';
import { isPending } from './domain/timer.state.js';
import { dueTimerTables, type DueTimerRow, type DueTimersProjection } from './due-timers.projection.js';
import { runTimerCommand } from './timer-commands.js';
import { timerStream } from './timer-stream.js';

/** What the scheduler works with; the due_timers projection must run in a ProjectionRunner on `db`. */
export interface TimerSchedulerOptions {
  readonly store: EventStore;
  readonly db: ReadModelDb;
  readonly dueTimers: DueTimersProjection;
  readonly dispatcher: CommandDispatcher;
  readonly clock: Clock;
  /** Longest sleep between two looks at the table; default 1000 ms. */
  readonly safetyIntervalMs?: number;
  /** Timers fired per pass; default 100. */
  readonly batchSize?: number;
  /** Dispatch tries before the timer is closed with a failed TimerFired; default 10. */
  readonly maxAttempts?: number;
  /** First retry delay, doubling up to 60 s; default 1000 ms. */
  readonly retryDelayMs?: number;
  readonly logger?: RunnerLogger;
}

interface Attempts {
  readonly count: number;
  /** Clock time (ms) before which the timer is not tried again. */
  readonly retryAt: number;
}

/**
 * Fires due timers: dispatches the stored command with idempotency key
 * `timer:<timerId>`, then records `TimerFired` through the timer decider, on the
 * revision it read before dispatching. A crash between the two re-dispatches with the
 * same key, so the command still takes effect once; a decider that finds the timer
 * closed on a fresh read means another scheduler fired it, or it was cancelled.
 */
export class TimerScheduler {
  private readonly safetyIntervalMs: number;
  private readonly batchSize: number;
  private readonly maxAttempts: number;
  private readonly retryDelayMs: number;
  /** Fired (or found closed) but still in the read model until the projection catches up. */
  private readonly closed = new Set<string>();
  private readonly attempts = new Map<string, Attempts>();
  private running: Promise<void> | undefined;
  private stopping = false;
  private wake: AbortController | undefined;
  /** The time the current sleep ends; undefined while a pass runs. */
  private armedUntil: number | undefined;
  private rescan = false;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly options: TimerSchedulerOptions) {
    this.safetyIntervalMs = options.safetyIntervalMs ?? 1000;
    this.batchSize = options.batchSize ?? 100;
    this.maxAttempts = options.maxAttempts ?? 10;
    this.retryDelayMs = options.retryDelayMs ?? 1000;
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.unsubscribe = this.options.dueTimers.onChange((earliest) => this.onProjected(earliest));
    this.running = this.loop();
  }

  /** Finishes the timer in hand, then stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.unsubscribe?.();
    this.wake?.abort();
    await this.running;
    this.running = undefined;
  }

  /** One pass: fires every timer due now (up to the batch size). Returns how many it fired. */
  private async fireDue(): Promise<number> {
    await this.forgetProjected();
    const now = this.options.clock.now();
    const rows = await dueTimerTables(this.options.db)
      .selectFrom('due_timers')
      .selectAll()
      .where('due_at', '<=', now.toISOString())
      .orderBy('due_at')
      .orderBy('timer_id')
      .limit(this.batchSize + this.closed.size + this.attempts.size)
      .execute();
    let fired = 0;
    for (const row of rows) {
      if (this.stopping) break;
      if (this.closed.has(row.timer_id)) continue;
      const attempts = this.attempts.get(row.timer_id);
      if (attempts && attempts.retryAt > this.options.clock.now().getTime()) continue;
      if (await this.fire(row)) fired += 1;
      if (fired >= this.batchSize) break;
    }
    return fired;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      this.armedUntil = undefined;
      this.rescan = false;
      let next: number | undefined;
      let healthy = true;
      try {
        await this.fireDue();
        next = await this.nextWakeTime();
      } catch (error) {
        healthy = false;
        this.options.logger?.error({ error: message(error) }, 'timer scheduler pass failed');
      }
      if (this.stopping) break;
      if (this.rescan) continue;
      const now = this.options.clock.now().getTime();
      const delay =
        healthy && next !== undefined
          ? Math.min(Math.max(0, next - now), this.safetyIntervalMs)
          : this.safetyIntervalMs;
      const wake = new AbortController();
      this.wake = wake;
      this.armedUntil = now + delay;
      await this.options.clock.sleep(delay, wake.signal);
    }
  }

  /** A newly projected timer earlier than the current sleep re-arms it. */
  private onProjected(earliest: Date | undefined): void {
    if (earliest === undefined) return;
    if (this.armedUntil === undefined) this.rescan = true;
    else if (earliest.getTime() < this.armedUntil) this.wake?.abort();
  }

  /** Earliest time something may be fired, skipping timers already handled or backing off. */
  private async nextWakeTime(): Promise<number | undefined> {
    const rows = await dueTimerTables(this.options.db)
      .selectFrom('due_timers')
      .select(['timer_id', 'due_at'])
      .orderBy('due_at')
      .orderBy('timer_id')
      .limit(this.closed.size + this.attempts.size + 1)
      .execute();
    let next: number | undefined;
    for (const row of rows) {
      if (this.closed.has(row.timer_id)) continue;
      const due = Date.parse(row.due_at);
      const at = Math.max(due, this.attempts.get(row.timer_id)?.retryAt ?? due);
      if (next === undefined || at < next) next = at;
    }
    return next;
  }

  /** True when this call dispatched the command and recorded TimerFired. */
  private async fire(row: DueTimerRow): Promise<boolean> {
    const { store, dispatcher, clock, logger } = this.options;
    const timerId = row.timer_id;
    // The read model may lag: a timer cancelled or fired elsewhere must not dispatch again.
    const folded = await aggregateStream(store, timerDecider, timerStream(timerId), { parse: parseTimerEvent });
    if (!isPending(folded.state)) {
      this.closed.add(timerId);
      return false;
    }
    const context = { tenantId: row.tenant_id, correlationId: row.correlation_id, causationId: row.scheduled_event_id };
    let failure: string | undefined;
    try {
      const command = parseCommand(JSON.parse(row.command) as unknown);
      await dispatcher.dispatch(command, { idempotencyKey: `timer:${timerId}`, actor: SYSTEM_ACTOR, ...context });
    } catch (error) {
      const count = (this.attempts.get(timerId)?.count ?? 0) + 1;
      logger?.warn({ timerId, attempt: count, error: message(error) }, 'timer command failed');
      if (count < this.maxAttempts) {
        const delay = Math.min(60_000, this.retryDelayMs * 2 ** (count - 1));
        this.attempts.set(timerId, { count, retryAt: clock.now().getTime() + delay });
        return false;
      }
      failure = `Gave up after ${count} attempts: ${message(error)}`;
    }
    const fire = { type: 'FireTimer', timerId, now: clock.now(), ...(failure ? { failure } : {}) } as const;
    let recorded: boolean;
    try {
      recorded = await runTimerCommand(store, fire, context, streamStateOf(folded));
    } catch (error) {
      // Dispatched but not recorded: try again later; the same idempotency key keeps it to one effect.
      const count = this.attempts.get(timerId)?.count ?? 0;
      this.attempts.set(timerId, { count, retryAt: clock.now().getTime() + this.retryDelayMs });
      logger?.warn({ timerId, error: message(error) }, 'could not record TimerFired; will fire again');
      return false;
    }
    this.attempts.delete(timerId);
    this.closed.add(timerId);
    // Not recorded by us: cancelled or fired by another scheduler meanwhile; the command's key kept it to one effect.
    return recorded && failure === undefined;
  }

  /** Drops bookkeeping for timers the projection has removed. */
  private async forgetProjected(): Promise<void> {
    const tracked = [...new Set([...this.closed, ...this.attempts.keys()])];
    if (tracked.length === 0) return;
    const present = await dueTimerTables(this.options.db)
      .selectFrom('due_timers')
      .select('timer_id')
      .where('timer_id', 'in', tracked)
      .execute();
    const still = new Set(present.map((row) => row.timer_id));
    for (const timerId of tracked) {
      if (still.has(timerId)) continue;
      this.closed.delete(timerId);
      this.attempts.delete(timerId);
    }
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
