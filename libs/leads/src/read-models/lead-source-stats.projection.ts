import { sql } from 'kysely';
import type { Projection, ReadModelDb, ReadModelTransaction } from '#ltc/projections';
import { asLeadEvent } from '../domain/lead-event.js';

/** Counters per tenant and lead source; the base of conversion-by-source analytics. */
export type LeadSourceStatsRow = {
  tenant_id: string;
  source: string;
  captured: number;
};

export type LeadSourceStatsTables = { lead_source_stats: LeadSourceStatsRow };

export const leadSourceStatsDb = (db: ReadModelDb | ReadModelTransaction) => db.withTables<LeadSourceStatsTables>();

/**
 * How many leads each source brought. Counters are not idempotent, which is exactly why
 * they rely on the runner's checkpoint-in-the-same-transaction guarantee.
 */
export const leadSourceStatsProjection: Projection = {
  name: 'lead_source_stats',
  version: 1,
  filter: { eventTypes: ['LeadCaptured'] },

  async setup(db) {
    await db.schema
      .createTable('lead_source_stats')
      .ifNotExists()
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('captured', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('lead_source_stats_pk', ['tenant_id', 'source'])
      .execute();
  },

  async reset(trx) {
    await sql`delete from lead_source_stats`.execute(trx);
  },

  async apply(trx, recorded) {
    const event = asLeadEvent(recorded);
    if (event?.type !== 'LeadCaptured') return;
    await sql`insert into lead_source_stats (tenant_id, source, captured)
      values (${recorded.metadata.tenantId}, ${event.data.source}, 1)
      on conflict (tenant_id, source) do update set captured = lead_source_stats.captured + 1`.execute(trx);
  },
};
