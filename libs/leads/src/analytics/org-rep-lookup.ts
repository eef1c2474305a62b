import type { ReadModelDb } from '#ltc/projections';
import { isMissingTable } from '../read-models/missing-table.js';
import type { RepCapacity } from './domain/distribution-fairness.js';

/**
 * The columns of the organisation context's `org_reps` read model that analytics reads.
 * Declared here, by table name, because the leads context must not import the
 * organisation library (see routing/org-tables-rep-directory.ts, which does the same).
 */
type OrgRepColumns = {
  tenant_id: string;
  rep_id: string;
  team_id: string | null;
  max_open_leads: number;
  active: number;
};

/**
 * Every rep of the tenant with their current team and capacity; empty when the
 * organisation's table does not exist in this read-model database (the leads context
 * may run without it). Teams are today's: a rep who moved takes their history along.
 */
export async function loadRepCapacities(db: ReadModelDb, tenantId: string): Promise<RepCapacity[]> {
  try {
    const rows = await db
      .withTables<{ org_reps: OrgRepColumns }>()
      .selectFrom('org_reps')
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
  } catch (error) {
    if (isMissingTable(error)) return [];
    throw error;
  }
}
