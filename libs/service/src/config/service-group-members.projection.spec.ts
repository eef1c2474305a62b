import { ProjectionRunner, type ReadModelDb } from '#ltc/projections';
import { describeWithPostgres } from '#ltc/testing';
import { listServiceCalendars, listServiceGroups, listSlaPolicies } from './config.queries.js';
import { serviceConfigProjections } from './service-config.projections.js';
import {
  groupsOfPerson,
  serviceGroupMembersDb,
  serviceGroupMembersProjection,
} from './service-group-members.projection.js';
import { ConfigHistory, postgresDb, sqliteDb, type TestDb } from './test/config-history.js';

const hotline = { name: 'Hotline', line: 1 as const, lead: 'lena', members: ['lena', 'olle'], calendarId: null };
const experts = { name: 'Experts', line: 2 as const, lead: 'olle', members: ['per'], calendarId: 'stockholm' };

/** acme: hotline (lena leads, olle a member), experts (olle leads, per, then stina); globex: a hotline of its own. */
async function seed(history: ConfigHistory): Promise<void> {
  await history.calendar('acme', 'stockholm');
  await history.policy('acme', 'gold');
  await history.group('acme', 'hotline', hotline);
  await history.group('acme', 'experts', experts);
  await history.group('acme', 'experts', { ...experts, members: ['stina'] });
  await history.group('globex', 'hotline', { ...hotline, lead: null, members: ['olle'] });
}

const rows = (db: ReadModelDb) =>
  serviceGroupMembersDb(db)
    .selectFrom('service_group_members')
    .select(['tenant_id', 'group_id', 'person_id'])
    .orderBy('tenant_id')
    .orderBy('group_id')
    .orderBy('person_id')
    .execute();

function describeServiceGroupMembers(open: () => Promise<TestDb>): void {
  let testDb: TestDb;
  let history: ConfigHistory;
  let runner: ProjectionRunner;

  beforeEach(async () => {
    testDb = await open();
    history = new ConfigHistory();
    await seed(history);
    runner = new ProjectionRunner({
      store: history.store,
      db: testDb.handle.db,
      projections: [...serviceConfigProjections],
      batchSize: 2,
    });
    await runner.start();
    for (const projection of serviceConfigProjections) await runner.waitFor(projection.name, history.head);
  });
  afterEach(async () => {
    await runner.stop();
    await history.store.close();
    await testDb.dispose();
  });

  it("keeps one row per person of each group's latest version, lead included", async () => {
    expect(await rows(testDb.handle.db)).toEqual([
      { tenant_id: 'acme', group_id: 'experts', person_id: 'olle' },
      { tenant_id: 'acme', group_id: 'experts', person_id: 'stina' },
      { tenant_id: 'acme', group_id: 'hotline', person_id: 'lena' },
      { tenant_id: 'acme', group_id: 'hotline', person_id: 'olle' },
      { tenant_id: 'globex', group_id: 'hotline', person_id: 'olle' },
    ]);
  });

  it("answers a person's groups in their tenant only; a member who left is in none", async () => {
    const db = testDb.handle.db;
    expect(await groupsOfPerson(db, 'acme', 'olle')).toEqual(['experts', 'hotline']);
    expect(await groupsOfPerson(db, 'acme', 'per')).toEqual([]);
    expect(await groupsOfPerson(db, 'globex', 'olle')).toEqual(['hotline']);
    expect(await groupsOfPerson(db, 'globex', 'lena')).toEqual([]);
  });

  it('lists each configuration at its latest version, the built-in default policy among them', async () => {
    const db = testDb.handle.db;
    expect((await listSlaPolicies(db, 'acme')).map((p) => [p.policyId, p.version])).toEqual([
      ['default', 0],
      ['gold', 1],
    ]);
    expect((await listSlaPolicies(db, 'globex')).map((p) => p.policyId)).toEqual(['default']);
    expect((await listServiceCalendars(db, 'acme')).map((c) => [c.calendarId, c.timeZone])).toEqual([
      ['stockholm', 'Europe/Stockholm'],
    ]);
    expect((await listServiceGroups(db, 'acme')).map((g) => [g.groupId, g.version, g.members])).toEqual([
      ['experts', 2, ['stina']],
      ['hotline', 1, ['lena', 'olle']],
    ]);
  });

  it('rebuilds to exactly the rows it built incrementally', async () => {
    const before = await rows(testDb.handle.db);
    await runner.rebuild(serviceGroupMembersProjection.name);
    await runner.waitFor(serviceGroupMembersProjection.name, history.head);
    expect(await rows(testDb.handle.db)).toEqual(before);
  });
}

describe('Service group members on SQLite', () => {
  describeServiceGroupMembers(() => sqliteDb('service-group-members'));
});

await describeWithPostgres('Service group members on PostgreSQL', (url) => {
  describeServiceGroupMembers(() => postgresDb(url, 'service_group_members'));
});
