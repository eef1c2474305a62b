import type { ReadModelDb } from '#ltc/projections';
import type { RepAvailability } from '../distribution/domain/rep-candidate.js';
import type { DirectoryRep, RepDirectory } from '../distribution/rep-directory.port.js';
import { salesOrgDb, type SalesRepRow } from '#ltc/leads';

/**
 * A {@link RepDirectory} over the leads context's own projection of the organisation's
 * events (`lead_sales_reps`, `lead_sales_teams`): like any read model it may lag behind the
 * newest rep event, which routing lays over it (routing/rep-change.ts).
 */
export class SalesOrgRepDirectory implements RepDirectory {
  constructor(private readonly db: ReadModelDb) {}

  async listCandidates(tenantId: string, teamId: string | null): Promise<DirectoryRep[]> {
    let query = salesOrgDb(this.db).selectFrom('lead_sales_reps').selectAll().where('tenant_id', '=', tenantId);
    if (teamId !== null) query = query.where('team_id', '=', teamId);
    const rows = await query.orderBy('rep_id').execute();
    return rows.map(toDirectoryRep);
  }

  async findRep(tenantId: string, repId: string): Promise<DirectoryRep | null> {
    const row = await salesOrgDb(this.db)
      .selectFrom('lead_sales_reps')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('rep_id', '=', repId)
      .executeTakeFirst();
    return row ? toDirectoryRep(row) : null;
  }

  async managerOfTeam(tenantId: string, teamId: string): Promise<string | null> {
    const row = await salesOrgDb(this.db)
      .selectFrom('lead_sales_teams')
      .select('manager_id')
      .where('tenant_id', '=', tenantId)
      .where('team_id', '=', teamId)
      .executeTakeFirst();
    return row?.manager_id ?? null;
  }

  async managerOf(tenantId: string, repId: string): Promise<string | null> {
    const row = await salesOrgDb(this.db)
      .selectFrom('lead_sales_reps')
      .innerJoin('lead_sales_teams', (join) =>
        join
          .onRef('lead_sales_teams.tenant_id', '=', 'lead_sales_reps.tenant_id')
          .onRef('lead_sales_teams.team_id', '=', 'lead_sales_reps.team_id'),
      )
      .select('lead_sales_teams.manager_id')
      .where('lead_sales_reps.tenant_id', '=', tenantId)
      .where('lead_sales_reps.rep_id', '=', repId)
      .executeTakeFirst();
    return row?.manager_id ?? null;
  }
}

function toDirectoryRep(row: SalesRepRow): DirectoryRep {
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

function availabilityOf(row: SalesRepRow): RepAvailability {
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
