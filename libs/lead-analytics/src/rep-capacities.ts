import type { ReadModelDb } from '#ltc/projections';
import { salesOrgDb } from '#ltc/leads';
import type { RepCapacity } from './domain/distribution-fairness.js';

/**
 * Every rep of the tenant with their current team and capacity, from the leads' own
 * projection of the organisation's rep events. Teams are today's: a rep who moved takes
 * their history along.
 */
export async function loadRepCapacities(db: ReadModelDb, tenantId: string): Promise<RepCapacity[]> {
  const rows = await salesOrgDb(db)
    .selectFrom('lead_sales_reps')
    .select(['rep_id', 'team_id', 'max_open_leads', 'active'])
    .where('tenant_id', '=', tenantId)
    .orderBy('rep_id')
    .execute();
  return rows.map((row) => ({
    repId: row.rep_id,
    teamId: row.team_id,
    maxOpenLeads: Number(row.max_open_leads),
    active: Number(row.active) === 1,
  }));
}
