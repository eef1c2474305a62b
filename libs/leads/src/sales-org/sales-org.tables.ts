import type { ReadModelDb, ReadModelTransaction } from '#ltc/projections';

/**
 * A rep as the leads context keeps them, from the organisation's published rep events:
 * what routing, visibility and analytics ask. Lists are JSON text; an empty list means "any".
 */
export type SalesRepRow = {
  tenant_id: string;
  rep_id: string;
  team_id: string | null;
  /** JSON array of `ar` / `sr` / `fr`. */
  roles: string;
  regions: string;
  languages: string;
  industries: string;
  deal_size_bands: string;
  max_open_leads: number;
  daily_quota: number;
  /** `active` or `away`. */
  availability: string;
  /** ISO time, set only when away with a return date. */
  away_until: string | null;
  /** 1 = active, 0 = deactivated. */
  active: number;
};

/** A sales team as the leads context keeps it: who manages it. */
export type SalesTeamRow = { tenant_id: string; team_id: string; manager_id: string };

export type SalesOrgTables = { lead_sales_reps: SalesRepRow; lead_sales_teams: SalesTeamRow };

export const salesOrgDb = (db: ReadModelDb | ReadModelTransaction) => db.withTables<SalesOrgTables>();

/**
 * Creates both tables with the indexes their reads use: reps by team (routing's
 * candidates, a manager's team members), teams by manager (the teams a manager sees).
 */
export async function createSalesOrgTables(db: ReadModelDb): Promise<void> {
  await db.schema
    .createTable('lead_sales_reps')
    .ifNotExists()
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('rep_id', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text')
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('regions', 'text', (c) => c.notNull())
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('industries', 'text', (c) => c.notNull())
    .addColumn('deal_size_bands', 'text', (c) => c.notNull())
    .addColumn('max_open_leads', 'integer', (c) => c.notNull())
    .addColumn('daily_quota', 'integer', (c) => c.notNull())
    .addColumn('availability', 'text', (c) => c.notNull())
    .addColumn('away_until', 'text')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('lead_sales_reps_pk', ['tenant_id', 'rep_id'])
    .execute();
  await db.schema
    .createIndex('lead_sales_reps_by_team')
    .ifNotExists()
    .on('lead_sales_reps')
    .columns(['tenant_id', 'team_id', 'rep_id'])
    .execute();
  await db.schema
    .createTable('lead_sales_teams')
    .ifNotExists()
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('manager_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('lead_sales_teams_pk', ['tenant_id', 'team_id'])
    .execute();
  await db.schema
    .createIndex('lead_sales_teams_by_manager')
    .ifNotExists()
    .on('lead_sales_teams')
    .columns(['tenant_id', 'manager_id', 'team_id'])
    .execute();
}
