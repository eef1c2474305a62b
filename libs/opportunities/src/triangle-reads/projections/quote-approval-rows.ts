import type { ReadModelTransaction } from '#ltc/projections';
import type { OpportunityEvent } from '../../domain/opportunity.events.js';
import { putRow, triangleReadsDb, type OpportunityQuoteApprovalRow } from './triangle-reads.tables.js';

const KEY = ['tenant_id', 'opportunity_id', 'version'] as const;

/** Folds quote events into the approval rows of versions whose discount needs a sales manager. */
export async function applyQuoteApprovalEvent(
  trx: ReadModelTransaction,
  tenantId: string,
  event: OpportunityEvent,
): Promise<void> {
  if (event.type === 'QuoteVersionCreated') {
    const d = event.data;
    // A version within the threshold never waits for anyone.
    if (!d.needsApproval) return;
    const row: OpportunityQuoteApprovalRow = {
      tenant_id: tenantId,
      opportunity_id: d.opportunityId,
      version: d.version,
      currency: d.currency,
      total_minor: d.totalMinor,
      discount_minor: d.discountMinor,
      status: 'not_requested',
      requested_by: null,
      requested_at: null,
      decided_by: null,
      decided_at: null,
    };
    await putRow(trx, 'opportunity_quote_approvals', row, KEY);
    return;
  }
  const set = approvalChange(event);
  if (!set) return;
  const { opportunityId, version } = event.data as { opportunityId: string; version: number };
  const row = await triangleReadsDb(trx)
    .selectFrom('opportunity_quote_approvals')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('opportunity_id', '=', opportunityId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) return;
  await putRow(trx, 'opportunity_quote_approvals', { ...row, version: Number(row.version), ...set }, KEY);
}

function approvalChange(event: OpportunityEvent): Partial<OpportunityQuoteApprovalRow> | undefined {
  switch (event.type) {
    case 'QuoteApprovalRequested':
      return { status: 'pending', requested_by: event.data.actor, requested_at: event.data.at };
    case 'QuoteApproved':
      return { status: 'approved', decided_by: event.data.actor, decided_at: event.data.at };
    case 'QuoteRejected':
      return { status: 'rejected', decided_by: event.data.actor, decided_at: event.data.at };
    default:
      return undefined;
  }
}
