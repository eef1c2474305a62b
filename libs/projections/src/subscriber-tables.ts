import { PostgresAdapter, sql } from 'kysely';
import type { CheckpointStore } from './checkpoint.store.js';
import type { ProcessManager } from './process-manager.js';
import type { Projection } from './projection.js';
import type { ReadModelDb } from './read-model-db.js';

/**
 * Creates the checkpoint table and every subscriber's own tables. Every process calls it
 * at start, whether or not it runs the subscribers: an API-only process or a standby
 * answers reads from these tables before the lease holder has filled them.
 *
 * On PostgreSQL the processes take turns (an advisory lock held on one connection for the
 * whole setup): two `create table if not exists` racing on an empty schema can both pass the
 * check and one then fails on the catalogue's unique index, which would stop that process
 * at its start. Several APIs and workers starting together is the normal cluster start.
 */
export async function setupSubscriberTables(
  db: ReadModelDb,
  checkpoints: CheckpointStore,
  subscribers: { readonly projections: readonly Projection[]; readonly processManagers: readonly ProcessManager[] },
): Promise<void> {
  const setup = async (on: ReadModelDb): Promise<void> => {
    await checkpoints.setup(on);
    for (const projection of subscribers.projections) await projection.setup(on);
    for (const manager of subscribers.processManagers) await manager.setup?.(on);
  };
  await withSetupLock(db, setup);
}

/**
 * Runs `work` (creating tables) while no other process of this read-model schema does the same:
 * on PostgreSQL under an advisory lock keyed by the schema, on one pinned connection; elsewhere
 * as it is (SQLite takes its own write lock for each statement).
 */
export async function withSetupLock(db: ReadModelDb, work: (db: ReadModelDb) => Promise<void>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    await work(db);
    return;
  }
  await db.connection().execute(async (connection) => {
    const key = sql`hashtext(${SETUP_LOCK} || current_schema())`;
    await sql`select pg_advisory_lock(${key})`.execute(connection);
    try {
      await work(connection);
    } finally {
      await sql`select pg_advisory_unlock(${key})`.execute(connection);
    }
  });
}

const SETUP_LOCK = 'ltc:read-model-setup:';
