import type { EventStore } from '#ltc/event-store';
import type { CheckpointStore } from './checkpoint.store.js';
import type { SubscriberStatus } from './subscriber-status.js';
import type { ReadModelDb } from './read-model-db.js';
import { subscriberLag } from './subscriber-lag.js';
import type { SubscriberWorker } from './subscriber-worker.js';

/**
 * Status lines built from `projection_checkpoints` rather than from running workers; the
 * lag is computed exactly as the running process computes it (see `subscriberLag`).
 */
export async function storedStatuses(
  store: EventStore,
  db: ReadModelDb,
  checkpoints: CheckpointStore,
  workers: readonly SubscriberWorker[],
): Promise<SubscriberStatus[]> {
  const headPosition = await store.readHeadPosition();
  return Promise.all(
    workers.map(async (worker): Promise<SubscriberStatus> => {
      const row = await checkpoints.load(db, worker.name);
      const position = row?.position ?? null;
      return {
        name: worker.name,
        kind: worker.kind,
        version: row?.version ?? worker.version,
        position,
        headPosition,
        lag: await subscriberLag(store, position, worker.filter, headPosition),
        state: row?.state ?? 'starting',
        lastError: row?.lastError ?? null,
        nextAttemptAt: null,
      };
    }),
  );
}
