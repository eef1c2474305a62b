import type { ReadModelDb } from '#ltc/projections';
import { leadScopeOf, scopeDependsOnTeams, type LeadReader, type LeadScope } from '../domain/lead-visibility.js';
import { salesOrgDb } from '../sales-org/sales-org.tables.js';

export interface CallerIdentity {
  readonly userId: string;
  readonly roles: readonly string[];
  readonly tenantId: string;
}

/** What the caller may see of the tenant's leads; asks who is on which team only for a manager. */
export async function loadLeadScope(db: ReadModelDb, caller: CallerIdentity): Promise<LeadScope> {
  if (!scopeDependsOnTeams(caller.roles)) return leadScopeOf({ ...caller, teamMembers: [] });
  return leadScopeOf(await loadLeadReader(db, caller));
}

/**
 * The caller with the reps of their teams: the team they belong to as a rep and every team
 * they manage, from the leads' own projection of the organisation's events.
 */
export async function loadLeadReader(db: ReadModelDb, caller: CallerIdentity): Promise<LeadReader> {
  const teams = await teamsOfPerson(db, caller.tenantId, caller.userId);
  if (teams.length === 0) return { userId: caller.userId, roles: caller.roles, teamMembers: [], teams };
  const members = await salesOrgDb(db)
    .selectFrom('lead_sales_reps')
    .select('rep_id')
    .where('tenant_id', '=', caller.tenantId)
    .where('team_id', 'in', teams)
    .orderBy('rep_id')
    .execute();
  return { userId: caller.userId, roles: caller.roles, teamMembers: members.map((row) => row.rep_id), teams };
}

/**
 * The teams a person belongs to as a rep and those they manage: a manager's team for leads here,
 * and for deals and contracts through the TEAM_MEMBERSHIPS port this context provides.
 */
export async function teamsOfPerson(db: ReadModelDb, tenantId: string, personId: string): Promise<string[]> {
  const org = salesOrgDb(db);
  const [membership, managed] = await Promise.all([
    org
      .selectFrom('lead_sales_reps')
      .select('team_id')
      .where('tenant_id', '=', tenantId)
      .where('rep_id', '=', personId)
      .executeTakeFirst(),
    org
      .selectFrom('lead_sales_teams')
      .select('team_id')
      .where('tenant_id', '=', tenantId)
      .where('manager_id', '=', personId)
      .execute(),
  ]);
  return [...new Set([membership?.team_id, ...managed.map((row) => row.team_id)])].filter(
    (team): team is string => typeof team === 'string',
  );
}
