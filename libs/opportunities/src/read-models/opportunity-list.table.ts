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
};

export type OpportunityListTables = { opportunity_list: OpportunityListRow };

export const opportunityListDb = (db: ReadModelDb | ReadModelTransaction) => db.withTables<OpportunityListTables>();
