import type { ReadModelTransaction } from '#ltc/projections';
import type { OpportunityEvent } from '../../domain/opportunity.events.js';
import { putRow, triangleReadsDb, type OpportunityMemberRow } from './triangle-reads.tables.js';

const SEAT_COLUMNS = { ar: 'ar_id', sr: 'sr_id', fr: 'fr_id', sponsor: 'sponsor_id' } as const;

export async function loadMember(
  trx: ReadModelTransaction,
  tenantId: string,
  opportunityId: string,
): Promise<OpportunityMemberRow | undefined> {
  return triangleReadsDb(trx)
    .selectFrom('opportunity_members')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('opportunity_id', '=', opportunityId)
    .executeTakeFirst();
}

/** Folds one deal event into the deal's member row (seats, leader, pending handoff, outcome). */
export async function applyMemberEvent(
  trx: ReadModelTransaction,
  tenantId: string,
  event: OpportunityEvent,
): Promise<void> {
  if (event.type === 'OpportunityOpened') {
    const d = event.data;
    // A replayed opening of a deal already known changes nothing.
    if (await loadMember(trx, tenantId, d.opportunityId)) return;
    const row: OpportunityMemberRow = {
      tenant_id: tenantId,
      opportunity_id: d.opportunityId,
      name: d.name,
      pipeline_id: d.pipelineId,
      stage_id: d.stageId,
      status: 'open',
      source: d.lead?.source ?? null,
      // Deals opened before the team travelled with the opening have none.
      team_id: d.team ?? null,
      ar_id: d.owner,
      sr_id: null,
      fr_id: null,
      sponsor_id: null,
      leader_id: d.owner,
      pending_handoff_to: null,
      loss_reason: null,
      opened_at: d.at,
      updated_at: d.at,
    };
    await putRow(trx, 'opportunity_members', row, ['tenant_id', 'opportunity_id']);
    return;
  }
  const change = memberChange(event);
  if (!change) return;
  const row = await loadMember(trx, tenantId, event.data.opportunityId);
  if (!row) return;
  await putRow(trx, 'opportunity_members', { ...row, ...change, updated_at: event.data.at }, [
    'tenant_id',
    'opportunity_id',
  ]);
}

function memberChange(event: OpportunityEvent): Partial<OpportunityMemberRow> | undefined {
  switch (event.type) {
    case 'OpportunityRenamed':
      return { name: event.data.name };
    case 'OpportunityStageChanged':
      return { stage_id: event.data.stageId };
    case 'OpportunityWon':
      return { stage_id: event.data.stageId, status: 'won', loss_reason: null };
    case 'OpportunityLost':
      return { stage_id: event.data.stageId, status: 'lost', loss_reason: event.data.reasonCode };
    case 'OpportunityReopened':
      return { stage_id: event.data.stageId, status: 'open', loss_reason: null };
    case 'TriangleFormed': {
      const d = event.data;
      return { ar_id: d.ar, sr_id: d.sr, fr_id: d.fr, sponsor_id: d.sponsor };
    }
    case 'TriangleMemberChanged':
      return { [SEAT_COLUMNS[event.data.seat]]: event.data.personId };
    case 'HandoffRequested':
      return { pending_handoff_to: event.data.to };
    case 'HandoffAccepted':
      return { pending_handoff_to: null, leader_id: event.data.to };
    case 'HandoffDeclined':
      return { pending_handoff_to: null };
    default:
      return undefined;
  }
}
