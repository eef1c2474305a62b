import { sql } from 'kysely';
import { readLog, type EventStore, type RecordedEvent } from '#ltc/event-store';
import type { CheckpointStore } from './checkpoint.store.js';
import type { Projection } from './projection.js';
import type { ReadModelDb } from './read-model-db.js';
import type { OpenScratch } from './scratch-read-models.js';

/** Where a rebuild beside the live tables stands. */
export interface RebuildProgress {
  /** The position the scratch tables have folded up to; null before the first batch. */
  position: bigint | null;
  /** The head it is heading for (the head at the start, then the head at the switch). */
  headPosition: bigint;
}

export interface RebuildBesideDeps {
  readonly store: EventStore;
  readonly db: ReadModelDb;
  readonly checkpoints: CheckpointStore;
  readonly openScratch: OpenScratch;
  /** Events per scratch transaction. */
  readonly batchSize: number;
  /** The runner stopping: the rebuild gives up between batches (the live tables stay as they were). */
  readonly signal: AbortSignal;
}

/** The live subscriber of the projection, paused for the switch only. */
export interface PausableWorker {
  stop(): Promise<void>;
  start(): Promise<void>;
}

/**
 * Rebuilds a projection without emptying it for its readers (ADR 0023): its tables are
 * filled from the whole log in a scratch database beside the live one while the live
 * projection goes on serving and following the log. At the end the live subscriber
 * pauses, the scratch catches up with what came meanwhile, and one transaction replaces
 * the live rows with the scratch's and sets the checkpoint to the position they reflect;
 * readers see the old rows until that commit and the new ones after it, never fewer.
 */
export async function rebuildBeside(
  projection: Projection,
  live: PausableWorker,
  deps: RebuildBesideDeps,
  progress: RebuildProgress,
): Promise<void> {
  const scratch = await deps.openScratch(projection.name);
  try {
    await projection.setup(scratch.db);
    const tables = await scratch.tables();
    await mustBeEmpty(scratch.db, tables);
    progress.headPosition = await deps.store.readHeadPosition();
    await fold(projection, scratch.db, deps, progress);
    deps.signal.throwIfAborted();
    await live.stop();
    try {
      progress.headPosition = await deps.store.readHeadPosition();
      await fold(projection, scratch.db, deps, progress);
      const reached = progress.headPosition;
      await scratch.attachTo(deps.db);
      await deps.db.transaction().execute(async (trx) => {
        for (const [table, columns] of tables) {
          const list = sql.join(columns.map((column) => sql.id(column)));
          await sql`delete from ${sql.table(table)}`.execute(trx);
          await sql`insert into ${sql.table(table)} (${list}) select ${list} from ${scratch.tableRef(table)}`.execute(
            trx,
          );
        }
        await deps.checkpoints.save(trx, projection.name, projection.version, reached);
      });
    } finally {
      await live.start();
    }
  } finally {
    await scratch.discard();
  }
}

/** Folds the events after `progress.position` up to `progress.headPosition` into the scratch tables. */
async function fold(
  projection: Projection,
  db: ReadModelDb,
  deps: RebuildBesideDeps,
  progress: RebuildProgress,
): Promise<void> {
  const batch: RecordedEvent[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const events = batch.splice(0);
    await db.transaction().execute(async (trx) => {
      if (projection.applyBatch) await projection.applyBatch(trx, events);
      else for (const event of events) await projection.apply(trx, event);
    });
    progress.position = events.at(-1)?.position ?? progress.position;
  };
  const events = readLog(deps.store, {
    ...(progress.position === null ? {} : { after: progress.position }),
    upTo: progress.headPosition,
    ...(projection.filter ? { filter: projection.filter } : {}),
    pageSize: deps.batchSize,
  });
  for await (const event of events) {
    batch.push(event);
    if (batch.length >= deps.batchSize) {
      await flush();
      deps.signal.throwIfAborted();
    }
  }
  await flush();
  progress.position = progress.headPosition;
}

/**
 * A scratch holds nothing before the rebuild fills it. Rows there would mean it is not a
 * scratch at all (a connection that resolves to the live tables): folding would apply every
 * event to the live rows a second time.
 */
async function mustBeEmpty(db: ReadModelDb, tables: ReadonlyMap<string, string[]>): Promise<void> {
  for (const table of tables.keys()) {
    const found = await sql<{ one: number }>`select 1 as one from ${sql.table(table)} limit 1`.execute(db);
    if (found.rows.length > 0) {
      throw new Error(`The scratch database for the rebuild already holds rows in ${table}: refusing to fold into it`);
    }
  }
}
