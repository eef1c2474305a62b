import type { ReadModelDb } from '#ltc/projections';
import { QueryPlanRecorder, fullScansIn, type PlannedQuery } from '#ltc/testing';
import { loadRepCapacities } from '#ltc/lead-analytics';
import { loadLeadReader } from '../read-models/lead-readers.js';
import { SalesOrgRepDirectory } from '#ltc/lead-routing';
import { createSalesOrgTables } from './sales-org.tables.js';

/** Both tables grow with the sales organisation of every tenant. */
const GROWING = ['lead_sales_reps', 'lead_sales_teams'];

describe('Sales organisation reads at scale (SQLite query plans)', () => {
  const recorder = new QueryPlanRecorder();
  const db: ReadModelDb = recorder.db;
  const directory = new SalesOrgRepDirectory(db);
  beforeAll(() => createSalesOrgTables(db));
  afterAll(() => recorder.close());

  const scansIn = (queries: readonly PlannedQuery[], filtered: boolean): string[] => {
    expect(queries.length).toBeGreaterThan(0);
    return queries.flatMap((q) => fullScansIn(q, GROWING, { filtered }).map((step) => `${step}\n  in ${q.sql}`));
  };

  it.each([
    ["routing: a team's candidates", () => directory.listCandidates('acme', 'north')],
    ['routing: one rep', () => directory.findRep('acme', 'ana')],
    ["routing: a team's manager", () => directory.managerOfTeam('acme', 'north')],
    ["routing: a rep's manager", () => directory.managerOf('acme', 'ana')],
    [
      'visibility: the teams and team members of a manager',
      () => loadLeadReader(db, { userId: 'maja', roles: ['sales_manager'], tenantId: 'acme' }),
    ],
  ])('%s reads no whole table', async (_, read) => {
    expect(scansIn(await recorder.plansOf(read), true)).toEqual([]);
  });

  it.each([
    ["routing: the tenant's candidates (team default)", () => directory.listCandidates('acme', null)],
    ["analytics: the tenant's reps with capacity", () => loadRepCapacities(db, 'acme')],
  ])("%s reads the tenant's reps by its key, and no other tenant's", async (_, read) => {
    expect(scansIn(await recorder.plansOf(read), false)).toEqual([]);
  });
});
