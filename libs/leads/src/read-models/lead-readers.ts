import type { ReadModelDb } from '#ltc/projections';
import { leadScopeOf, scopeDependsOnTeams, type LeadReader, type LeadScope } from '../domain/lead-visibility.js';
import { isMissingTable } from './missing-table.js';

/**
 * The columns of the organisation context's read models that visibility needs: who is on
 * which team, and who manages it. Declared by table name, as in routing/org-tables-rep-directory.ts,
 * because the leads context must not import the organisation library.
 */
type OrgTables = {
  org_reps: { tenant_id: string; rep_id: string; team_id: string | null };
  org_teams: { tenant_id: string; team_id: string; manager_id: string };
};

export interface CallerIdentity {
  readonly userId: string;
  readonly roles: readonly string[];
  readonly tenantId: string;
}

/** What the caller may see of the tenant's leads; asks the organisation's tables only for a manager. */
export async function loadLeadScope(db: ReadModelDb, caller: CallerIdentity): Promise<LeadScope> {
  if (!scopeDependsOnTeams(caller.roles)) return leadScopeOf({ ...caller, teamMembers: [] });
  return leadScopeOf(await loadLeadReader(db, caller));
}

/**
 * The caller with the reps of their teams: the team they belong to as a rep and every team
 * they manage. A read model without the organisation's tables (leads running alone) gives no team.
 */
export async function loadLeadReader(db: ReadModelDb, caller: CallerIdentity): Promise<LeadReader> {
  const org = db.withTables<OrgTables>();
  try {
    const [membership, managed] = await Promise.all([
      org
        .selectFrom('org_reps')
        .select('team_id')
        .where('tenant_id', '=', caller.tenantId)
        .where('rep_id', '=', caller.userId)
        .executeTakeFirst(),
      org
        .selectFrom('org_teams')
        .select('team_id')
        .where('tenant_id', '=', caller.tenantId)
        .where('manager_id', '=', caller.userId)
        .execute(),
    ]);
    const teams = [...new Set([membership?.team_id, ...managed.map((row) => row.team_id)])].filter(
      (team): team is string => typeof team === 'string',
    );
    if (teams.length === 0) return { userId: caller.userId, roles: caller.roles, teamMembers: [], teams };
    const members = await org
      .selectFrom('org_reps')
      .select('rep_id')
      .where('tenant_id', '=', caller.tenantId)
      .where('team_id', 'in', teams)
      .orderBy('rep_id')
      .execute();
    return { userId: caller.userId, roles: caller.roles, teamMembers: members.map((row) => row.rep_id), teams };
  } catch (error) {
    if (isMissingTable(error)) return { userId: caller.userId, roles: caller.roles, teamMembers: [] };
    throw error;
  }
}
