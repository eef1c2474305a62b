import type { CheckpointStore } from './checkpoint.store.js';
import type { ProcessManager } from './process-manager.js';
import type { Projection } from './projection.js';
import type { ReadModelDb } from './read-model-db.js';

/**
 * Creates the checkpoint table and every subscriber's own tables. Every process calls it
 * at start, whether or not it runs the subscribers: an API-only process or a standby
 * answers reads from these tables before the lease holder has filled them.
 */
export async function setupSubscriberTables(
  db: ReadModelDb,
  checkpoints: CheckpointStore,
  subscribers: { readonly projections: readonly Projection[]; readonly processManagers: readonly ProcessManager[] },
): Promise<void> {
  await checkpoints.setup(db);
  for (const projection of subscribers.projections) await projection.setup(db);
  for (const manager of subscribers.processManagers) await manager.setup?.(db);
}
