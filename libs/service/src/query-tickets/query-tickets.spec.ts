import type { ArgumentMetadata } from '@nestjs/common';
import { ManualClock } from '#ltc/clock';
import { createValidationPipe, type RequestContext } from '#ltc/platform';
import type { FastifyReply } from 'fastify';
import type { ServiceConfig } from '../config/service-config.js';
import { serviceReadProjections } from '../read-models/index.js';
import { seedTickets } from '../read-models/test/seed.js';
import { at, runnerFor, sqliteDb, TicketHistory, type TestDb } from '../read-models/test/ticket-history.js';
import { toCsv } from './csv.js';
import { ProductRequirementsController, wantsCsv } from './product-requirements.controller.js';
import { QueryTicketsController } from './query-tickets.controller.js';
import { ServiceAnalyticsController } from './service-analytics.controller.js';
import { TicketQueuesController } from './ticket-queues.controller.js';
import {
  LineParamDto,
  SlaAnalyticsQueryDto,
  TicketListQueryDto,
  TicketOwnerQueryDto,
  TicketPageQueryDto,
} from './ticket-query.dto.js';
import { TicketReaders } from './ticket-readers.js';

/** The service configuration as far as reads need it: who is in which group. */
const GROUPS: Record<string, readonly string[]> = { 'dan-field': ['g-field'], 'ian-expert': ['g-experts'] };
const fakeConfig = {
  groupsOf: (_tenantId: string, personId: string) => Promise.resolve(GROUPS[personId] ?? []),
} as unknown as ServiceConfig;

const ctx = (userId: string, roles: string[], tenantId = 'acme') =>
  ({ caller: { userId, roles, tenantId }, tenantId }) as unknown as RequestContext;

const pipe = createValidationPipe();
const validated = <T>(type: new () => T, value: object, kind: 'query' | 'param' = 'query'): Promise<T> =>
  pipe.transform(value, { type: kind, metatype: type } as ArgumentMetadata) as Promise<T>;

describe('Ticket query routes', () => {
  let testDb: TestDb;
  let history: TicketHistory;
  let runner: ReturnType<typeof runnerFor>;
  let tickets: QueryTicketsController;
  let queues: TicketQueuesController;
  let analytics: ServiceAnalyticsController;
  let requirements: ProductRequirementsController;

  beforeAll(async () => {
    testDb = await sqliteDb('service-routes');
    history = new TicketHistory();
    await seedTickets(history);
    runner = runnerFor(history, testDb.handle, serviceReadProjections);
    await runner.start();
    for (const p of serviceReadProjections) await runner.waitFor(p.name, history.head);
    const readers = new TicketReaders(fakeConfig);
    tickets = new QueryTicketsController(testDb.handle, readers);
    queues = new TicketQueuesController(testDb.handle, new ManualClock(at(2)), readers);
    analytics = new ServiceAnalyticsController(testDb.handle, readers);
    requirements = new ProductRequirementsController(testDb.handle, readers);
  });
  afterAll(async () => {
    await runner.stop();
    await history.store.close();
    await testDb.dispose();
  });

  const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);

  it("takes an agent's groups from the service configuration, so they see their groups' tickets", async () => {
    const query = await validated(TicketListQueryDto, {});
    expect(ids(await tickets.list(query, ctx('dan-field', ['service_agent'])))).toEqual(['t3', 't2']);
    expect(ids(await tickets.list(query, ctx('ann-ar', ['ar'])))).toEqual(['t3', 't2', 't1']);
    expect(ids(await tickets.list(query, ctx('max', ['auditor'])))).toEqual(['t3', 't2', 't1', 't4']);
    expect(ids(await tickets.list(query, ctx('ann-ar', ['ar'], 'globex')))).toEqual(['g1']);
  });

  it('reads the list filters from the query string', async () => {
    const query = await validated(TicketListQueryDto, { status: 'open,waiting', breached: 'true', sort: 'breach' });
    expect(ids(await tickets.list(query, ctx('max', ['service_manager'])))).toEqual(['t2']);
    const atRisk = await validated(TicketListQueryDto, { atRisk: 'true', line: '2', limit: '10' });
    expect(ids(await tickets.list(atRisk, ctx('max', ['service_manager'])))).toEqual(['t1']);
  });

  it('refuses a bad filter, line, date or order with a 400 naming the field', async () => {
    for (const [type, value, field] of [
      [TicketListQueryDto, { status: 'open,lost' }, 'status'],
      [TicketListQueryDto, { atRisk: 'yes' }, 'atRisk'],
      [TicketListQueryDto, { line: '4' }, 'line'],
      [TicketListQueryDto, { sort: 'oldest' }, 'sort'],
      [TicketListQueryDto, { limit: '0' }, 'limit'],
      [TicketOwnerQueryDto, { engineer: 'not a user' }, 'engineer'],
      [SlaAnalyticsQueryDto, { from: '2026-13-01' }, 'from'],
      [SlaAnalyticsQueryDto, { groupBy: 'week' }, 'groupBy'],
    ] as const) {
      await expect(validated(type as new () => object, value)).rejects.toMatchObject({
        response: { errors: [expect.objectContaining({ field })] },
      });
    }
    await expect(validated(LineParamDto, { line: 'four' }, 'param')).rejects.toMatchObject({
      response: { errors: [expect.objectContaining({ field: 'line' })] },
    });
    const backwards = await validated(SlaAnalyticsQueryDto, { from: '2026-03-02', to: '2026-03-01' });
    await expect(analytics.sla(backwards, ctx('max', ['service_manager']))).rejects.toMatchObject({ field: 'to' });
  });

  it("queues a line by time to breach from the clock's now, and gives an engineer their own and their groups' unassigned", async () => {
    const line = await validated(LineParamDto, { line: '1' }, 'param');
    const page = await queues.queue(line, await validated(TicketOwnerQueryDto, {}), ctx('max', ['service_manager']));
    expect(page.items.map((i) => [i.id, i.msToBreach])).toEqual([
      ['t2', -1_800_000],
      ['t3', null],
    ]);
    const mine = await queues.mine(await validated(TicketPageQueryDto, {}), ctx('dan-field', ['service_agent']));
    expect(ids(mine)).toEqual(['t2', 't3']);
  });

  it("gives a customer's history of every status, newest first, only as far as the caller may see", async () => {
    const page = await validated(TicketPageQueryDto, {});
    const nordic = { account: 'Nordic Freight AB' };
    expect(ids(await tickets.customerHistory(nordic, page, ctx('max', ['service_manager'])))).toEqual([
      't3',
      't2',
      't1',
    ]);
    expect(
      ids(await tickets.customerHistory({ account: 'Beta_AG' }, page, ctx('ian-expert', ['service_agent']))),
    ).toEqual(['t4']);
    expect(ids(await tickets.customerHistory({ account: 'Beta_AG' }, page, ctx('ann-ar', ['ar'])))).toEqual([]);
  });

  it('exports product requirements as CSV when asked, JSON otherwise', async () => {
    const headers: Record<string, string> = {};
    const reply = {
      header: (name: string, value: string) => {
        headers[name] = value;
        return reply;
      },
    } as unknown as FastifyReply;
    const query = await validated(TicketPageQueryDto, {});
    const csv = await requirements.list(query, ctx('max', ['service_manager']), 'text/csv', reply);
    expect(headers['Content-Type']).toBe('text/csv; charset=utf-8');
    expect(csv).toBe(
      'id,ticketId,title,description,product,account,raisedBy,raisedAt\r\n' +
        `r1,t1,Requirement r1,"Battery, ""long-life"", please",fleet-tracker,Nordic Freight AB,eve-eng,${at(3)}\r\n`,
    );
    const json = await requirements.list(query, ctx('bob-sr', ['sr']), 'application/json', reply);
    expect(json).toEqual({ items: [], limit: 50, nextCursor: null });
  });

  it('writes CSV a spreadsheet cannot run, and reads Accept as the client prefers', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['=HYPERLINK("x")', null],
          ['-1', 2],
        ],
      ),
    ).toBe('a,b\r\n"\'=HYPERLINK(""x"")",\r\n\'-1,2\r\n');
    expect(wantsCsv('text/csv')).toBe(true);
    expect(wantsCsv('text/csv;q=0.9, application/json')).toBe(true);
    expect(wantsCsv('application/json, text/csv')).toBe(false);
    expect(wantsCsv('*/*')).toBe(false);
    expect(wantsCsv(undefined)).toBe(false);
  });
});
