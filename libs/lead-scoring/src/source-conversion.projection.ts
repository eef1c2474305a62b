import { sql } from 'kysely';
import type { Projection, ReadModelDb, ReadModelTransaction } from '#ltc/projections';

/** Which source each lead came from, so a later `LeadConverted` (which names only the lead) can be counted. */
export type LeadSourceIndexRow = {
  tenant_id: string;
  lead_id: string;
  source: string;
  /** 1 once the lead's conversion was counted; a lead converts at most once. */
  converted: number;
};

/** Leads captured and converted per tenant and source. */
export type SourceConversionRow = {
  tenant_id: string;
  source: string;
  leads: number;
  converted: number;
};

export type SourceConversionTables = {
  lead_source_index: LeadSourceIndexRow;
  source_conversion: SourceConversionRow;
};

export const sourceConversionDb = (db: ReadModelDb | ReadModelTransaction) => db.withTables<SourceConversionTables>();

/** Only the fields this projection reads, so it does not depend on the full lead event types. */
type CapturedData = { readonly leadId: string; readonly source: string };
type ConvertedData = { readonly leadId: string };

/**
 * The measured lead → opportunity conversion of each source, per tenant: the source
 * prior of lead scoring once a source has brought enough leads (docs/domain.md › Leads › Conversion: prioritise
 * by the measured conversion rate of the source).
 *
 * Counters are not idempotent; they are exact because the runner applies a batch and
 * commits its checkpoint in one transaction, so an event is never counted twice.
 */
export const sourceConversionProjection: Projection = {
  name: 'source_conversion',
  version: 1,
  filter: { eventTypes: ['LeadCaptured', 'LeadConverted'] },

  async setup(db) {
    await db.schema
      .createTable('lead_source_index')
      .ifNotExists()
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('lead_id', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('converted', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('lead_source_index_pk', ['tenant_id', 'lead_id'])
      .execute();
    await db.schema
      .createTable('source_conversion')
      .ifNotExists()
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('leads', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('converted', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('source_conversion_pk', ['tenant_id', 'source'])
      .execute();
  },

  async reset(trx) {
    await sql`delete from lead_source_index`.execute(trx);
    await sql`delete from source_conversion`.execute(trx);
  },

  async apply(trx, event) {
    const tenantId = event.metadata.tenantId;
    switch (event.type) {
      case 'LeadCaptured': {
        const { leadId, source } = event.data as CapturedData;
        const indexed = await sql`insert into lead_source_index (tenant_id, lead_id, source, converted)
          values (${tenantId}, ${leadId}, ${source}, 0)
          on conflict (tenant_id, lead_id) do nothing`.execute(trx);
        // A lead is counted once, even if a capture event for it were ever repeated.
        if (indexed.numAffectedRows === 0n) return;
        await sql`insert into source_conversion (tenant_id, source, leads, converted)
          values (${tenantId}, ${source}, 1, 0)
          on conflict (tenant_id, source) do update set leads = source_conversion.leads + 1`.execute(trx);
        return;
      }
      case 'LeadConverted': {
        const { leadId } = event.data as ConvertedData;
        const tables = sourceConversionDb(trx);
        const lead = await tables
          .selectFrom('lead_source_index')
          .select(['source', 'converted'])
          .where('tenant_id', '=', tenantId)
          .where('lead_id', '=', leadId)
          .executeTakeFirst();
        // Not counted: a lead never seen captured in this tenant, or a conversion already counted.
        if (!lead || Number(lead.converted) !== 0) return;
        await tables
          .updateTable('lead_source_index')
          .set({ converted: 1 })
          .where('tenant_id', '=', tenantId)
          .where('lead_id', '=', leadId)
          .execute();
        await sql`insert into source_conversion (tenant_id, source, leads, converted)
          values (${tenantId}, ${lead.source}, 0, 1)
          on conflict (tenant_id, source) do update set converted = source_conversion.converted + 1`.execute(trx);
        return;
      }
    }
  },
};
