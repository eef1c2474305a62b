import { sql } from 'kysely';
import type { Projection, ReadModelDb, ReadModelTransaction } from '#ltc/projections';
import { asLeadEvent } from '../domain/lead-event.js';
import { ENDS_ROUTING_WAIT } from '../domain/lead-routing-deferred.events.js';

/** One row per lead routing could not place, while it waits (`GET /leads/unassigned`). */
export type UnassignedQueueRow = {
  tenant_id: string;
  lead_id: string;
  /** The team whose reps routing tried; null = the tenant-wide policy over every rep. */
  team_id: string | null;
  reason: string;
  detail: string;
  /** The first deferral since the lead last had an owner, offer or pool: how long it has waited. */
  waiting_since: string;
  last_deferred_at: string;
  import_batch_id: string | null;
};

export type UnassignedQueueTables = { lead_unassigned_queue: UnassignedQueueRow };

export const unassignedQueueDb = (db: ReadModelDb | ReadModelTransaction) => db.withTables<UnassignedQueueTables>();

/**
 * The unassigned queue, from `LeadRoutingDeferred` (a lead joins, or its reason changes) and
 * the events that end a wait (owner, offer, pool, parked, closed). Rebuildable like every
 * projection; routing itself keeps an exact copy of its own (routing/routing-waits.ts).
 */
export const unassignedQueueProjection: Projection = {
  name: 'lead_unassigned_queue',
  version: 1,
  filter: { streamPrefixes: ['lead-'], eventTypes: ['LeadRoutingDeferred', ...ENDS_ROUTING_WAIT] },

  async setup(db) {
    await db.schema
      .createTable('lead_unassigned_queue')
      .ifNotExists()
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('lead_id', 'text', (c) => c.notNull())
      .addColumn('team_id', 'text')
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('detail', 'text', (c) => c.notNull())
      .addColumn('waiting_since', 'text', (c) => c.notNull())
      .addColumn('last_deferred_at', 'text', (c) => c.notNull())
      .addColumn('import_batch_id', 'text')
      .addPrimaryKeyConstraint('lead_unassigned_queue_pk', ['tenant_id', 'lead_id'])
      .execute();
    await db.schema
      .createIndex('lead_unassigned_queue_by_age')
      .ifNotExists()
      .on('lead_unassigned_queue')
      .columns(['tenant_id', 'waiting_since'])
      .execute();
  },

  async reset(trx) {
    await sql`delete from lead_unassigned_queue`.execute(trx);
  },

  async apply(trx, recorded) {
    const event = asLeadEvent(recorded);
    if (!event) return;
    const tenantId = recorded.metadata.tenantId;
    if (event.type !== 'LeadRoutingDeferred') {
      await unassignedQueueDb(trx)
        .deleteFrom('lead_unassigned_queue')
        .where('tenant_id', '=', tenantId)
        .where('lead_id', '=', event.data.leadId)
        .execute();
      return;
    }
    const d = event.data;
    await unassignedQueueDb(trx)
      .insertInto('lead_unassigned_queue')
      .values({
        tenant_id: tenantId,
        lead_id: d.leadId,
        team_id: d.teamId,
        reason: d.reason,
        detail: d.detail,
        waiting_since: d.at,
        last_deferred_at: d.at,
        import_batch_id: d.importBatchId,
      })
      // Still waiting, for another reason now: it keeps its place in the queue.
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'lead_id']).doUpdateSet({
          team_id: d.teamId,
          reason: d.reason,
          detail: d.detail,
          last_deferred_at: d.at,
        }),
      )
      .execute();
  },
};
