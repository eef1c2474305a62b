import type { OpportunityInvoiceOverdueRow, OpportunityMemberRow } from '../projections/triangle-reads.tables.js';
import { handoffView, overdueFirst } from '../handoffs/handoff.view.js';
import type { InboxRows, PendingApprovalRow } from './inbox.queries.js';
import type { ApprovalView, InboxDealView, InboxView, InvoiceOverdueView } from './inbox.view.js';

const DAY_MS = 86_400_000;

const SEATS = [
  ['ar', 'ar_id'],
  ['sr', 'sr_id'],
  ['fr', 'fr_id'],
  ['sponsor', 'sponsor_id'],
] as const;

function dealView(row: OpportunityMemberRow, personId: string): InboxDealView {
  return {
    opportunityId: row.opportunity_id,
    name: row.name,
    pipelineId: row.pipeline_id,
    stageId: row.stage_id,
    leader: row.leader_id,
    leading: row.leader_id === personId,
    seats: SEATS.filter(([, column]) => row[column] === personId).map(([seat]) => seat),
  };
}

function approvalView(row: PendingApprovalRow, now: Date): ApprovalView {
  const requestedAt = row.requested_at ?? now.toISOString();
  return {
    opportunityId: row.opportunity_id,
    dealName: row.deal_name,
    version: Number(row.version),
    currency: row.currency,
    totalMinor: Number(row.total_minor),
    discountMinor: Number(row.discount_minor),
    requestedBy: row.requested_by ?? '',
    requestedAt,
    ageSeconds: Math.round((now.getTime() - Date.parse(requestedAt)) / 1000),
  };
}

function invoiceOverdueView(row: OpportunityInvoiceOverdueRow, now: Date): InvoiceOverdueView {
  // The due date is a calendar day: it is overdue from the end of it, so the day after is day 1.
  const dueEnd = Date.parse(`${row.due_on}T00:00:00.000Z`) + DAY_MS;
  return {
    contractId: row.contract_id,
    invoiceId: row.invoice_id,
    currency: row.currency,
    openMinor: Number(row.open_minor),
    dueOn: row.due_on,
    overdueSince: row.overdue_at,
    daysOverdue: Math.max(0, Math.floor((now.getTime() - dueEnd) / DAY_MS) + 1),
    lastReminderDays: Number(row.reminder_days),
  };
}

/**
 * A person's inbox from its stored rows, judged at `now`: handoffs with their age and time
 * left, overdue first; the approvals given (already narrowed to those the person may give);
 * the deals they lead and those where they hold a seat.
 */
export function buildInbox(
  personId: string,
  rows: InboxRows,
  approvals: readonly PendingApprovalRow[],
  now: Date,
): InboxView {
  const views = (list: InboxRows['waiting']) => list.map((row) => handoffView(row, now)).sort(overdueFirst);
  const handoffs = views(rows.waiting);
  const escalations = views(rows.escalations);
  const sponsorAlerts = views(rows.sponsorAlerts);
  const overdue = new Set(
    [...handoffs, ...escalations, ...sponsorAlerts].filter((h) => h.overdue).map((h) => h.handoffId),
  );
  const deals = rows.deals.map((row) => dealView(row, personId));
  return {
    personId,
    asOf: now.toISOString(),
    overdueCount: overdue.size,
    handoffs,
    escalations,
    sponsorAlerts,
    approvals: approvals.map((row) => approvalView(row, now)),
    leading: deals.filter((deal) => deal.leading),
    triangle: deals.filter((deal) => deal.seats.length > 0),
    invoicesOverdue: rows.invoicesOverdue.map((row) => invoiceOverdueView(row, now)),
  };
}
