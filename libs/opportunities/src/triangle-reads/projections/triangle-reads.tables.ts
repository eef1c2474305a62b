import { upsertRow, type ReadModelDb, type ReadModelTransaction } from '#ltc/projections';

/** One row per deal: who sits in its triangle, who leads it, and how it ended (inboxes, scope, scorecard). */
export type OpportunityMemberRow = {
  tenant_id: string;
  opportunity_id: string;
  name: string;
  pipeline_id: string;
  stage_id: string;
  /** `open`, `won` or `lost`. */
  status: string;
  /** The lead's source, when the deal came from a lead (win rate by source). */
  source: string | null;
  /** The sales team the deal was opened in (docs/adr/0024): its analytics team; null: none recorded. */
  team_id: string | null;
  ar_id: string | null;
  sr_id: string | null;
  fr_id: string | null;
  sponsor_id: string | null;
  leader_id: string;
  pending_handoff_to: string | null;
  loss_reason: string | null;
  opened_at: string;
  updated_at: string;
};

/** One row per handoff, from its request to its answer, with the timer flags. */
export type OpportunityHandoffRow = {
  tenant_id: string;
  opportunity_id: string;
  handoff_id: string;
  from_id: string;
  to_id: string;
  phase: string;
  notes: string | null;
  /** JSON array of strings. */
  open_items: string;
  /** `pending`, `accepted` or `declined`. */
  status: string;
  requested_at: string;
  due_at: string;
  escalate_at: string;
  answered_at: string | null;
  seconds_to_accept: number | null;
  decline_reason: string | null;
  /** 1 once `HandoffOverdue` was raised. */
  overdue: number;
  overdue_at: string | null;
  escalated: number;
  escalated_at: string | null;
  escalated_to: string | null;
  /** The deal's sponsor (at the request, then the one the overdue notice named). */
  sponsor_id: string | null;
};

/** One row per quote version whose discount needs approval, and where that approval stands. */
export type OpportunityQuoteApprovalRow = {
  tenant_id: string;
  opportunity_id: string;
  version: number;
  currency: string;
  /** Integer minor units (a string or bigint from PostgreSQL). */
  total_minor: number | string;
  discount_minor: number | string;
  /** `not_requested`, `pending`, `approved` or `rejected`. */
  status: string;
  requested_by: string | null;
  requested_at: string | null;
  decided_by: string | null;
  decided_at: string | null;
};

/**
 * One row per stretch of a deal in one stage under one leader: a new stage starts a new
 * visit, an accepted handoff splits a visit into segments (days per stage while leading).
 */
export type OpportunityStagePeriodRow = {
  tenant_id: string;
  opportunity_id: string;
  segment_no: number;
  visit_no: number;
  pipeline_id: string;
  stage_id: string;
  leader_id: string;
  entered_at: string;
  left_at: string | null;
};

/** One row per overdue invoice still open, in the inbox of the AR who collects it (from contract events). */
export type OpportunityInvoiceOverdueRow = {
  tenant_id: string;
  contract_id: string;
  invoice_id: string;
  ar_id: string;
  currency: string;
  /** What is still open on it, integer minor units (a string or bigint from PostgreSQL). */
  open_minor: number | string;
  due_on: string;
  overdue_at: string;
  /** The latest reminder sent, in days after the due date; 0 before the first. */
  reminder_days: number;
  updated_at: string;
};

export type TriangleReadTables = {
  opportunity_members: OpportunityMemberRow;
  opportunity_handoffs: OpportunityHandoffRow;
  opportunity_quote_approvals: OpportunityQuoteApprovalRow;
  opportunity_stage_periods: OpportunityStagePeriodRow;
  opportunity_invoices_overdue: OpportunityInvoiceOverdueRow;
};

export const triangleReadsDb = (db: ReadModelDb | ReadModelTransaction) => db.withTables<TriangleReadTables>();

/** Writes a whole row back (insert, or overwrite the row with the same key). */
export const putRow = (
  trx: ReadModelTransaction,
  table: keyof TriangleReadTables,
  row: Readonly<Record<string, unknown>>,
  key: readonly string[],
): Promise<void> => upsertRow(trx, table, row, key);
