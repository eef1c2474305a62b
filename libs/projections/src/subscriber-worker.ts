import type { EventFilter, EventStore, RecordedEvent } from '#ltc/event-store';
import type { CheckpointStore } from './checkpoint.store.js';
import { EventPump } from './event-pump.js';
import type { ProgressSignal } from './progress-signal.js';
import type { ReadModelDb } from './read-model-db.js';
import { isTransientError } from './transient-errors.js';

/**
 * Lifecycle of a projection or process manager as `status()` reports it. `retrying`: a
 * transient failure (busy database, store unreachable) is being waited out with backoff;
 * `failed`: the handler itself failed and the subscriber stays stopped until restarted.
 */
export type SubscriberState = 'starting' | 'catching_up' | 'live' | 'retrying' | 'failed' | 'stopped';

/** How long a subscriber waits with nothing to handle before moving its checkpoint past what its filter passed over. */
const PASS_OVER_AFTER_IDLE_MS = 1_000;

/** Events a subscriber's pump reads beyond its batch size (at most three batches). */
const READ_AHEAD_EVENTS = 2_000;

/** The two kinds of subscribers the runner feeds. */
export type SubscriberKind = 'projection' | 'process_manager';

/** Where failures go besides `status()`; a pino logger fits. */
export interface RunnerLogger {
  error(context: Record<string, unknown>, message: string): void;
  warn(context: Record<string, unknown>, message: string): void;
}

/** What every worker needs from the runner. */
export interface WorkerDeps {
  readonly store: EventStore;
  readonly db: ReadModelDb;
  readonly checkpoints: CheckpointStore;
  readonly progress: ProgressSignal;
  readonly batchSize: number;
  /** Most events per projection transaction; such batches form only while a projection is behind. */
  readonly catchUpBatchSize: number;
  readonly backoff: BackoffPolicy;
  readonly logger: RunnerLogger | undefined;
}

/** How long a subscriber waits before retrying after a transient failure: doubling, bounded. */
export interface BackoffPolicy {
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

/** A handler threw on an event: the message names the event so an operator can find it. */
export class HandlerFailedError extends Error {
  readonly code = 'SUBSCRIBER_HANDLER_FAILED';
  constructor(
    readonly subscriber: string,
    readonly event: RecordedEvent,
    cause: unknown,
  ) {
    super(`${errorMessage(cause)} (event ${event.id} ${event.type} at position ${event.position.toString()})`, {
      cause,
    });
    this.name = 'HandlerFailedError';
  }
}

/**
 * The loop shared by projections and process managers: resume from the stored
 * checkpoint, read batches of whatever has arrived, hand each batch to the subclass,
 * and turn any failure (handler or subscription) into a `failed` state instead of an
 * unhandled rejection.
 */
export abstract class SubscriberWorker {
  state: SubscriberState = 'stopped';
  /** Last committed position; null = nothing handled yet. */
  position: bigint | null = null;
  lastError: string | null = null;
  /** While `retrying`: when the next attempt starts. */
  nextAttemptAt: Date | null = null;
  private controller: AbortController | undefined;
  private running: Promise<void> | undefined;

  protected constructor(
    readonly name: string,
    readonly kind: SubscriberKind,
    readonly version: number,
    readonly filter: EventFilter | undefined,
    protected readonly deps: WorkerDeps,
  ) {}

  /** Loads the checkpoint (resetting rows if needed) and returns where to resume. */
  protected abstract prepare(): Promise<bigint | null>;

  /**
   * Handles one batch and moves `position`; throws to fail the subscriber. `reachesHead`:
   * the first batch after a start that left nothing more read (the log's head, as far as
   * the reader knows). `checkpointTo`: where the checkpoint goes once the whole batch is
   * handled: its last event, or further where the filter passed over the events after it.
   */
  protected abstract handleBatch(
    events: readonly RecordedEvent[],
    signal: AbortSignal,
    reachesHead: boolean,
    checkpointTo: bigint,
  ): Promise<void>;

  /**
   * Moves the checkpoint (and `position`) to `to` with no event to handle: every event up
   * to it was passed over by the filter. Throws to fail the subscriber.
   */
  protected abstract passOver(to: bigint): Promise<void>;

  /** Most events per batch. */
  protected get maxBatch(): number {
    return this.deps.batchSize;
  }

  /** Whether a batch waits for the events the reader can hand over at once (see `EventPump`). */
  protected get fillsBatches(): boolean {
    return false;
  }

  /**
   * Starts the loop; resolves once the checkpoint is loaded and the subscription is
   * open (or the start failed, which `state` then says), so events appended after
   * this resolves are certain to be delivered.
   */
  start(): Promise<void> {
    if (this.running) return Promise.resolve();
    const controller = new AbortController();
    this.controller = controller;
    this.state = 'starting';
    this.lastError = null;
    this.nextAttemptAt = null;
    let ready = (): void => undefined;
    const subscribed = new Promise<void>((resolve) => (ready = resolve));
    this.running = this.run(controller.signal, ready).finally(ready);
    return subscribed;
  }

  /** Lets the current batch finish (or roll back), closes the subscription, awaits the loop. */
  async stop(): Promise<void> {
    this.controller?.abort();
    await this.running;
    this.running = undefined;
    if (this.state !== 'failed') this.state = 'stopped';
    this.deps.progress.notify();
  }

  /**
   * Runs until stopped or failed. A transient failure closes the subscription and, after
   * a backoff, starts over from the stored checkpoint (the failed batch rolled back, so
   * nothing is skipped or applied twice); the backoff resets once a batch commits.
   */
  private async run(signal: AbortSignal, ready: () => void): Promise<void> {
    let delayMs = this.deps.backoff.initialDelayMs;
    while (!signal.aborted) {
      try {
        await this.runOnce(signal, ready, () => (delayMs = this.deps.backoff.initialDelayMs));
        return;
      } catch (error) {
        if (signal.aborted) return;
        if (!isTransientError(error)) {
          await this.fail(error);
          return;
        }
        ready();
        await this.waitOut(error, delayMs, signal);
        delayMs = Math.min(this.deps.backoff.maxDelayMs, delayMs * 2);
      }
    }
  }

  private async runOnce(signal: AbortSignal, ready: () => void, onProgress: () => void): Promise<void> {
    let pump: EventPump | undefined;
    try {
      this.position = await this.prepare();
      if (signal.aborted) return;
      const subscription = this.deps.store.subscribeToAll({
        ...(this.position !== null ? { after: this.position } : {}),
        ...(this.filter ? { filter: this.filter } : {}),
      });
      const max = this.maxBatch;
      // Read ahead by a few pages beyond one batch: enough for the next batch to be read while
      // this one commits. Four whole batches (as before) let each projection hold up to 20,000
      // parsed events during a rebuild; a heap snapshot of one found ~156,000 parsed events
      // alive at once across the 27 projections, each holding its own copies.
      pump = new EventPump(subscription, max + Math.min(3 * max, READ_AHEAD_EVENTS));
      this.setState('catching_up');
      ready();
      let reachedHead = false;
      // Filled batches only while catching up: once a batch left more events read behind it.
      let filling = false;
      while (!signal.aborted) {
        const idle = pump.buffered === 0;
        if (idle) this.setState('live');
        const batch = await pump.take(max, signal, filling, idle ? PASS_OVER_AFTER_IDLE_MS : undefined);
        // Read before anything else is awaited: it holds only while the buffer is empty.
        const takenThrough = pump.takenThrough;
        filling = this.fillsBatches && pump.buffered > 0;
        if (batch.length === 0) {
          if (signal.aborted || !pump.open) break;
          await this.passOverTo(takenThrough);
          continue;
        }
        if (batch.length === max) this.setState('catching_up');
        let reachesHead = false;
        if (!reachedHead && pump.buffered === 0) {
          // Once per start: give the reader a turn, so a short batch taken mid catch-up is not taken for the head.
          if (this.fillsBatches) await pump.settle();
          reachesHead = pump.buffered === 0;
          reachedHead = reachesHead;
        }
        const last = (batch[batch.length - 1] as RecordedEvent).position;
        await this.handleBatch(
          batch,
          signal,
          reachesHead,
          takenThrough !== undefined && takenThrough > last ? takenThrough : last,
        );
        this.lastError = null;
        this.nextAttemptAt = null;
        onProgress();
        this.deps.progress.notify();
      }
    } finally {
      await pump?.close().catch((error: unknown) => {
        this.deps.logger?.warn({ subscriber: this.name, error: errorMessage(error) }, 'closing subscription failed');
      });
    }
  }

  /**
   * Idle: a filtered subscriber's checkpoint would otherwise stay on the last event it
   * wanted, however far the log has moved on, and its lag, a `waitFor` and its next start
   * would each scan everything after it again (at a million events, a second or more).
   */
  private async passOverTo(to: bigint | undefined): Promise<void> {
    if (to === undefined || (this.position ?? 0n) >= to) return;
    await this.passOver(to);
    this.deps.progress.notify();
  }

  /**
   * Reports `retrying` and sleeps. Real time, not the app's clock: this paces retries
   * against infrastructure, and a test's manual clock must not freeze them.
   */
  private async waitOut(error: unknown, delayMs: number, signal: AbortSignal): Promise<void> {
    const message = errorMessage(error);
    this.lastError = message;
    this.nextAttemptAt = new Date(Date.now() + delayMs);
    this.setState('retrying');
    this.deps.progress.notify();
    this.deps.logger?.warn(
      { subscriber: this.name, kind: this.kind, error: message, retryInMs: delayMs },
      'subscriber hit a transient failure; retrying',
    );
    try {
      await this.deps.checkpoints.markRetrying(this.deps.db, this.name, message);
    } catch {
      // Most likely the same busy or unreachable database; the in-memory status says it.
    }
    await sleep(delayMs, signal);
  }

  private async fail(error: unknown): Promise<void> {
    const message = errorMessage(error);
    this.state = 'failed';
    this.lastError = message;
    this.nextAttemptAt = null;
    this.deps.logger?.error(
      { subscriber: this.name, kind: this.kind, error: message },
      'subscriber stopped after a failure',
    );
    try {
      await this.deps.checkpoints.markFailed(this.deps.db, this.name, this.version, message);
    } catch (markError) {
      // The database may be what failed; the in-memory status still reports it.
      this.deps.logger?.warn({ subscriber: this.name, error: errorMessage(markError) }, 'could not record failure');
    }
    this.deps.progress.notify();
  }

  private setState(state: SubscriberState): void {
    if (this.state === state) return;
    this.state = state;
    this.deps.progress.notify();
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

/** The message of anything thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
