import type { ExpressionBuilder } from 'kysely';
import type { ReadModelDb } from '#ltc/projections';
import type { OpportunityScope } from '../../opportunity-access.js';
import {
  triangleReadsDb,
  type OpportunityHandoffRow,
  type TriangleReadTables,
} from '../projections/triangle-reads.tables.js';

/** The states `GET /handoffs` filters by; overdue and escalated are pending handoffs with that flag (stalled). */
export const HANDOFF_STATES = ['pending', 'overdue', 'escalated', 'accepted', 'declined'] as const;
export type HandoffState = (typeof HANDOFF_STATES)[number];

export type HandoffWithDeal = OpportunityHandoffRow & { deal_name: string };

type Tables = TriangleReadTables & { h: OpportunityHandoffRow; m: TriangleReadTables['opportunity_members'] };

/** The deals a member-scoped caller sees, as a condition on `m` (the rule of `canSeeDeal`). */
export const memberSees = (personId: string) => (eb: ExpressionBuilder<Tables, 'm'>) =>
  eb.or([
    eb('m.ar_id', '=', personId),
    eb('m.sr_id', '=', personId),
    eb('m.fr_id', '=', personId),
    eb('m.sponsor_id', '=', personId),
    eb('m.pending_handoff_to', '=', personId),
  ]);

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
  if (scope.kind === 'member') query = query.where(memberSees(scope.personId));
  return query.orderBy('h.requested_at').orderBy('h.handoff_id').execute();
}
