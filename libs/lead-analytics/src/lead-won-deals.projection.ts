import { sql } from 'kysely';
import type { RecordedEvent } from '#ltc/event-store';
import { eventParser } from '#ltc/kernel';
import { upsertRow, type Projection, type ReadModelDb, type ReadModelTransaction } from '#ltc/projections';
import type {
  OpportunityOpened,
  OpportunityReopened,
  OpportunityStreamPrefix,
  OpportunityWon,
} from '#ltc/opportunities/events';

/** One row per deal opened from a lead: whether it is won now, and for how much. */
export type LeadWonDealRow = {
  tenant_id: string;
  opportunity_id: string;
  lead_id: string;
  /** The lead's source as the deal opened with it. */
  source: string | null;
  /** 1 while won (a reopened deal is no longer). */
  won: number;
  /** Integer minor units of the winning quote (a string or bigint from PostgreSQL); null unless won. */
  amount_minor: number | string | null;
  currency: string | null;
  won_at: string | null;
};

export type LeadWonDealsTables = { lead_won_deals: LeadWonDealRow };

export const leadWonDealsDb = (db: ReadModelDb | ReadModelTransaction) => db.withTables<LeadWonDealsTables>();

type DealOutcomeEvent = OpportunityOpened | OpportunityWon | OpportunityReopened;

/** The opportunities' published events lead analytics reads (contract `#ltc/opportunities/events`, types only). */
const parseDealOutcome = eventParser<DealOutcomeEvent>({
  OpportunityOpened: true,
  OpportunityWon: true,
  OpportunityReopened: true,
});

const OPPORTUNITY_STREAMS: readonly OpportunityStreamPrefix[] = ['opportunity-'];

/**
 * Won deals by lead source: closing the loop from deals back to lead quality (a source
 * whose leads convert but never win is worth less than it looks). A deal counts as won
 * from `OpportunityWon` (with the winning quote's amount) until `OpportunityReopened`.
 */
export const leadWonDealsProjection: Projection = {
  name: 'lead_won_deals',
  version: 1,
  filter: { streamPrefixes: [...OPPORTUNITY_STREAMS] },

  async setup(db) {
    await db.schema
      .createTable('lead_won_deals')
      .ifNotExists()
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('opportunity_id', 'text', (c) => c.notNull())
      .addColumn('lead_id', 'text', (c) => c.notNull())
      .addColumn('source', 'text')
      .addColumn('won', 'integer', (c) => c.notNull())
      .addColumn('amount_minor', 'bigint')
      .addColumn('currency', 'text')
      .addColumn('won_at', 'text')
      .addPrimaryKeyConstraint('lead_won_deals_pk', ['tenant_id', 'opportunity_id'])
      .execute();
    await db.schema
      .createIndex('lead_won_deals_by_lead')
      .ifNotExists()
      .on('lead_won_deals')
      .columns(['tenant_id', 'lead_id'])
      .execute();
  },

  async reset(trx) {
    await sql`delete from lead_won_deals`.execute(trx);
  },

  async apply(trx, recorded: RecordedEvent) {
    const event = parseDealOutcome(recorded);
    if (!event) return;
    const tenantId = recorded.metadata.tenantId;
    const key = ['tenant_id', 'opportunity_id'];
    if (event.type === 'OpportunityOpened') {
      const lead = event.data.lead;
      if (lead === null) return;
      const row: LeadWonDealRow = {
        tenant_id: tenantId,
        opportunity_id: event.data.opportunityId,
        lead_id: lead.leadId,
        source: lead.source,
        won: 0,
        amount_minor: null,
        currency: null,
        won_at: null,
      };
      // A replayed opening keeps what the deal became since.
      await upsertRow(trx, 'lead_won_deals', row, key, []);
      return;
    }
    const outcome =
      event.type === 'OpportunityWon'
        ? {
            won: 1,
            amount_minor: event.data.amount.amountMinor,
            currency: event.data.amount.currency,
            won_at: event.data.at,
          }
        : { won: 0, amount_minor: null, currency: null, won_at: null };
    await leadWonDealsDb(trx)
      .updateTable('lead_won_deals')
      .set(outcome)
      .where('tenant_id', '=', tenantId)
      .where('opportunity_id', '=', event.data.opportunityId)
      .execute();
  },
};
