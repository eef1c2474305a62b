import { describeWithPostgres } from '#ltc/testing';
import { loadRepCapacities } from '#ltc/lead-analytics';
import {
  expectRebuildsToSameRows,
  postgresDb,
  projectionWorldPerTest,
  sqliteDb,
  type TestDb,
} from '../test/read-model-world.js';
import { loadLeadReader } from '../read-models/lead-readers.js';
import { SalesOrgRepDirectory, type DirectoryRep } from '#ltc/lead-routing';
import { salesOrgProjection } from './sales-org.projection.js';
import { salesOrgDb } from './sales-org.tables.js';
import { ANYWHERE, OrgHistory, repDeactivated, repRegistered } from './test/org-history.js';

const AT = '2026-03-02T09:00:00.000Z';
const BACK_ON = '2026-03-09T08:00:00.000Z';

/**
 * Two acme teams and four reps, each touched by a different kind of event, and a globex rep
 * and team with the same ids: everything the leads context is told about its reps.
 */
async function seed(org: OrgHistory): Promise<void> {
  await org.append(
    'acme',
    { type: 'TeamCreated', data: { teamId: 'north', name: 'North', managerId: 'maja', createdAt: AT } },
    { type: 'TeamCreated', data: { teamId: 'south', name: 'South', managerId: 'sven', createdAt: AT } },
    repRegistered('ana', { teamId: 'north', territories: { ...ANYWHERE, regions: ['emea'] } }),
    repRegistered('bo', { teamId: 'south', roles: ['sr'], capacity: { maxOpenLeads: 5, dailyQuota: 2 } }),
    repRegistered('cleo', { roles: ['fr'] }),
    repRegistered('dan', { teamId: 'north' }),
    {
      type: 'RepProfileChanged',
      data: {
        repId: 'ana',
        name: 'Ana',
        email: 'ana@example.com',
        roles: ['ar', 'sr'],
        teamId: 'south',
        territories: { ...ANYWHERE, languages: ['de'], dealSizeBands: ['large'] },
        changed: ['roles', 'teamId', 'territories'],
        changedAt: AT,
      },
    },
    { type: 'RepCapacityChanged', data: { repId: 'bo', capacity: { maxOpenLeads: 7, dailyQuota: 3 }, changedAt: AT } },
    {
      type: 'RepAvailabilityChanged',
      data: { repId: 'bo', availability: { status: 'away', until: BACK_ON }, changedAt: AT },
    },
    repDeactivated('cleo'),
    { type: 'RepReactivated', data: { repId: 'cleo', reactivatedAt: AT } },
    repDeactivated('dan'),
    {
      type: 'TeamManagerChanged',
      data: { teamId: 'south', managerId: 'maria', previousManagerId: 'sven', changedAt: AT },
    },
    { type: 'TeamRenamed', data: { teamId: 'north', name: 'Nord', previousName: 'North', renamedAt: AT } },
    // A rep the leads context never heard registered stays unknown.
    {
      type: 'RepCapacityChanged',
      data: { repId: 'ghost', capacity: { maxOpenLeads: 9, dailyQuota: 9 }, changedAt: AT },
    },
  );
  await org.append(
    'globex',
    { type: 'TeamCreated', data: { teamId: 'north', name: 'North', managerId: 'gus', createdAt: AT } },
    repRegistered('ana', { teamId: 'north' }),
  );
}

const rep = (repId: string, facts: Partial<DirectoryRep>): DirectoryRep => ({
  repId,
  active: true,
  roles: ['ar'],
  availability: { status: 'active' },
  teamId: null,
  territories: ANYWHERE,
  capacity: { maxOpenLeads: 50, dailyQuota: 0 },
  ...facts,
});

const ANA = rep('ana', {
  roles: ['ar', 'sr'],
  teamId: 'south',
  territories: { ...ANYWHERE, languages: ['de'], dealSizeBands: ['large'] },
});
const BO = rep('bo', {
  roles: ['sr'],
  teamId: 'south',
  availability: { status: 'away', until: BACK_ON },
  capacity: { maxOpenLeads: 7, dailyQuota: 3 },
});
const CLEO = rep('cleo', { roles: ['fr'] });
const DAN = rep('dan', { teamId: 'north', active: false });

function suite(open: () => Promise<TestDb>): void {
  const world = projectionWorldPerTest(open, salesOrgProjection, async (store) => {
    const org = new OrgHistory(store);
    await seed(org);
    return org.head;
  });
  const directory = () => new SalesOrgRepDirectory(world().db);

  it("gives routing each rep as the organisation's events left them, tenant by tenant", async () => {
    expect(await directory().listCandidates('acme', null)).toEqual([ANA, BO, CLEO, DAN]);
    expect(await directory().listCandidates('acme', 'south')).toEqual([ANA, BO]);
    expect(await directory().listCandidates('acme', 'north')).toEqual([DAN]);
    expect(await directory().listCandidates('globex', null)).toEqual([rep('ana', { teamId: 'north' })]);
    expect(await directory().findRep('acme', 'bo')).toEqual(BO);
    expect(await directory().findRep('acme', 'ghost')).toBeNull();
    expect(await directory().findRep('initech', 'ana')).toBeNull();
  });

  it('names the manager of a team and of a rep, as the latest team event says', async () => {
    expect(await directory().managerOfTeam('acme', 'south')).toBe('maria');
    expect(await directory().managerOfTeam('acme', 'north')).toBe('maja');
    expect(await directory().managerOfTeam('acme', 'east')).toBeNull();
    expect(await directory().managerOfTeam('globex', 'north')).toBe('gus');
    expect(await directory().managerOf('acme', 'ana')).toBe('maria');
    expect(await directory().managerOf('acme', 'cleo')).toBeNull();
    expect(await directory().managerOf('globex', 'ana')).toBe('gus');
  });

  it('tells visibility who a manager and a rep see, and analytics every rep with capacity', async () => {
    const reader = (userId: string, roles: string[]) => loadLeadReader(world().db, { userId, roles, tenantId: 'acme' });
    expect(await reader('maria', ['sales_manager'])).toEqual({
      userId: 'maria',
      roles: ['sales_manager'],
      teamMembers: ['ana', 'bo'],
      teams: ['south'],
    });
    expect(await reader('dan', ['ar'])).toEqual({
      userId: 'dan',
      roles: ['ar'],
      teamMembers: ['dan'],
      teams: ['north'],
    });
    expect(await reader('sven', ['sales_manager'])).toEqual({
      userId: 'sven',
      roles: ['sales_manager'],
      teamMembers: [],
      teams: [],
    });
    expect(await loadRepCapacities(world().db, 'acme')).toEqual([
      { repId: 'ana', teamId: 'south', maxOpenLeads: 50, active: true },
      { repId: 'bo', teamId: 'south', maxOpenLeads: 7, active: true },
      { repId: 'cleo', teamId: null, maxOpenLeads: 50, active: true },
      { repId: 'dan', teamId: 'north', maxOpenLeads: 50, active: false },
    ]);
  });

  it('rebuilds to exactly the same rows, and one event at a time agrees with the batches', async () => {
    const rows = async () => ({
      reps: await salesOrgDb(world().db)
        .selectFrom('lead_sales_reps')
        .selectAll()
        .orderBy('tenant_id')
        .orderBy('rep_id')
        .execute(),
      teams: await salesOrgDb(world().db)
        .selectFrom('lead_sales_teams')
        .selectAll()
        .orderBy('tenant_id')
        .orderBy('team_id')
        .execute(),
    });
    expect((await rows()).reps).toHaveLength(5);
    expect((await rows()).teams).toHaveLength(3);
    await expectRebuildsToSameRows(world(), salesOrgProjection, rows);
  });
}

describe('Sales organisation as the leads context knows it, on SQLite', () => {
  suite(() => sqliteDb('sales-org'));
});

await describeWithPostgres('Sales organisation as the leads context knows it, on PostgreSQL', (url) => {
  suite(() => postgresDb(url, 'salesorg'));
});
