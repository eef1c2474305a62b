import { sql } from 'kysely';
import type { ReadModelDb, ReadModelTransaction } from '#ltc/projections';

/**
 * Row shape of `opportunity_list`: one row per deal, what lists, the board, the forecast and
 * every visibility check read. Written only by the opportunity list projection; other read
 * models of this context query it (the seat columns decide who sees a deal).
 */
export type OpportunityListRow = {
  tenant_id: string;
  opportunity_id: string;
  name: string;
  account: string | null;
  origin: string;
  lead_id: string | null;
  /** The lead's source (`web`, `referral`…): analytics by source keep working after conversion. */
  source: string | null;
  team: string | null;
  region: string | null;
  pipeline_id: string;
  pipeline_version: number;
  stage_id: string;
  /** `open`, `won` or `lost`. */
  status: string;
  probability_bp: number;
  forecast_category: string;
  /** Integer minor units (a string or bigint from PostgreSQL's bigint); null with `currency` when no amount is known. */
  amount_minor: number | string | null;
  currency: string | null;
  /** `YYYY-MM-DD`. */
  close_date: string | null;
  /** The AR, who owns the deal. */
  owner_id: string;
  ar_id: string | null;
  sr_id: string | null;
  fr_id: string | null;
  sponsor_id: string | null;
  /** The one person leading the deal now. */
  leader_id: string;
  /** Receiver of the handoff waiting for an answer, if any. */
  pending_handoff_to: string | null;
  loss_reason: string | null;
  won_quote_version: number | null;
  opened_at: string;
  updated_at: string;
  closed_at: string | null;
  /** The deal stream's revision this row reflects (the detail's ETag). */
  revision: string;
  /** Name and account, lower-cased: what `q` searches. */
  search_text: string;
};

export type OpportunityListTables = { opportunity_list: OpportunityListRow };

export const opportunityListDb = (db: ReadModelDb | ReadModelTransaction) => db.withTables<OpportunityListTables>();

/** Every filter of the list and the board starts from the tenant; the seat indexes serve a member's scope, the team index a team manager's. */
const INDEXES: Record<string, readonly string[]> = {
  opportunity_list_status_idx: ['tenant_id', 'status', 'opened_at'],
  opportunity_list_pipeline_idx: ['tenant_id', 'pipeline_id', 'stage_id'],
  opportunity_list_owner_idx: ['tenant_id', 'owner_id'],
  opportunity_list_sr_idx: ['tenant_id', 'sr_id'],
  opportunity_list_fr_idx: ['tenant_id', 'fr_id'],
  opportunity_list_sponsor_idx: ['tenant_id', 'sponsor_id'],
  opportunity_list_pending_idx: ['tenant_id', 'pending_handoff_to'],
  opportunity_list_team_idx: ['tenant_id', 'team'],
  opportunity_list_close_idx: ['tenant_id', 'close_date'],
  opportunity_list_opened_idx: ['tenant_id', 'opened_at', 'opportunity_id'],
};

export async function createOpportunityListTable(db: ReadModelDb): Promise<void> {
  await db.schema
    .createTable('opportunity_list')
    .ifNotExists()
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('opportunity_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('account', 'text')
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('lead_id', 'text')
    .addColumn('source', 'text')
    .addColumn('team', 'text')
    .addColumn('region', 'text')
    .addColumn('pipeline_id', 'text', (c) => c.notNull())
    .addColumn('pipeline_version', 'integer', (c) => c.notNull())
    .addColumn('stage_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('probability_bp', 'integer', (c) => c.notNull())
    .addColumn('forecast_category', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint')
    .addColumn('currency', 'text')
    .addColumn('close_date', 'text')
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('ar_id', 'text')
    .addColumn('sr_id', 'text')
    .addColumn('fr_id', 'text')
    .addColumn('sponsor_id', 'text')
    .addColumn('leader_id', 'text', (c) => c.notNull())
    .addColumn('pending_handoff_to', 'text')
    .addColumn('loss_reason', 'text')
    .addColumn('won_quote_version', 'integer')
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('revision', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('opportunity_list_pk', ['tenant_id', 'opportunity_id'])
    .execute();
  for (const [name, columns] of Object.entries(INDEXES)) {
    await db.schema
      .createIndex(name)
      .ifNotExists()
      .on('opportunity_list')
      .columns([...columns])
      .execute();
  }
}

export async function resetOpportunityList(trx: ReadModelTransaction): Promise<void> {
  await sql`delete from opportunity_list`.execute(trx);
}
