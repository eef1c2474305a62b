import type { ReadModelDb } from '#ltc/projections';
import type { OpportunityScope } from '../../opportunity-access.js';
import { dealSight, type DealSightColumns } from '../../read-models/deal-sight.js';
import { triangleReadsDb, type OpportunityHandoffRow } from '../projections/triangle-reads.tables.js';

/** The states `GET /handoffs` filters by; overdue and escalated are pending handoffs with that flag (stalled). */
export const HANDOFF_STATES = ['pending', 'overdue', 'escalated', 'accepted', 'declined'] as const;
export type HandoffState = (typeof HANDOFF_STATES)[number];

export type HandoffWithDeal = OpportunityHandoffRow & { deal_name: string };

/** The deal's sight columns as the handoff queries name them (`m`, the deal's member row). */
export const MEMBER_SIGHT: DealSightColumns = {
  team: 'm.team_id',
  people: ['m.ar_id', 'm.sr_id', 'm.fr_id', 'm.sponsor_id', 'm.pending_handoff_to'],
};

/** Handoffs joined with their deal's name, in the tenant, as a query to narrow further. */
export const handoffsWithDeal = (db: ReadModelDb, tenantId: string) =>
  triangleReadsDb(db)
    .selectFrom('opportunity_handoffs as h')
    .innerJoin('opportunity_members as m', (join) =>
      join.onRef('m.tenant_id', '=', 'h.tenant_id').onRef('m.opportunity_id', '=', 'h.opportunity_id'),
    )
    .selectAll('h')
    .select('m.name as deal_name')
    .where('h.tenant_id', '=', tenantId);

/** `GET /handoffs?state=`: the handoffs in that state on the deals the caller sees, oldest request first. */
export async function listHandoffs(
  db: ReadModelDb,
  tenantId: string,
  scope: OpportunityScope,
  state: HandoffState,
): Promise<HandoffWithDeal[]> {
  let query = handoffsWithDeal(db, tenantId);
  if (state === 'accepted' || state === 'declined') query = query.where('h.status', '=', state);
  else query = query.where('h.status', '=', 'pending');
  if (state === 'overdue') query = query.where('h.overdue', '=', 1);
  if (state === 'escalated') query = query.where('h.escalated', '=', 1);
  const sight = dealSight(scope, MEMBER_SIGHT);
  if (sight !== null) query = query.where(sight);
  return query.orderBy('h.requested_at').orderBy('h.handoff_id').execute();
}
