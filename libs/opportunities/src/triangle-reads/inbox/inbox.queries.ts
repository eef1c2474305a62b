import { sql, type SqlBool } from 'kysely';
import type { ReadModelDb } from '#ltc/projections';
import type { OpportunityScope } from '../../opportunity-access.js';
import { dealSight } from '../../read-models/deal-sight.js';
import { MEMBER_SIGHT, handoffsWithDeal, type HandoffWithDeal } from '../handoffs/handoffs.queries.js';
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

export type PendingApprovalRow = OpportunityQuoteApprovalRow & {
  deal_name: string;
  ar_id: string | null;
  team_id: string | null;
};

/**
 * What waits for the person, on the deals `sight` lets the reader see: the person's own inbox is
 * read with a tenant-wide sight (it is theirs), someone else's with the reader's own scope, so a
 * manager reading a person's inbox sees nothing of the deals they could not open.
 */
export async function inboxRows(
  db: ReadModelDb,
  tenantId: string,
  personId: string,
  sight: OpportunityScope = { kind: 'tenant' },
): Promise<InboxRows> {
  const seen = dealSight(sight, MEMBER_SIGHT) ?? sql<SqlBool>`true`;
  const pending = () =>
    handoffsWithDeal(db, tenantId).where('h.status', '=', 'pending').where(seen).orderBy('h.requested_at');
  const [waiting, sponsorAlerts, escalations, deals, invoicesOverdue] = await Promise.all([
    pending().where('h.to_id', '=', personId).execute(),
    pending().where('h.overdue', '=', 1).where('h.sponsor_id', '=', personId).execute(),
    pending().where('h.escalated', '=', 1).where('h.escalated_to', '=', personId).execute(),
    triangleReadsDb(db)
      .selectFrom('opportunity_members as m')
      .selectAll('m')
      .where('m.tenant_id', '=', tenantId)
      .where('m.status', '=', 'open')
      .where((eb) =>
        eb.or([
          eb('m.leader_id', '=', personId),
          eb('m.ar_id', '=', personId),
          eb('m.sr_id', '=', personId),
          eb('m.fr_id', '=', personId),
          eb('m.sponsor_id', '=', personId),
        ]),
      )
      .where(seen)
      .orderBy('m.opened_at')
      .orderBy('m.opportunity_id')
      .execute(),
    // A contract's id is its deal's: the deal's member row says who sees its invoices.
    triangleReadsDb(db)
      .selectFrom('opportunity_invoices_overdue as i')
      .leftJoin('opportunity_members as m', (join) =>
        join.onRef('m.tenant_id', '=', 'i.tenant_id').onRef('m.opportunity_id', '=', 'i.contract_id'),
      )
      .selectAll('i')
      .where('i.tenant_id', '=', tenantId)
      .where('i.ar_id', '=', personId)
      .where(seen)
      .orderBy('i.due_on')
      .orderBy('i.contract_id')
      .orderBy('i.invoice_id')
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
      .select(['m.name as deal_name', 'm.ar_id', 'm.team_id'])
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
