import type { ReadModelDb } from '#ltc/projections';
import { handoffsWithDeal, type HandoffWithDeal } from '../handoffs/handoffs.queries.js';
import {
  triangleReadsDb,
  type OpportunityInvoiceOverdueRow,
  type OpportunityMemberRow,
  type OpportunityQuoteApprovalRow,
} from '../projections/triangle-reads.tables.js';

/** What a person's inbox is made of, as stored; the inbox service judges ages and who approves. */
export interface InboxRows {
  /** Pending handoffs waiting for the person to answer. */
  readonly waiting: HandoffWithDeal[];
  /** Pending overdue handoffs on deals the person sponsors (the overdue notice named them). */
  readonly sponsorAlerts: HandoffWithDeal[];
  /** Pending handoffs escalated to the person. */
  readonly escalations: HandoffWithDeal[];
  /** Open deals where the person holds a seat or leads. */
  readonly deals: OpportunityMemberRow[];
  /** Overdue invoices still open that the person collects as the contract's AR. */
  readonly invoicesOverdue: OpportunityInvoiceOverdueRow[];
}

export type PendingApprovalRow = OpportunityQuoteApprovalRow & { deal_name: string; ar_id: string | null };

export async function inboxRows(db: ReadModelDb, tenantId: string, personId: string): Promise<InboxRows> {
  const pending = () => handoffsWithDeal(db, tenantId).where('h.status', '=', 'pending').orderBy('h.requested_at');
  const [waiting, sponsorAlerts, escalations, deals, invoicesOverdue] = await Promise.all([
    pending().where('h.to_id', '=', personId).execute(),
    pending().where('h.overdue', '=', 1).where('h.sponsor_id', '=', personId).execute(),
    pending().where('h.escalated', '=', 1).where('h.escalated_to', '=', personId).execute(),
    triangleReadsDb(db)
      .selectFrom('opportunity_members')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('status', '=', 'open')
      .where((eb) =>
        eb.or([
          eb('leader_id', '=', personId),
          eb('ar_id', '=', personId),
          eb('sr_id', '=', personId),
          eb('fr_id', '=', personId),
          eb('sponsor_id', '=', personId),
        ]),
      )
      .orderBy('opened_at')
      .orderBy('opportunity_id')
      .execute(),
    triangleReadsDb(db)
      .selectFrom('opportunity_invoices_overdue')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('ar_id', '=', personId)
      .orderBy('due_on')
      .orderBy('contract_id')
      .orderBy('invoice_id')
      .execute(),
  ]);
  return { waiting, sponsorAlerts, escalations, deals, invoicesOverdue };
}

/** Quote versions whose approval was requested and is not yet decided, oldest request first. */
export async function pendingApprovals(db: ReadModelDb, tenantId: string): Promise<PendingApprovalRow[]> {
  return (
    triangleReadsDb(db)
      .selectFrom('opportunity_quote_approvals as q')
      .innerJoin('opportunity_members as m', (join) =>
        join.onRef('m.tenant_id', '=', 'q.tenant_id').onRef('m.opportunity_id', '=', 'q.opportunity_id'),
      )
      .selectAll('q')
      .select(['m.name as deal_name', 'm.ar_id'])
      .where('q.tenant_id', '=', tenantId)
      .where('q.status', '=', 'pending')
      // A closed deal's quote is no longer anyone's work.
      .where('m.status', '=', 'open')
      .orderBy('q.requested_at')
      .orderBy('q.opportunity_id')
      .orderBy('q.version')
      .execute()
  );
}
