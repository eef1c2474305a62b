import type { EventFilter, RecordedEvent } from '#ltc/event-store';
import type { ReadModelDb, ReadModelTransaction } from './read-model-db.js';

/**
 * Indexes a projection drops when it replays from the beginning (a rebuild, a version
 * change, a first start on a filled log) and creates again in the transaction of the first
 * batch that reaches the head of the log, so they return in the commit that catches up.
 * `create` runs after every start (it must be idempotent, e.g. `create index if not
 * exists`); a crash in between is safe, since `setup` creates missing indexes at each start.
 */
export interface DeferredIndexes {
  drop(trx: ReadModelTransaction): Promise<void>;
  create(trx: ReadModelTransaction): Promise<void>;
}

/**
 * A read model fed from the global log. The runner calls `apply` for each event inside
 * one transaction per batch and commits the batch's checkpoint in that same
 * transaction, so a crash replays whole batches, never half of one.
 *
 * Rules for implementers:
 * - write only through `trx` (on SQLite, touching the outer db inside a batch deadlocks);
 * - `apply` must be deterministic: a rebuild must produce the same rows;
 * - bump `version` whenever `apply`'s output changes; the runner then resets and
 *   replays. `reset` may drop and recreate tables when their shape changed.
 */
export interface Projection {
  /** Unique among projections and process managers; keys the checkpoint row. */
  readonly name: string;
  /** Code version of the rows this projection writes; a change triggers a rebuild. */
  readonly version: number;
  /** Only these events are delivered; omitted = every event. */
  readonly filter?: EventFilter;
  /** Creates the projection's tables and indexes if missing (portable schema-builder DDL). */
  setup(db: ReadModelDb): Promise<void>;
  /** Deletes every row the projection owns; runs in the rebuild's transaction. */
  reset(trx: ReadModelTransaction): Promise<void>;
  /** Folds one event into the read model. A throw rolls the whole batch back. */
  apply(trx: ReadModelTransaction, event: RecordedEvent): Promise<void>;
  /**
   * Folds a whole batch at once, when the projection can do better than one statement
   * per event (load the touched rows once, fold in memory, write them back in bulk). Used
   * instead of `apply` when present; it must leave the same rows `apply` would.
   */
  applyBatch?(trx: ReadModelTransaction, events: readonly RecordedEvent[]): Promise<void>;
  /**
   * Secondary indexes built only once a replay from the beginning has caught up: filling a
   * table and then indexing it is many times faster than keeping a dozen indexes up to date
   * row by row. See {@link DeferredIndexes}.
   */
  readonly deferredIndexes?: DeferredIndexes;
  /** Called after a batch committed (outside the transaction), e.g. to wake a scheduler. */
  afterCommit?(events: readonly RecordedEvent[]): void;
}
