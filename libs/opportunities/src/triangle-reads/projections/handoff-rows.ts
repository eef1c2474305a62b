import type { ReadModelTransaction } from '#ltc/projections';
import type { OpportunityEvent } from '../../domain/opportunity.events.js';
import { loadMember } from './member-rows.js';
import { putRow, triangleReadsDb, type OpportunityHandoffRow } from './triangle-reads.tables.js';

const KEY = ['tenant_id', 'opportunity_id', 'handoff_id'] as const;

/** Folds one deal event into its handoff's row: request, answer, overdue and escalation flags. */
export async function applyHandoffEvent(
  trx: ReadModelTransaction,
  tenantId: string,
  event: OpportunityEvent,
): Promise<void> {
  if (event.type === 'HandoffRequested') {
    const d = event.data;
    // The member row was folded before this (same transaction): its sponsor is the deal's now.
    const member = await loadMember(trx, tenantId, d.opportunityId);
    const row: OpportunityHandoffRow = {
      tenant_id: tenantId,
      opportunity_id: d.opportunityId,
      handoff_id: d.handoffId,
      from_id: d.from,
      to_id: d.to,
      phase: d.phase,
      notes: d.notes,
      open_items: JSON.stringify(d.openItems),
      status: 'pending',
      requested_at: d.at,
      due_at: d.dueAt,
      escalate_at: d.escalateAt,
      answered_at: null,
      seconds_to_accept: null,
      decline_reason: null,
      overdue: 0,
      overdue_at: null,
      escalated: 0,
      escalated_at: null,
      escalated_to: null,
      sponsor_id: member?.sponsor_id ?? null,
    };
    await putRow(trx, 'opportunity_handoffs', row, KEY);
    return;
  }
  const sponsor = sponsorNow(event);
  if (sponsor !== undefined) {
    // A new sponsor is the one a still-pending handoff's overdue notice will go to.
    await triangleReadsDb(trx)
      .updateTable('opportunity_handoffs')
      .set({ sponsor_id: sponsor })
      .where('tenant_id', '=', tenantId)
      .where('opportunity_id', '=', event.data.opportunityId)
      .where('status', '=', 'pending')
      .where('overdue', '=', 0)
      .execute();
    return;
  }
  const change = handoffChange(event);
  if (!change) return;
  const row = await triangleReadsDb(trx)
    .selectFrom('opportunity_handoffs')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('opportunity_id', '=', change.opportunityId)
    .where('handoff_id', '=', change.handoffId)
    .executeTakeFirst();
  if (!row) return;
  await putRow(trx, 'opportunity_handoffs', { ...row, ...change.set }, KEY);
}

/** The deal's sponsor after a triangle event that may set it; undefined for any other event. */
function sponsorNow(event: OpportunityEvent): string | null | undefined {
  if (event.type === 'TriangleFormed') return event.data.sponsor;
  if (event.type === 'TriangleMemberChanged' && event.data.seat === 'sponsor') return event.data.personId;
  return undefined;
}

interface HandoffChange {
  readonly opportunityId: string;
  readonly handoffId: string;
  readonly set: Partial<OpportunityHandoffRow>;
}

function handoffChange(event: OpportunityEvent): HandoffChange | undefined {
  switch (event.type) {
    case 'HandoffAccepted': {
      const d = event.data;
      const set = { status: 'accepted', answered_at: d.at, seconds_to_accept: d.secondsToAccept };
      return { opportunityId: d.opportunityId, handoffId: d.handoffId, set };
    }
    case 'HandoffDeclined': {
      const d = event.data;
      const set = { status: 'declined', answered_at: d.at, decline_reason: d.reason };
      return { opportunityId: d.opportunityId, handoffId: d.handoffId, set };
    }
    case 'HandoffOverdue': {
      const d = event.data;
      const set = { overdue: 1, overdue_at: d.at, sponsor_id: d.sponsor };
      return { opportunityId: d.opportunityId, handoffId: d.handoffId, set };
    }
    case 'HandoffEscalated': {
      const d = event.data;
      const set = { escalated: 1, escalated_at: d.at, escalated_to: d.escalatedTo };
      return { opportunityId: d.opportunityId, handoffId: d.handoffId, set };
    }
    default:
      return undefined;
  }
}
