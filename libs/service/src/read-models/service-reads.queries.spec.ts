import { describeWithPostgres } from '#ltc/testing';
import type { ReadModelDb } from '#ltc/projections';
import { ticketScopeOf, type TicketScope } from '../service-access.js';
import { listProductRequirements } from './product-requirements.queries.js';
import { csatAnalytics, olaAnalytics, slaAnalytics } from './service-analytics.queries.js';
import { serviceOlaTasksProjection } from './service-ola-tasks.projection.js';
import { serviceProductRequirementsProjection } from './service-product-requirements.projection.js';
import { listTickets, myTickets, ticketQueue } from './service-tickets.queries.js';
import { serviceTicketsProjection } from './service-tickets.projection.js';
import { seedTickets } from './test/seed.js';
import { at, postgresDb, runnerFor, sqliteDb, TicketHistory, type TestDb } from './test/ticket-history.js';

const projections = [serviceTicketsProjection, serviceOlaTasksProjection, serviceProductRequirementsProjection];
const tenant: TicketScope = { kind: 'tenant' };
const agent = (personId: string, groups: string[] = []) =>
  ticketScopeOf({ userId: personId, roles: ['service_agent'] }, groups);
const seller = (personId: string) => ticketScopeOf({ userId: personId, roles: ['ar'] });

function describeQueries(open: () => Promise<TestDb>): void {
  let testDb: TestDb;
  let history: TicketHistory;
  let runner: ReturnType<typeof runnerFor>;
  let db: ReadModelDb;

  beforeAll(async () => {
    testDb = await open();
    db = testDb.handle.db;
    history = new TicketHistory();
    await seedTickets(history);
    runner = runnerFor(history, testDb.handle, projections);
    await runner.start();
    for (const p of projections) await runner.waitFor(p.name, history.head);
  });
  afterAll(async () => {
    await runner.stop();
    await history.store.close();
    await testDb.dispose();
  });

  const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);
  const list = (filter: object, scope: TicketScope = tenant) =>
    listTickets(db, 'acme', { scope, limit: 50, ...filter }).then(ids);

  it('lists newest first and pages with an opaque cursor that belongs to its order', async () => {
    const first = await listTickets(db, 'acme', { scope: tenant, limit: 2 });
    expect(ids(first)).toEqual(['t3', 't2']);
    const second = await listTickets(db, 'acme', { scope: tenant, limit: 2, cursor: first.nextCursor ?? '' });
    expect(ids(second)).toEqual(['t1', 't4']);
    expect(second.nextCursor).toBeNull();
    await expect(
      listTickets(db, 'acme', { scope: tenant, limit: 2, sort: 'breach', cursor: first.nextCursor ?? '' }),
    ).rejects.toMatchObject({ field: 'cursor' });
    await expect(listTickets(db, 'acme', { scope: tenant, limit: 2, cursor: 'nonsense' })).rejects.toMatchObject({
      field: 'cursor',
    });
  });

  it('sorts by time to breach: running clocks by their earliest breach, then the others oldest first', async () => {
    expect(await list({ sort: 'breach' })).toEqual(['t2', 't1', 't4', 't3']);
    const first = await listTickets(db, 'acme', { scope: tenant, limit: 3, sort: 'breach' });
    const rest = await listTickets(db, 'acme', {
      scope: tenant,
      limit: 3,
      sort: 'breach',
      cursor: first.nextCursor ?? '',
    });
    expect([...ids(first), ...ids(rest)]).toEqual(['t2', 't1', 't4', 't3']);
  });

  it('filters by status, priority, line, group, engineer, account, product, category, risk, breach and text', async () => {
    expect(await list({ status: ['waiting', 'closed'] })).toEqual(['t3', 't4']);
    expect(await list({ priority: ['P1', 'P2'] })).toEqual(['t2', 't1']);
    expect(await list({ line: 2 })).toEqual(['t1', 't4']);
    expect(await list({ group: 'g-field' })).toEqual(['t3', 't2']);
    expect(await list({ engineer: 'ian-expert' })).toEqual(['t1', 't4']);
    expect(await list({ account: 'Beta_AG' })).toEqual(['t4']);
    expect(await list({ product: 'depot' })).toEqual(['t2']);
    expect(await list({ category: 'software' })).toEqual(['t3']);
    expect(await list({ atRisk: true })).toEqual(['t1']);
    expect(await list({ breached: true })).toEqual(['t2', 't4']);
    expect(await list({ q: 'DEPOT' })).toEqual(['t2']);
    // `_` is a letter here, not LIKE's wildcard.
    expect(await list({ q: 'beta_' })).toEqual(['t4']);
    expect(await list({ q: 'beta%' })).toEqual([]);
  });

  it('shows a person only the tickets of their groups, those they or a task own, and their deals', async () => {
    expect(await list({}, agent('dan-field'))).toEqual(['t3']);
    expect(await list({}, agent('dan-field', ['g-field']))).toEqual(['t3', 't2']);
    expect(await list({}, agent('lou-lab'))).toEqual(['t1']);
    expect(await list({}, agent('someone', ['g-lab']))).toEqual(['t1']);
    expect(await list({}, agent('eve-eng', ['g-experts']))).toEqual(['t1', 't4']);
    expect(await list({}, seller('ann-ar'))).toEqual(['t3', 't2', 't1']);
    expect(await list({}, seller('bob-sr'))).toEqual(['t4']);
    expect(await list({}, seller('nobody'))).toEqual([]);
    // A manager sees the tenant; never another tenant's tickets.
    expect(await list({}, ticketScopeOf({ userId: 'max', roles: ['service_manager'] }))).toEqual([
      't3',
      't2',
      't1',
      't4',
    ]);
    expect(ids(await listTickets(db, 'globex', { scope: seller('ann-ar'), limit: 50 }))).toEqual(['g1']);
  });

  it("queues a line's open and waiting tickets by time left to breach, with the time left from the clock's now", async () => {
    const now = new Date(at(2));
    const line1 = await ticketQueue(db, 'acme', { scope: tenant, line: 1, limit: 50 }, now);
    expect(line1.items.map((i) => [i.id, i.breachAt, i.msToBreach, i.atRisk, i.breached])).toEqual([
      ['t2', at(1.5), -1_800_000, false, true],
      ['t3', null, null, false, false],
    ]);
    const line2 = await ticketQueue(db, 'acme', { scope: tenant, line: 2, limit: 50 }, now);
    expect(line2.items.map((i) => [i.id, i.msToBreach, i.atRisk])).toEqual([['t1', 6 * 3_600_000, true]]);
    expect(
      ids(await ticketQueue(db, 'acme', { scope: tenant, line: 1, engineer: 'dan-field', limit: 50 }, now)),
    ).toEqual(['t3']);
    expect(ids(await ticketQueue(db, 'acme', { scope: agent('dan-field'), line: 1, limit: 50 }, now))).toEqual(['t3']);
  });

  it("gives an engineer their own tickets and their groups' unassigned ones, earliest breach first", async () => {
    const now = new Date(at(2));
    const scope = agent('dan-field', ['g-field']);
    const mine = await myTickets(db, 'acme', { scope, personId: 'dan-field', groups: ['g-field'], limit: 50 }, now);
    expect(ids(mine)).toEqual(['t2', 't3']);
    const ian = agent('ian-expert', ['g-experts']);
    expect(
      ids(await myTickets(db, 'acme', { scope: ian, personId: 'ian-expert', groups: ['g-experts'], limit: 50 }, now)),
    ).toEqual(['t1']);
  });

  it('counts SLA attainment per bucket, the latest resolution of a reopened ticket, and what is at risk now', async () => {
    const byPriority = await slaAnalytics(db, 'acme', { scope: tenant, groupBy: 'priority' });
    expect(byPriority.buckets).toEqual([
      {
        bucket: 'P1',
        tickets: 1,
        responses: 0,
        responsesOnTime: 0,
        responseOnTimeBp: null,
        resolutions: 0,
        resolutionsOnTime: 0,
        resolutionOnTimeBp: null,
        responseBreaches: 1,
        resolutionBreaches: 0,
        atRisk: 0,
        breached: 1,
      },
      expect.objectContaining({ bucket: 'P2', responses: 1, responsesOnTime: 1, responseOnTimeBp: 10_000, atRisk: 1 }),
      expect.objectContaining({ bucket: 'P3', tickets: 1, responses: 1 }),
      expect.objectContaining({
        bucket: 'P4',
        resolutions: 1,
        resolutionsOnTime: 1,
        resolutionOnTimeBp: 10_000,
        resolutionBreaches: 1,
        breached: 0,
      }),
    ]);
    const byLine = await slaAnalytics(db, 'acme', { scope: tenant, groupBy: 'line' });
    const lines = await db
      .withTables<{ service_tickets: { tenant_id: string; line: number } }>()
      .selectFrom('service_tickets')
      .select(['line', (eb) => eb.fn.countAll<number | string>().as('tickets')])
      .where('tenant_id', '=', 'acme')
      .groupBy('line')
      .orderBy('line')
      .execute();
    expect(byLine.buckets.map((b) => [b.bucket, b.tickets])).toEqual(
      lines.map((l) => [String(l.line), Number(l.tickets)]),
    );
    expect(lines.length).toBeGreaterThan(1);
    const byMonth = await slaAnalytics(db, 'acme', { scope: tenant, groupBy: 'month' });
    expect(byMonth.buckets.map((b) => [b.bucket, b.tickets])).toEqual([
      ['2026-02', 1],
      ['2026-03', 3],
    ]);
    const march = await slaAnalytics(db, 'acme', {
      scope: tenant,
      groupBy: 'group',
      from: '2026-03-01',
      to: '2026-03-02',
    });
    expect(march.buckets.map((b) => [b.bucket, b.tickets, b.responses])).toEqual([
      ['g-experts', 1, 1],
      ['g-field', 2, 1],
    ]);
    const none = await slaAnalytics(db, 'acme', { scope: tenant, groupBy: 'group', to: '2026-03-01' });
    expect(none.buckets.map((b) => [b.bucket, b.tickets])).toEqual([['g-experts', 1]]);
    const dans = await slaAnalytics(db, 'acme', { scope: agent('dan-field'), groupBy: 'priority' });
    expect(dans.buckets.map((b) => b.bucket)).toEqual(['P3']);
  });

  it('counts OLA attainment per line and group, of the tasks of tickets the caller sees', async () => {
    const byLine = await olaAnalytics(db, 'acme', { scope: tenant, groupBy: 'line' });
    expect(byLine.buckets).toEqual([
      { bucket: '2', tasks: 1, done: 1, doneOnTime: 1, onTimeBp: 10_000, overdueOpen: 0 },
      { bucket: '3', tasks: 1, done: 0, doneOnTime: 0, onTimeBp: null, overdueOpen: 1 },
    ]);
    const lous = await olaAnalytics(db, 'acme', { scope: agent('lou-lab'), groupBy: 'group' });
    expect(lous.buckets.map((b) => [b.bucket, b.tasks])).toEqual([['g-lab', 1]]);
  });

  it("counts OLA attainment per month a task was opened and per its ticket's priority", async () => {
    const byMonth = await olaAnalytics(db, 'acme', { scope: tenant, groupBy: 'month' });
    expect(byMonth.buckets).toEqual([
      { bucket: '2026-02', tasks: 1, done: 1, doneOnTime: 1, onTimeBp: 10_000, overdueOpen: 0 },
      { bucket: '2026-03', tasks: 1, done: 0, doneOnTime: 0, onTimeBp: null, overdueOpen: 1 },
    ]);
    const byPriority = await olaAnalytics(db, 'acme', { scope: tenant, groupBy: 'priority' });
    expect(byPriority.buckets).toEqual([
      { bucket: 'P2', tasks: 1, done: 0, doneOnTime: 0, onTimeBp: null, overdueOpen: 1 },
      { bucket: 'P4', tasks: 1, done: 1, doneOnTime: 1, onTimeBp: 10_000, overdueOpen: 0 },
    ]);
    const lous = await olaAnalytics(db, 'acme', { scope: agent('lou-lab'), groupBy: 'priority' });
    expect(lous.buckets.map((b) => [b.bucket, b.tasks])).toEqual([['P2', 1]]);
  });

  it('averages every callback in hundredths, with their distribution and the reopen rate', async () => {
    const byGroup = await csatAnalytics(db, 'acme', { scope: tenant, groupBy: 'group' });
    expect(byGroup.buckets).toEqual([
      {
        // t4 was called back twice: 2 before it was reopened, 4 after.
        bucket: 'g-experts',
        callbacks: 2,
        averageSatisfactionHundredths: 300,
        distribution: { 1: 0, 2: 1, 3: 0, 4: 1, 5: 0 },
        closed: 1,
        reopened: 1,
        reopenRateBp: 10_000,
      },
      expect.objectContaining({
        bucket: 'g-field',
        callbacks: 0,
        averageSatisfactionHundredths: null,
        reopenRateBp: null,
      }),
    ]);
    const dans = await csatAnalytics(db, 'acme', { scope: agent('dan-field'), groupBy: 'engineer' });
    expect(dans.buckets).toEqual([expect.objectContaining({ bucket: 'dan-field', callbacks: 0, closed: 0 })]);
  });

  it('lists product requirements of the tickets the caller sees, filtered by product and account', async () => {
    const all = await listProductRequirements(db, 'acme', { scope: tenant, limit: 50 });
    expect(all.items.map((r) => [r.id, r.ticketId, r.product, r.account])).toEqual([
      ['r1', 't1', 'fleet-tracker', 'Nordic Freight AB'],
    ]);
    expect((await listProductRequirements(db, 'acme', { scope: tenant, product: 'depot', limit: 50 })).items).toEqual(
      [],
    );
    expect((await listProductRequirements(db, 'acme', { scope: tenant, account: 'Beta_AG', limit: 50 })).items).toEqual(
      [],
    );
    expect((await listProductRequirements(db, 'acme', { scope: seller('ann-ar'), limit: 50 })).items).toHaveLength(1);
    expect((await listProductRequirements(db, 'acme', { scope: seller('bob-sr'), limit: 50 })).items).toEqual([]);
  });
}

describe('Service reads on SQLite', () => {
  describeQueries(() => sqliteDb('service_reads'));
});

await describeWithPostgres('Service reads on PostgreSQL', (url) => {
  describeQueries(() => postgresDb(url, 'service_reads'));
});
