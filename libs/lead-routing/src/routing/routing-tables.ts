import type { ReadModelDb } from '#ltc/projections';
import { setupDistributionLedger } from '../distribution/ledger/distribution-ledger.js';
import { setupLeadAttemptsDue } from './lead-attempts-due.js';
import { setupLeadNotifications } from './lead-notifications.js';
import { setupRoutingWaits } from './routing-waits.js';
import { setupWaitingDigests } from './waiting-digest.js';

/** Creates the tables routing writes (ledger, decisions, attempts due, notifications, waits, digests) if missing. */
export async function setupRoutingTables(db: ReadModelDb): Promise<void> {
  await setupDistributionLedger(db);
  await setupLeadAttemptsDue(db);
  await setupLeadNotifications(db);
  await setupRoutingWaits(db);
  await setupWaitingDigests(db);
}
