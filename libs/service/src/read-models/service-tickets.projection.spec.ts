import { describeWithPostgres } from '#ltc/testing';
import type { ReadModelDb } from '#ltc/projections';
import { serviceOlaTasksDb, serviceOlaTasksProjection } from './service-ola-tasks.projection.js';
import {
  serviceProductRequirementsDb,
  serviceProductRequirementsProjection,
} from './service-product-requirements.projection.js';
import { serviceTicketsProjection } from './service-tickets.projection.js';
import { NO_BREACH_KEY, serviceTicketsDb } from './service-tickets.table.js';
import { seedTickets } from './test/seed.js';
import { at, postgresDb, runnerFor, sqliteDb, TicketHistory, type TestDb } from './test/ticket-history.js';

const projections = [serviceTicketsProjection, serviceOlaTasksProjection, serviceProductRequirementsProjection];

const ticketRows = (db: ReadModelDb) =>
  serviceTicketsDb(db).selectFrom('service_tickets').selectAll().orderBy('tenant_id').orderBy('ticket_id').execute();
const audienceRows = (db: ReadModelDb) =>
  serviceTicketsDb(db)
    .selectFrom('service_ticket_audience')
    .selectAll()
    .orderBy('tenant_id')
    .orderBy('ticket_id')
    .orderBy('member_kind')
    .orderBy('member_id')
    .execute();
const callbackRows = (db: ReadModelDb) =>
  serviceTicketsDb(db)
    .selectFrom('service_ticket_callbacks')
    .selectAll()
    .orderBy('tenant_id')
    .orderBy('ticket_id')
    .orderBy('called_at')
    .execute();
const taskRows = (db: ReadModelDb) =>
  serviceOlaTasksDb(db).selectFrom('service_ola_tasks').selectAll().orderBy('tenant_id').orderBy('task_id').execute();
const requirementRows = (db: ReadModelDb) =>
  serviceProductRequirementsDb(db)
    .selectFrom('service_product_requirements')
    .selectAll()
    .orderBy('tenant_id')
    .orderBy('requirement_id')
    .execute();

function describeServiceTickets(open: () => Promise<TestDb>): void {
  let testDb: TestDb;
  let history: TicketHistory;
  let runner: ReturnType<typeof runnerFor>;

  beforeEach(async () => {
    testDb = await open();
    history = new TicketHistory();
    await seedTickets(history);
    runner = runnerFor(history, testDb.handle, projections);
    await runner.start();
    for (const p of projections) await runner.waitFor(p.name, history.head);
  });
  afterEach(async () => {
    await runner.stop();
    await history.store.close();
    await testDb.dispose();
  });

  it('keeps one row per ticket with its status, grade, owner, line and customer, each tenant apart', async () => {
    const rows = await ticketRows(testDb.handle.db);
    expect(
      rows.map((r) => [r.tenant_id, r.ticket_id, r.status, r.priority, Number(r.line), r.group_id, r.engineer_id]),
    ).toEqual([
      ['acme', 't1', 'open', 'P2', 2, 'g-experts', 'ian-expert'],
      ['acme', 't2', 'open', 'P1', 1, 'g-field', null],
      ['acme', 't3', 'waiting', 'P3', 1, 'g-field', 'dan-field'],
      ['acme', 't4', 'closed', 'P4', 2, 'g-experts', 'ian-expert'],
      ['globex', 'g1', 'open', 'P3', 1, null, null],
    ]);
    expect(rows[0]).toMatchObject({
      channel: 'hotline',
      customer_account: 'Nordic Freight AB',
      contract_id: 'c-1',
      product: 'fleet-tracker',
      category: 'hardware',
      subject: 'Fleet tracker offline',
      accepted_at: at(0),
      accepted_by: 'hal-hotline',
      responded_at: at(0.5),
      policy_id: 'default',
      task_groups: '["g-lab"]',
      task_engineers: '["lou-lab"]',
      deal_team: '["ann-ar","sam-sr"]',
      updated_at: at(6),
    });
  });

  it('keeps each clock as its latest plan says, with warnings, breaches and when it was met', async () => {
    const [t1, t2, t3, t4] = await ticketRows(testDb.handle.db);
    expect(t1).toMatchObject({
      response_state: 'stopped',
      response_met_at: at(0.5),
      resolution_state: 'running',
      resolution_breach_at: at(8),
      resolution_warn_at: at(6),
      next_breach_at: at(8),
      queue_key: at(8),
    });
    expect(Number(t1?.response_within_target)).toBe(1);
    expect([t1?.resolution_warned, t1?.at_risk, t1?.breached].map(Number)).toEqual([1, 1, 0]);
    // t2's response clock breached and still runs: it leads the queue from the instant it breached.
    expect(t2).toMatchObject({ response_breach_at: at(1.5), response_breached_at: at(1.5), next_breach_at: at(1.5) });
    expect([t2?.response_breached, t2?.at_risk, t2?.breached].map(Number)).toEqual([1, 0, 1]);
    // t3 waits for the customer: no clock runs, it sorts after every running one.
    expect(t3).toMatchObject({ resolution_state: 'paused', resolution_breach_at: null, next_breach_at: null });
    expect(t3?.queue_key).toBe(NO_BREACH_KEY);
    expect(Number(t3?.resolution_elapsed_ms)).toBe(3_600_000);
    // t4 was resolved late, reopened and resolved on time: the latest resolution stands.
    expect(t4).toMatchObject({ resolved_at: at(-30), closed_at: at(-29), resolution_met_at: at(-30) });
    expect([t4?.resolution_within_target, t4?.reopen_count, t4?.satisfaction, t4?.breached].map(Number)).toEqual([
      1, 1, 4, 1,
    ]);
  });

  it('says who sees each ticket: its group and engineer, its tasks, the deal team', async () => {
    const rows = await audienceRows(testDb.handle.db);
    const of = (tenant: string, ticket: string) =>
      rows
        .filter((r) => r.tenant_id === tenant && r.ticket_id === ticket)
        .map((r) => `${r.member_kind}:${r.member_id}`);
    // t1 left g-field and eve when it went up a line.
    expect(of('acme', 't1')).toEqual([
      'group:g-experts',
      'group:g-lab',
      'person:ann-ar',
      'person:ian-expert',
      'person:lou-lab',
      'person:sam-sr',
    ]);
    expect(of('acme', 't2')).toEqual(['group:g-field', 'person:ann-ar', 'person:sam-sr']);
    expect(of('globex', 'g1')).toEqual(['person:ann-ar']);
  });

  it('keeps every callback with the group, engineer and category of its moment', async () => {
    const rows = await callbackRows(testDb.handle.db);
    expect(
      rows.map((r) => [r.ticket_id, Number(r.satisfaction), r.group_id, r.engineer_id, r.category, r.called_at]),
    ).toEqual([
      ['t4', 2, 'g-experts', 'ian-expert', 'hardware', at(-48)],
      ['t4', 4, 'g-experts', 'ian-expert', 'hardware', at(-28)],
    ]);
  });

  it('keeps one row per task and per product requirement', async () => {
    const tasks = await taskRows(testDb.handle.db);
    expect(
      tasks.map((t) => [t.ticket_id, t.task_id, Number(t.line), t.group_id, t.status, Number(t.overdue), t.on_time]),
    ).toEqual([
      ['t1', 'k1', 3, 'g-lab', 'open', 1, null],
      ['t4', 'k2', 2, 'g-experts', 'done', 0, 1],
    ]);
    expect(tasks[0]).toMatchObject({ due_at: at(3), opened_at: at(1), completed_at: null, engineer_id: 'lou-lab' });
    const requirements = await requirementRows(testDb.handle.db);
    expect(requirements.map((r) => [r.tenant_id, r.requirement_id, r.ticket_id, r.product, r.raised_at])).toEqual([
      ['acme', 'r1', 't1', 'fleet-tracker', at(3)],
      ['globex', 'r9', 'g1', 'fleet-tracker', at(1)],
    ]);
  });

  it('rebuilds to exactly the rows it built incrementally', async () => {
    const db = testDb.handle.db;
    const read = async () => [
      await ticketRows(db),
      await audienceRows(db),
      await callbackRows(db),
      await taskRows(db),
      await requirementRows(db),
    ];
    const before = await read();
    for (const p of projections) {
      await runner.rebuild(p.name);
      await runner.waitFor(p.name, history.head);
    }
    expect(await read()).toEqual(before);
  });
}

describe('Service tickets on SQLite', () => {
  describeServiceTickets(() => sqliteDb('service'));
});

await describeWithPostgres('Service tickets on PostgreSQL', (url) => {
  describeServiceTickets(() => postgresDb(url, 'service'));
});
