import { sql, type Kysely } from 'kysely';
import type { ReadModelDb } from './read-model-db.js';

/** What is persisted about a subscriber between runs. */
export type CheckpointState = 'running' | 'retrying' | 'failed';

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
   * Moves the checkpoint to `position` unless it already stands there or further on
   * (process managers: their checkpoint is written after their effects, outside any
   * transaction, so a slow or stale runner must never pull it back and make events run
   * again). Positions are compared as numbers: a longer decimal string is larger, and
   * equal lengths compare digit by digit. Returns false when the stored one was ahead.
   */
  async saveForward(db: ReadModelDb, name: string, version: number, position: bigint): Promise<boolean> {
    const updatedAt = this.now().toISOString();
    const result = await tables(db)
      .insertInto(TABLE)
      .values({
        name,
        version,
        position: position.toString(),
        state: 'running',
        last_error: null,
        updated_at: updatedAt,
      })
      .onConflict((conflict) =>
        conflict
          .column('name')
          .doUpdateSet({
            version,
            position: position.toString(),
            state: 'running',
            last_error: null,
            updated_at: updatedAt,
          })
          .where(
            sql<boolean>`${sql.ref(`${TABLE}.position`)} is null
              or length(${sql.ref(`${TABLE}.position`)}) < length(excluded.position)
              or (length(${sql.ref(`${TABLE}.position`)}) = length(excluded.position)
                  and ${sql.ref(`${TABLE}.position`)} < excluded.position)`,
          ),
      )
      .executeTakeFirst();
    return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
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
    await this.mark(db, name, version, 'failed', error);
  }

  /**
   * Records that a transient failure is being retried, for processes that read the status
   * from here; the next committed batch clears it. Only an existing row is touched: a new
   * row would claim a position (the beginning) that no batch has reached.
   */
  async markRetrying(db: ReadModelDb, name: string, error: string): Promise<void> {
    await tables(db)
      .updateTable(TABLE)
      .set({ state: 'retrying', last_error: error, updated_at: this.now().toISOString() })
      .where('name', '=', name)
      .execute();
  }

  private async mark(db: ReadModelDb, name: string, version: number, state: CheckpointState, error: string) {
    const updatedAt = this.now().toISOString();
    await tables(db)
      .insertInto(TABLE)
      .values({ name, version, position: null, state, last_error: error, updated_at: updatedAt })
      .onConflict((conflict) =>
        conflict.column('name').doUpdateSet({ state, last_error: error, updated_at: updatedAt }),
      )
      .execute();
  }
}

function tables(db: ReadModelDb): Kysely<CheckpointTables> {
  return db.withTables<CheckpointTables>();
}
