import { NotFoundError } from '#ltc/kernel';
import type { ReadModelDb } from '#ltc/projections';
import { orgTeamsDb, type OrgTeamRow } from './org-teams.projection.js';
import type { TeamPageView, TeamView } from './org.views.js';

/** One team of the caller's tenant; 404 TEAM_NOT_FOUND when unknown. */
export async function findTeam(db: ReadModelDb, tenantId: string, teamId: string): Promise<TeamView> {
  const row = await orgTeamsDb(db)
    .selectFrom('org_teams')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('team_id', '=', teamId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('Team', teamId);
  return toView(row);
}

export async function listTeams(
  db: ReadModelDb,
  tenantId: string,
  page: { readonly limit: number; readonly offset: number },
): Promise<TeamPageView> {
  const query = orgTeamsDb(db).selectFrom('org_teams').where('tenant_id', '=', tenantId);
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('name').orderBy('team_id').limit(page.limit).offset(page.offset).execute(),
    query.select((eb) => eb.fn.countAll<string | number | bigint>().as('total')).executeTakeFirst(),
  ]);
  return { items: rows.map(toView), total: Number(count?.total ?? 0), limit: page.limit, offset: page.offset };
}

function toView(row: OrgTeamRow): TeamView {
  return {
    id: row.team_id,
    name: row.name,
    managerId: row.manager_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    revision: Number(row.revision),
  };
}
