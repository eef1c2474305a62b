import type { Clock } from '#ltc/clock';
import type { CommandDispatcher } from '#ltc/commanding';
import type { RecordedEvent } from '#ltc/event-store';
import {
  SYSTEM_ACTOR,
  type DispatchOptions,
  type ProcessManager,
  type ProcessManagerContext,
  type TimerScheduling,
} from './process-manager.js';
import { faultPoint } from '#ltc/kernel';
import { handlePartitioned } from './partitioned-batch.js';
import { HandlerFailedError, SubscriberWorker, errorMessage, type WorkerDeps } from './subscriber-worker.js';
import { isTransientError } from './transient-errors.js';

/** How often a failing process-manager handler is tried before the manager is marked failed. */
export interface RetryPolicy {
  /** Total tries per event, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** The checkpoint version of a manager without state of its own (nothing to rebuild). */
const PROCESS_MANAGER_VERSION = 1;

/**
 * Stored as the checkpoint's version while the manager's state is being rebuilt: a crash
 * part way leaves it there, and the next start rebuilds again before handling anything.
 */
const REBUILDING_STATE = 0;

/** Extra dependencies of process managers. */
export interface ProcessManagerDeps extends WorkerDeps {
  readonly dispatcher: CommandDispatcher | undefined;
  readonly timers: TimerScheduling | undefined;
  readonly retry: RetryPolicy;
  /** Paces retries; tests pass a clock whose sleeps are short. */
  readonly clock: Clock;
  /** Most events of a batch handled at once by a manager with a `partitionKey`. */
  readonly concurrency: number;
}

/** Without a partition key every event is a barrier: strictly one at a time, in log order. */
const oneAtATime = (): undefined => undefined;

/**
 * Feeds one process manager. The checkpoint is written after the handlers of a batch
 * succeeded (at-least-once), and only up to the first event not handled; a crash before
 * that re-runs them with the same idempotency keys, so their effects still happen once.
 * A manager with a `partitionKey` has a batch's events handled concurrently across
 * partitions, in order within each (see `handlePartitioned`).
 */
export class ProcessManagerWorker extends SubscriberWorker {
  constructor(
    private readonly manager: ProcessManager,
    private readonly pmDeps: ProcessManagerDeps,
  ) {
    super(manager.name, 'process_manager', manager.state?.version ?? PROCESS_MANAGER_VERSION, manager.filter, pmDeps);
  }

  /** Whether this manager keeps state of its own that a rebuild can make again. */
  get rebuildable(): boolean {
    return this.manager.state !== undefined;
  }

  /**
   * Resets the manager's state and folds every event of its filter up to its checkpoint
   * into it again, without effects (they happened when the events were handled). The
   * checkpoint stays where it is: events after it are still handled live, effects and all.
   * Call with the worker stopped.
   */
  async rebuildState(): Promise<void> {
    const state = this.manager.state;
    if (!state) throw new Error(`${this.name} is not a projection and keeps no state to rebuild`);
    const checkpoint = await this.deps.checkpoints.load(this.deps.db, this.name);
    const upTo = checkpoint?.position ?? null;
    await this.deps.checkpoints.save(this.deps.db, this.name, REBUILDING_STATE, upTo);
    await state.reset(this.deps.db);
    let after: bigint | undefined;
    while (upTo !== null) {
      const page = await this.deps.store.readAll({ after, maxCount: this.deps.batchSize, filter: this.manager.filter });
      const folded = page.filter((event) => event.position <= upTo);
      for (const event of folded) await state.evolve(this.deps.db, event);
      faultPoint('process-manager.mid-state-rebuild', this.name);
      if (folded.length < page.length || page.length < this.deps.batchSize) break;
      after = page.at(-1)?.position;
    }
    await state.afterRebuild?.(this.deps.db);
    await this.deps.checkpoints.save(this.deps.db, this.name, this.version, upTo);
    this.position = upTo;
  }

  protected async prepare(): Promise<bigint | null> {
    const checkpoint = await this.deps.checkpoints.load(this.deps.db, this.name);
    if (checkpoint && this.manager.state && checkpoint.version !== this.version) {
      // A rebuild was interrupted, or `evolve` changed: the state is made again first.
      this.deps.logger?.warn(
        { processManager: this.name, from: checkpoint.version, to: this.version },
        'process manager state out of date: rebuilding it',
      );
      await this.rebuildState();
      return this.position;
    }
    if (checkpoint) return checkpoint.position;
    if (this.manager.startAt !== 'now') return null;
    const head = await this.deps.store.readHeadPosition();
    await this.deps.checkpoints.saveForward(this.deps.db, this.name, this.version, head);
    return (await this.deps.checkpoints.load(this.deps.db, this.name))?.position ?? head;
  }

  protected async handleBatch(
    events: readonly RecordedEvent[],
    signal: AbortSignal,
    _reachesHead: boolean,
    checkpointTo: bigint,
  ): Promise<void> {
    const { handledPrefix, failure } = await handlePartitioned(
      events,
      this.manager.partitionKey ?? oneAtATime,
      this.pmDeps.concurrency,
      // On stop, finish the events in hand but start no new one.
      async (event) => (!signal.aborted && (await this.handleWithRetry(event, signal)) ? 'handled' : 'stopped'),
    );
    // All handled: past the events the filter passed over too; else up to the last handled one.
    const handled = handledPrefix === events.length ? checkpointTo : events[handledPrefix - 1]?.position;
    if (handled !== undefined) {
      faultPoint('process-manager.after-handlers-before-checkpoint', this.name);
      try {
        if (!(await this.deps.checkpoints.saveForward(this.deps.db, this.name, this.version, handled))) {
          this.deps.logger?.warn(
            { processManager: this.name, position: handled.toString() },
            'checkpoint is already further on (another runner handled these events); left where it is',
          );
        }
        this.position = handled;
      } catch (error) {
        // Not fatal for correctness (the events run again, idempotently), but the
        // handler's failure is the one worth reporting.
        if (failure === undefined) throw error;
        this.deps.logger?.warn({ processManager: this.name, error: errorMessage(error) }, 'checkpoint not saved');
      }
    }
    if (failure !== undefined) throw failure;
  }

  /** Idle: the checkpoint moves past what the filter passed over (never back: see `saveForward`). */
  protected async passOver(to: bigint): Promise<void> {
    await this.deps.checkpoints.saveForward(this.deps.db, this.name, this.version, to);
    this.position = to;
  }

  /** True when handled; false when a stop interrupted the retries (the event stays unhandled). */
  private async handleWithRetry(event: RecordedEvent, signal: AbortSignal): Promise<boolean> {
    const { maxAttempts, baseDelayMs, maxDelayMs } = this.pmDeps.retry;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.manager.handle(event, this.contextFor(event));
        return true;
      } catch (error) {
        // A busy or unreachable store is not this event's fault: the worker waits it out
        // (without limit) and resumes from the checkpoint; only the handler's own failures
        // count against its attempts.
        if (isTransientError(error) || attempt >= maxAttempts) throw new HandlerFailedError(this.name, event, error);
        this.deps.logger?.warn(
          { processManager: this.name, eventId: event.id, attempt, error: errorMessage(error) },
          'process manager handler failed; retrying',
        );
        await this.pmDeps.clock.sleep(Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)), signal);
        if (signal.aborted) return false;
      }
    }
  }

  private contextFor(event: RecordedEvent): ProcessManagerContext {
    const { dispatcher, timers } = this.pmDeps;
    const name = this.name;
    let unnamed = 0;
    const context = {
      tenantId: event.metadata.tenantId,
      correlationId: event.metadata.correlationId,
      causationId: event.id,
    };
    return {
      async dispatch(command, options?: DispatchOptions) {
        if (!dispatcher) throw new Error(`Process manager ${name} dispatched but no CommandDispatcher is wired`);
        let idempotencyKey: string;
        if (options?.key !== undefined) idempotencyKey = `${name}:${event.id}:${options.key}`;
        else idempotencyKey = unnamed === 0 ? `${name}:${event.id}` : `${name}:${event.id}:${unnamed}`;
        if (options?.key === undefined) unnamed++;
        await dispatcher.dispatch(command, { idempotencyKey, actor: SYSTEM_ACTOR, ...context });
      },
      async schedule(timer) {
        if (!timers) throw new Error(`Process manager ${name} scheduled a timer but no timer service is wired`);
        await timers.schedule({ ...timer, context });
      },
      async cancel(timerId) {
        if (!timers) throw new Error(`Process manager ${name} cancelled a timer but no timer service is wired`);
        await timers.cancel(timerId, { correlationId: context.correlationId, causationId: context.causationId });
      },
    };
  }
}
