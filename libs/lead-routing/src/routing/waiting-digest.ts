import { sql, type Kysely } from 'kysely';
import { upsertRow, type ReadModelDb, type ReadModelTransaction } from '#ltc/projections';
import type { LeadRoutingDeferred } from '#ltc/leads/domain';
import {
  waitingDigestBucket,
  waitingDigestMessage,
  type WaitingDigestBucket,
} from '../distribution/domain/waiting-digest.js';
import { SALES_MANAGERS, type NotificationRow } from './lead-notifications.js';
import type { RoutingDeps } from './route-lead.js';

/** Which leads each digest notification counts (so handling a deferral again counts it once). */
type DigestLeadRow = { notification_id: string; lead_id: string; reason: string };

/** How many leads each digest counts per reason, kept as they join: the message needs no scan of its leads. */
type DigestCountRow = { notification_id: string; reason: string; leads: number };

type Tables = {
  lead_notification_digest_leads: DigestLeadRow;
  lead_notification_digest_counts: DigestCountRow;
  lead_notifications: NotificationRow;
};

const digestDb = (db: ReadModelDb | ReadModelTransaction): Kysely<Tables> => db.withTables<Tables>();

export async function setupWaitingDigests(db: ReadModelDb): Promise<void> {
  await db.schema
    .createTable('lead_notification_digest_leads')
    .ifNotExists()
    .addColumn('notification_id', 'text', (c) => c.notNull())
    .addColumn('lead_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('lead_notification_digest_leads_pk', ['notification_id', 'lead_id'])
    .execute();
  await db.schema
    .createTable('lead_notification_digest_counts')
    .ifNotExists()
    .addColumn('notification_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('leads', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('lead_notification_digest_counts_pk', ['notification_id', 'reason'])
    .execute();
}

/**
 * Adds a lead that waits for routing to its digest notification, creating the notification
 * with the first lead. The id comes from the bucket and recipient; a lead counts once (its
 * membership row is the proof): replaying or rebuilding gives the same notification, never one per lead.
 */
export async function addToWaitingDigest(
  db: ReadModelDb,
  entry: {
    readonly tenantId: string;
    readonly recipientId: string;
    readonly leadId: string;
    readonly reason: string;
    readonly bucket: WaitingDigestBucket;
    readonly at: string;
  },
): Promise<void> {
  const notificationId = `leads_waiting:${entry.tenantId}:${entry.bucket.key}:${entry.recipientId}`;
  await db.transaction().execute(async (trx) => {
    const item: DigestLeadRow = { notification_id: notificationId, lead_id: entry.leadId, reason: entry.reason };
    const added = await digestDb(trx)
      .insertInto('lead_notification_digest_leads')
      .values(item)
      .onConflict((oc) => oc.columns(['notification_id', 'lead_id']).doNothing())
      .executeTakeFirst();
    // Counted already (the deferral handled again): nothing changes.
    if (Number(added.numInsertedOrUpdatedRows ?? 0) === 0) return;
    await digestDb(trx)
      .insertInto('lead_notification_digest_counts')
      .values({ notification_id: notificationId, reason: entry.reason, leads: 1 })
      .onConflict((oc) =>
        oc
          .columns(['notification_id', 'reason'])
          .doUpdateSet({ leads: sql`lead_notification_digest_counts.leads + 1` }),
      )
      .execute();
    const counts = await digestDb(trx)
      .selectFrom('lead_notification_digest_counts')
      .select(['reason', 'leads'])
      .where('notification_id', '=', notificationId)
      .orderBy('reason')
      .execute();
    const reasons = counts.map((row) => ({ reason: row.reason, leads: Number(row.leads) }));
    // Deferrals of different leads are handled side by side, in no set order: the digest
    // names the earliest time and the lowest lead id of its leads, whichever joined first,
    // so a rebuild (in log order) writes the same row.
    const earlier = await digestDb(trx)
      .selectFrom('lead_notifications')
      .select(['lead_id', 'created_at'])
      .where('notification_id', '=', notificationId)
      .executeTakeFirst();
    const row = {
      notification_id: notificationId,
      tenant_id: entry.tenantId,
      recipient_id: entry.recipientId,
      lead_id: earlier && earlier.lead_id < entry.leadId ? earlier.lead_id : entry.leadId,
      kind: 'leads_waiting',
      message: waitingDigestMessage(entry.bucket, reasons),
      created_at: earlier && earlier.created_at < entry.at ? earlier.created_at : entry.at,
    };
    await upsertRow(trx, 'lead_notifications', row, ['notification_id'], ['message', 'lead_id', 'created_at']);
  });
}

/** Adds a deferred lead to the digest of its team's manager (every sales manager when the team has none). */
export async function announceWaitingLead(
  deps: Pick<RoutingDeps, 'db' | 'directory'>,
  tenantId: string,
  deferral: LeadRoutingDeferred['data'],
): Promise<void> {
  const manager = deferral.teamId === null ? null : await deps.directory.managerOfTeam(tenantId, deferral.teamId);
  await addToWaitingDigest(deps.db, {
    tenantId,
    recipientId: manager ?? SALES_MANAGERS,
    leadId: deferral.leadId,
    reason: deferral.reason,
    bucket: waitingDigestBucket(deferral),
    at: deferral.at,
  });
}

export async function resetWaitingDigests(db: ReadModelDb): Promise<void> {
  await digestDb(db).deleteFrom('lead_notification_digest_leads').execute();
  await digestDb(db).deleteFrom('lead_notification_digest_counts').execute();
}
