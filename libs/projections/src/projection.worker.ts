import type { RecordedEvent } from '#ltc/event-store';
import { faultPoint } from '#ltc/kernel';
import type { Projection } from './projection.js';
import { HandlerFailedError, SubscriberWorker, errorMessage, type WorkerDeps } from './subscriber-worker.js';

/**
 * Feeds one projection. Each batch's rows and its checkpoint commit in one
 * transaction: after a crash the checkpoint and the rows agree, so resuming from the
 * checkpoint neither skips nor repeats an event.
 */
export class ProjectionWorker extends SubscriberWorker {
  /** `resetRows` dropped the deferred indexes and no start has replayed since: no need to drop them again. */
  private indexesDropped = false;
  /** Whether a batch that reached the head has committed since the start (it creates the deferred indexes). */
  private headReached = false;

  constructor(
    private readonly projection: Projection,
    deps: WorkerDeps,
  ) {
    super(projection.name, 'projection', projection.version, projection.filter, deps);
  }

  /** Clears the rows and the checkpoint together; the next start replays from the beginning. */
  async resetRows(): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      // Dropped first: deleting the rows then updates no index either.
      await this.projection.deferredIndexes?.drop(trx);
      await this.projection.reset(trx);
      await this.deps.checkpoints.save(trx, this.name, this.version, null);
    });
    this.position = null;
    this.indexesDropped = this.projection.deferredIndexes !== undefined;
  }

  /** Nothing applied yet (a first start): the whole log is to be replayed into empty tables. */
  private async dropDeferredIndexes(): Promise<void> {
    const indexes = this.projection.deferredIndexes;
    if (indexes) await this.deps.db.transaction().execute((trx) => indexes.drop(trx));
  }

  protected async prepare(): Promise<bigint | null> {
    const dropped = this.indexesDropped;
    this.indexesDropped = false;
    this.headReached = false;
    const checkpoint = await this.deps.checkpoints.load(this.deps.db, this.name);
    if (checkpoint && checkpoint.version === this.version) {
      if (checkpoint.position === null && !dropped) await this.dropDeferredIndexes();
      return checkpoint.position;
    }
    if (checkpoint) {
      this.deps.logger?.warn(
        { projection: this.name, from: checkpoint.version, to: this.version },
        'projection version changed: rebuilding',
      );
    }
    await this.resetRows();
    this.indexesDropped = false;
    return null;
  }

  /** Projections take bigger batches than process managers: a rebuild commits once per batch. */
  protected override get maxBatch(): number {
    return this.deps.catchUpBatchSize;
  }

  protected override get fillsBatches(): boolean {
    return true;
  }

  protected async handleBatch(
    events: readonly RecordedEvent[],
    _signal: AbortSignal,
    reachesHead: boolean,
    checkpointTo: bigint,
  ): Promise<void> {
    if (events.length === 0) return;
    let current: RecordedEvent | undefined;
    try {
      await this.deps.db.transaction().execute(async (trx) => {
        // The checkpoint moves first: that claims it for this batch (see `advance`).
        if (!(await this.deps.checkpoints.advance(trx, this.name, this.version, this.position, checkpointTo))) {
          throw new CheckpointMovedError(this.name, this.position);
        }
        if (this.projection.applyBatch) {
          // A batch is applied as a whole; a failure names its first event.
          current = events[0];
          await this.projection.applyBatch(trx, events);
        } else {
          for (const event of events) {
            current = event;
            await this.projection.apply(trx, event);
          }
        }
        current = undefined;
        if (reachesHead) await this.projection.deferredIndexes?.create(trx);
        faultPoint('projection.after-rows-before-checkpoint', this.name);
      });
    } catch (error) {
      throw current ? new HandlerFailedError(this.name, current, error) : error;
    }
    this.position = checkpointTo;
    if (reachesHead) this.headReached = true;
    try {
      this.projection.afterCommit?.(events);
    } catch (error) {
      // The batch is committed; a failing listener must not make the runner replay it.
      this.deps.logger?.warn({ projection: this.name, error: errorMessage(error) }, 'afterCommit hook failed');
    }
  }

  /** Idle at the head: the checkpoint moves past what the filter passed over (and the deferred indexes exist). */
  protected async passOver(to: bigint): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      if (!(await this.deps.checkpoints.advance(trx, this.name, this.version, this.position, to))) {
        throw new CheckpointMovedError(this.name, this.position);
      }
      if (!this.headReached) await this.projection.deferredIndexes?.create(trx);
    });
    this.position = to;
    this.headReached = true;
  }
}

/** The stored checkpoint is not where this runner left it: another runner feeds the same projection. */
export class CheckpointMovedError extends Error {
  readonly code = 'PROJECTION_CHECKPOINT_MOVED';
  constructor(projection: string, expected: bigint | null) {
    super(
      `Checkpoint of ${projection} is no longer at ${expected === null ? 'the beginning' : expected.toString()}: ` +
        'another runner (or a version change) moved it; this runner stops to avoid applying events twice',
    );
    this.name = 'CheckpointMovedError';
  }
}
