import type { Kysely } from 'kysely';
import type { ReadModelDb } from './read-model-db.js';

/** What is persisted about a subscriber between runs. */
export type CheckpointState = 'running' | 'failed';

/** Row shape of `projection_checkpoints`. */
export type CheckpointTable = {
  /** Projection or process-manager name. */
  name: string;
  version: number;
  /** Global position of the last event handled, as a decimal string (exact on every dialect); null = none yet. */
  position: string | null;
  state: CheckpointState;
  last_error: string | null;
  /** ISO-8601 UTC. */
  updated_at: string;
};

type CheckpointTables = {
  projection_checkpoints: CheckpointTable;
};

/** A checkpoint as the runner uses it. */
export interface Checkpoint {
  readonly name: string;
  readonly version: number;
  /** Exclusive resume point for `subscribeToAll({ after })`; null = from the beginning. */
  readonly position: bigint | null;
  readonly state: CheckpointState;
  readonly lastError: string | null;
}

const TABLE = 'projection_checkpoints';

/**
 * Reads and writes `projection_checkpoints`. Writes take the caller's connection or
 * transaction, so a projection's checkpoint commits atomically with its rows.
 */
export class CheckpointStore {
  constructor(private readonly now: () => Date = () => new Date()) {}

  async setup(db: ReadModelDb): Promise<void> {
    await db.schema
      .createTable(TABLE)
      .ifNotExists()
      .addColumn('name', 'varchar(200)', (column) => column.primaryKey())
      .addColumn('version', 'integer', (column) => column.notNull())
      // Text, not a number column: positions are 64-bit and must never pass through Number().
      .addColumn('position', 'text')
      .addColumn('state', 'varchar(20)', (column) => column.notNull())
      .addColumn('last_error', 'text')
      .addColumn('updated_at', 'varchar(40)', (column) => column.notNull())
      .execute();
  }

  async load(db: ReadModelDb, name: string): Promise<Checkpoint | undefined> {
    const row = await tables(db).selectFrom(TABLE).selectAll().where('name', '=', name).executeTakeFirst();
    if (!row) return undefined;
    return {
      name: row.name,
      version: Number(row.version),
      position: row.position === null ? null : BigInt(row.position),
      state: row.state,
      lastError: row.last_error,
    };
  }

  /** Moves the checkpoint (and clears any failure); pass the batch's transaction. */
  async save(db: ReadModelDb, name: string, version: number, position: bigint | null): Promise<void> {
    const values = {
      name,
      version,
      position: position === null ? null : position.toString(),
      state: 'running' as const,
      last_error: null,
      updated_at: this.now().toISOString(),
    };
    await tables(db)
      .insertInto(TABLE)
      .values(values)
      .onConflict((conflict) =>
        conflict.column('name').doUpdateSet({
          version: values.version,
          position: values.position,
          state: values.state,
          last_error: null,
          updated_at: values.updated_at,
        }),
      )
      .execute();
  }

  /**
   * Moves the checkpoint from `from` to `to`, but only if the stored row is still at
   * `from` with this version. Run first in a batch's transaction, it locks the row
   * (PostgreSQL) or the file (SQLite) for the batch, so a second runner feeding the same
   * projection (say, during a rolling deploy) gets `false` instead of applying events twice.
   */
  async advance(db: ReadModelDb, name: string, version: number, from: bigint | null, to: bigint): Promise<boolean> {
    const result = await tables(db)
      .updateTable(TABLE)
      .set({ position: to.toString(), state: 'running', last_error: null, updated_at: this.now().toISOString() })
      .where('name', '=', name)
      .where('version', '=', version)
      .where((eb) => (from === null ? eb('position', 'is', null) : eb('position', '=', from.toString())))
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** Records a failure without moving the position, so a restart retries from the last good batch. */
  async markFailed(db: ReadModelDb, name: string, version: number, error: string): Promise<void> {
    const updatedAt = this.now().toISOString();
    await tables(db)
      .insertInto(TABLE)
      .values({ name, version, position: null, state: 'failed', last_error: error, updated_at: updatedAt })
      .onConflict((conflict) =>
        conflict.column('name').doUpdateSet({ state: 'failed', last_error: error, updated_at: updatedAt }),
      )
      .execute();
  }
}

function tables(db: ReadModelDb): Kysely<CheckpointTables> {
  return db.withTables<CheckpointTables>();
}
