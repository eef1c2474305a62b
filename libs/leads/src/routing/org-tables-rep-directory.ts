import type { Kysely } from 'kysely';
import type { ReadModelDb } from '#ltc/projections';
import type { RepAvailability } from '../distribution/domain/rep-candidate.js';
import type { DirectoryRep, RepDirectory } from '../distribution/rep-directory.port.js';

/**
 * The columns of the organisation context's `org_reps` and `org_teams` read models that
 * routing reads. Declared here, by table name, because the leads context must not import
 * the organisation library; if those tables change shape, this adapter changes with them.
 */
type OrgRepColumns = {
  tenant_id: string;
  rep_id: string;
  team_id: string | null;
  roles: string;
  regions: string;
  languages: string;
  industries: string;
  deal_size_bands: string;
  max_open_leads: number;
  daily_quota: number;
  availability: string;
  away_until: string | null;
  active: number;
};

type OrgTeamColumns = { tenant_id: string; team_id: string; manager_id: string };

type OrgTables = { org_reps: OrgRepColumns; org_teams: OrgTeamColumns };

/** A {@link RepDirectory} over the organisation's read models in the same read-model database. */
export class OrgTablesRepDirectory implements RepDirectory {
  private readonly db: Kysely<OrgTables>;

  constructor(db: ReadModelDb) {
    this.db = db.withTables<OrgTables>();
  }

  async listCandidates(tenantId: string, teamId: string | null): Promise<DirectoryRep[]> {
    let query = this.db.selectFrom('org_reps').selectAll().where('tenant_id', '=', tenantId);
    if (teamId !== null) query = query.where('team_id', '=', teamId);
    const rows = await query.orderBy('rep_id').execute();
    return rows.map(toDirectoryRep);
  }

  async findRep(tenantId: string, repId: string): Promise<DirectoryRep | null> {
    const row = await this.db
      .selectFrom('org_reps')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('rep_id', '=', repId)
      .executeTakeFirst();
    return row ? toDirectoryRep(row) : null;
  }

  async managerOfTeam(tenantId: string, teamId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('org_teams')
      .select('manager_id')
      .where('tenant_id', '=', tenantId)
      .where('team_id', '=', teamId)
      .executeTakeFirst();
    return row?.manager_id ?? null;
  }

  async managerOf(tenantId: string, repId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('org_reps')
      .innerJoin('org_teams', (join) =>
        join
          .onRef('org_teams.tenant_id', '=', 'org_reps.tenant_id')
          .onRef('org_teams.team_id', '=', 'org_reps.team_id'),
      )
      .select('org_teams.manager_id')
      .where('org_reps.tenant_id', '=', tenantId)
      .where('org_reps.rep_id', '=', repId)
      .executeTakeFirst();
    return row?.manager_id ?? null;
  }
}

function toDirectoryRep(row: OrgRepColumns): DirectoryRep {
  return {
    repId: row.rep_id,
    active: Number(row.active) === 1,
    roles: list(row.roles),
    availability: availabilityOf(row),
    teamId: row.team_id,
    territories: {
      regions: list(row.regions),
      languages: list(row.languages),
      industries: list(row.industries),
      dealSizeBands: list(row.deal_size_bands),
    },
    capacity: { maxOpenLeads: Number(row.max_open_leads), dailyQuota: Number(row.daily_quota) },
  };
}

function availabilityOf(row: OrgRepColumns): RepAvailability {
  return row.availability === 'away' ? { status: 'away', until: row.away_until } : { status: 'active' };
}

/** A JSON list of strings from storage; anything else reads as empty ("any"). */
function list(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}
