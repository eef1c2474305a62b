import { SystemClock, type Clock } from '#ltc/clock';
import type { CommandDispatcher } from '#ltc/commanding';
import type { EventStore } from '#ltc/event-store';
import { CheckpointStore } from './checkpoint.store.js';
import type { Projection } from './projection.js';
import type { ProcessManager, TimerScheduling } from './process-manager.js';
import { ProcessManagerWorker, type RetryPolicy } from './process-manager.worker.js';
import { ProjectionWorker } from './projection.worker.js';
import { ProgressSignal } from './progress-signal.js';
import { storedStatuses } from './stored-status.js';
import type { SubscriberStatus } from './subscriber-status.js';
import { subscriberLag } from './subscriber-lag.js';
import { setupSubscriberTables } from './subscriber-tables.js';
import type { ReadModelDb } from './read-model-db.js';
import type { BackoffPolicy, RunnerLogger, SubscriberWorker } from './subscriber-worker.js';
import { rebuildBeside, type RebuildProgress } from './rebuild-beside.js';
import type { OpenScratch } from './scratch-read-models.js';

export type { SubscriberStatus } from './subscriber-status.js';

/** Everything the runner needs; the app wires one per worker process. */
export interface ProjectionRunnerOptions {
  readonly store: EventStore;
  readonly db: ReadModelDb;
  readonly projections?: readonly Projection[];
  readonly processManagers?: readonly ProcessManager[];
  /** Required when process managers dispatch commands. */
  readonly dispatcher?: CommandDispatcher;
  /** Required when process managers schedule or cancel timers. */
  readonly timers?: TimerScheduling;
  /** Most events per transaction; default 500. Smaller batches commit whatever has arrived. */
  readonly batchSize?: number;
  /**
   * Most events per projection transaction; default 5,000, or `batchSize` when that is
   * given (then it bounds every transaction). Batches hold what has arrived, so ones this
   * big form only while a projection is behind (a rebuild, catching up after downtime),
   * where each commit costs more than the rows it writes.
   */
  readonly catchUpBatchSize?: number;
  /**
   * Most events of a batch a process manager with a `partitionKey` handles at once;
   * default 32. Their commands share group commits, so more in flight means fewer commits.
   */
  readonly processManagerConcurrency?: number;
  /** Process-manager retries; default 5 tries, 200 ms doubling to 10 s. */
  readonly retry?: Partial<RetryPolicy>;
  /** Waits after transient failures (busy database, store unreachable); default 100 ms doubling to 30 s. */
  readonly backoff?: Partial<BackoffPolicy>;
  /** Stamps `updated_at` and paces retries; default the system clock. */
  readonly clock?: Clock;
  readonly logger?: RunnerLogger;
  /**
   * An empty database beside `db` (`ReadModelHandle.openScratch`): with it, a rebuild fills a
   * projection's tables there and switches over when caught up, so readers never see them
   * empty (ADR 0023). Without it (in memory), a rebuild resets the rows in place.
   */
  readonly openScratch?: OpenScratch;
}

const DEFAULT_BACKOFF: BackoffPolicy = { initialDelayMs: 100, maxDelayMs: 30_000 };
const DEFAULT_PM_CONCURRENCY = 32;
const DEFAULT_CATCH_UP_BATCH_SIZE = 5_000;
const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 10_000 };

/**
 * Runs projections and process managers, each from its own checkpoint in
 * `projection_checkpoints`, each independently: one that fails stops alone and
 * reports `failed` with the error; the others keep going.
 */
export class ProjectionRunner {
  private readonly workers = new Map<string, SubscriberWorker>();
  private readonly progress = new ProgressSignal();
  private readonly checkpoints: CheckpointStore;
  private readonly projections: readonly Projection[];
  private readonly processManagers: readonly ProcessManager[];
  /** Rebuilds running beside their live projections, by name. */
  private readonly rebuilds = new Map<string, { readonly progress: RebuildProgress; readonly done: Promise<void> }>();
  /** Why the last rebuild beside a projection failed, by name, until the next one starts. */
  private readonly rebuildErrors = new Map<string, string>();
  private readonly stopping = new AbortController();
  /** The last rebuild asked for: the next one starts when it has ended. */
  private rebuildQueue: Promise<void> = Promise.resolve();
  private readonly catchUpBatchSize: number;

  constructor(private readonly options: ProjectionRunnerOptions) {
    const clock = options.clock ?? new SystemClock();
    const batchSize = options.batchSize ?? 500;
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`Invalid batchSize ${batchSize}`);
    const catchUpBatchSize = options.catchUpBatchSize ?? options.batchSize ?? DEFAULT_CATCH_UP_BATCH_SIZE;
    if (!Number.isInteger(catchUpBatchSize) || catchUpBatchSize < 1) {
      throw new Error(`Invalid catchUpBatchSize ${catchUpBatchSize}`);
    }
    const concurrency = options.processManagerConcurrency ?? DEFAULT_PM_CONCURRENCY;
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new Error(`Invalid processManagerConcurrency ${concurrency}`);
    }
    this.checkpoints = new CheckpointStore(() => clock.now());
    this.catchUpBatchSize = catchUpBatchSize;
    this.projections = options.projections ?? [];
    this.processManagers = options.processManagers ?? [];
    const deps = {
      store: options.store,
      db: options.db,
      checkpoints: this.checkpoints,
      progress: this.progress,
      batchSize,
      catchUpBatchSize,
      backoff: { ...DEFAULT_BACKOFF, ...options.backoff },
      logger: options.logger,
    };
    for (const projection of this.projections) this.add(new ProjectionWorker(projection, deps));
    for (const manager of this.processManagers) {
      this.add(
        new ProcessManagerWorker(manager, {
          ...deps,
          dispatcher: options.dispatcher,
          timers: options.timers,
          retry: { ...DEFAULT_RETRY, ...options.retry },
          clock,
          concurrency,
        }),
      );
    }
  }

  /**
   * Creates the checkpoint table and every projection's and process manager's tables,
   * then starts all subscribers; resolves when each has subscribed (a failed one reports `failed`).
   */
  async start(): Promise<void> {
    await setupSubscriberTables(this.options.db, this.checkpoints, {
      projections: this.projections,
      processManagers: this.processManagers,
    });
    await Promise.all([...this.workers.values()].map((worker) => worker.start()));
  }

  /** Graceful: each current batch commits or rolls back, subscriptions close, loops end. */
  async stop(): Promise<void> {
    // A rebuild in progress gives up first (its scratch is dropped, the live rows stay).
    this.stopping.abort();
    await Promise.all([...this.rebuilds.values()].map(({ done }) => done));
    await Promise.all([...this.workers.values()].map((worker) => worker.stop()));
  }

  /**
   * A projection: resets its rows and checkpoint in one transaction and replays from the
   * beginning. A process manager with state of its own: folds its state again up to its
   * checkpoint (no effects), then goes on from there.
   */
  async rebuild(name: string): Promise<void> {
    const worker = this.worker(name);
    if (worker instanceof ProcessManagerWorker && worker.rebuildable) {
      await worker.stop();
      await worker.rebuildState();
      await worker.start();
      return;
    }
    if (!(worker instanceof ProjectionWorker))
      throw new Error(`${name} is not a projection and keeps no state of its own to rebuild`);
    const openScratch = this.options.openScratch;
    if (openScratch === undefined) {
      await worker.stop();
      await worker.resetRows();
      await worker.start();
      return;
    }
    // Asked again while one runs: the running one answers.
    if (this.rebuilds.has(name)) return;
    const projection = this.projections.find((p) => p.name === name) as Projection;
    const progress: RebuildProgress = { position: null, headPosition: 0n };
    this.rebuildErrors.delete(name);
    // One rebuild at a time: each folds the whole log, and the switch-overs then never overlap.
    const done = this.rebuildQueue
      .then(() => {
        this.stopping.signal.throwIfAborted();
        return rebuildBeside(
          projection,
          worker,
          {
            store: this.options.store,
            db: this.options.db,
            checkpoints: this.checkpoints,
            openScratch,
            batchSize: this.catchUpBatchSize,
            signal: this.stopping.signal,
          },
          progress,
        );
      })
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        this.rebuildErrors.set(name, message);
        this.options.logger?.error({ projection: name, error: message }, 'rebuild beside the live projection failed');
      })
      .finally(() => this.rebuilds.delete(name));
    this.rebuildQueue = done;
    this.rebuilds.set(name, { progress, done });
  }

  /** Resolves when the rebuild of `name` started by `rebuild` has switched over (or failed). */
  async rebuilt(name: string): Promise<void> {
    await this.rebuilds.get(name)?.done;
    const failed = this.rebuildErrors.get(name);
    if (failed !== undefined) throw new Error(`Rebuild of ${name} failed: ${failed}`);
  }

  /** Starts a stopped or failed subscriber again from its checkpoint (e.g. after a fix or an outage). */
  async restart(name: string): Promise<void> {
    const worker = this.worker(name);
    await worker.stop();
    await worker.start();
  }

  async status(): Promise<SubscriberStatus[]> {
    const headPosition = await this.options.store.readHeadPosition();
    const workers = [...this.workers.values()];
    const lags = await Promise.all(
      workers.map((worker) => subscriberLag(this.options.store, worker.position, worker.filter, headPosition)),
    );
    return workers.map((worker, index) => ({
      name: worker.name,
      kind: worker.kind,
      version: worker.version,
      position: worker.position,
      headPosition,
      lag: lags[index] ?? 0n,
      state: worker.state,
      lastError: worker.lastError,
      nextAttemptAt: worker.nextAttemptAt,
      rebuild: this.rebuildStatus(worker.name),
    }));
  }

  private rebuildStatus(name: string): SubscriberStatus['rebuild'] {
    const running = this.rebuilds.get(name);
    if (running) return { state: 'running', ...running.progress, error: null };
    const error = this.rebuildErrors.get(name);
    return error === undefined ? null : { state: 'failed', position: null, headPosition: null, error };
  }

  /**
   * The same report from the stored checkpoints, for a process that does not run these
   * subscribers itself (API-only, or standing by while another process holds the lease).
   */
  async storedStatus(): Promise<SubscriberStatus[]> {
    return storedStatuses(this.options.store, this.options.db, this.checkpoints, [...this.workers.values()]);
  }

  /**
   * Resolves once `name` reflects every event it subscribes to up to `position`
   * (a filtered subscriber counts as there when no matching event lies between its
   * checkpoint and `position`). Rejects when it fails or the time is up.
   */
  async waitFor(name: string, position: bigint, timeoutMs = 10_000): Promise<void> {
    const worker = this.worker(name);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (worker.state === 'failed') throw new Error(`${name} failed: ${worker.lastError ?? 'unknown error'}`);
      if (await this.hasReached(worker, position)) return;
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        const at = worker.position === null ? 'the beginning' : worker.position.toString();
        throw new Error(
          `${name} did not reach position ${position.toString()} within ${timeoutMs} ms (at ${at}, ${worker.state})`,
        );
      }
      await this.progress.next(Math.min(remaining, 50));
    }
  }

  private async hasReached(worker: SubscriberWorker, position: bigint): Promise<boolean> {
    const at = worker.position;
    if (at !== null && at >= position) return true;
    if ((await this.options.store.readHeadPosition()) < position) return false;
    const next = await this.options.store.readAll({
      ...(at !== null ? { after: at } : {}),
      ...(worker.filter ? { filter: worker.filter } : {}),
      maxCount: 1,
    });
    const first = next[0];
    return first === undefined || first.position > position;
  }

  private add(worker: SubscriberWorker): void {
    if (this.workers.has(worker.name))
      throw new Error(`Two subscribers are named ${worker.name}; names key checkpoints`);
    this.workers.set(worker.name, worker);
  }

  private worker(name: string): SubscriberWorker {
    const worker = this.workers.get(name);
    if (!worker) throw new Error(`No projection or process manager named ${name}`);
    return worker;
  }
}
