import type { ReadModelDb } from '#ltc/projections';
import { ensureDistributionLedger } from '../distribution/ledger/distribution-ledger.js';
import { setupLeadAttemptsDue } from './lead-attempts-due.js';
import { setupLeadNotifications } from './lead-notifications.js';
import { setupRoutingWaits } from './routing-waits.js';
import { setupWaitingDigests } from './waiting-digest.js';

const prepared = new WeakMap<ReadModelDb, Promise<void>>();

/**
 * Creates the tables routing writes (ledger, decisions, attempts due, notifications, waits)
 * once per database. Process managers have no setup hook, and an API-only process
 * reads these tables before any worker has run, so both sides call this first.
 */
export function ensureRoutingTables(db: ReadModelDb): Promise<void> {
  let ready = prepared.get(db);
  if (!ready) {
    ready = (async () => {
      await ensureDistributionLedger(db);
      await setupLeadAttemptsDue(db);
      await setupLeadNotifications(db);
      await setupRoutingWaits(db);
      await setupWaitingDigests(db);
    })();
    // A failed setup is tried again next time rather than remembered.
    ready.catch(() => prepared.delete(db));
    prepared.set(db, ready);
  }
  return ready;
}
