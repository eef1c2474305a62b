import type { ReadModelDb } from '#ltc/projections';
import { QueryPlanRecorder, fullScansIn, type PlannedQuery } from '#ltc/testing';
import { ticketScopeOf, type TicketScope } from '../service-access.js';
import { listProductRequirements } from './product-requirements.queries.js';
import { csatAnalytics, olaAnalytics, slaAnalytics } from './service-analytics.queries.js';
import { serviceReadProjections } from './index.js';
import { listTickets, myTickets, ticketQueue, type TicketListFilter } from './service-tickets.queries.js';
import { seedTickets } from './test/seed.js';
import { at, TicketHistory } from './test/ticket-history.js';

/** Tables whose size follows the number of tickets (`a`: the audience, as the visibility check names it). */
const GROWING = [
  'service_tickets',
  'service_ticket_audience',
  'a',
  'service_ola_tasks',
  'service_product_requirements',
];

const TENANT: TicketScope = { kind: 'tenant' };
const AGENT = ticketScopeOf({ userId: 'dan-field', roles: ['service_agent'] }, ['g-field']);
const PAGE = { limit: 50 } as const;
const NOW = new Date(at(2));

/** Every ticket-list query a route runs, by what the route is asked. */
const LIST_QUERIES: Record<string, TicketListFilter> = {
  'GET /tickets': { ...PAGE, scope: TENANT },
  'GET /tickets?sort=breach': { ...PAGE, scope: TENANT, sort: 'breach' },
  'GET /tickets?status=': { ...PAGE, scope: TENANT, status: ['open', 'waiting'] },
  'GET /tickets?priority=': { ...PAGE, scope: TENANT, priority: ['P1'] },
  'GET /tickets?group=': { ...PAGE, scope: TENANT, group: 'g-field' },
  'GET /tickets?engineer=': { ...PAGE, scope: TENANT, engineer: 'dan-field' },
  'GET /tickets?product=': { ...PAGE, scope: TENANT, product: 'depot' },
  'GET /tickets?category=': { ...PAGE, scope: TENANT, category: 'software' },
  'GET /customers/{account}/tickets': { ...PAGE, scope: TENANT, account: 'Beta_AG' },
  'GET /tickets as an agent': { ...PAGE, scope: AGENT },
  'GET /tickets?sort=breach as an agent': { ...PAGE, scope: AGENT, sort: 'breach' },
};

describe('Service ticket queries at scale (SQLite query plans)', () => {
  let recorder: QueryPlanRecorder;
  let db: ReadModelDb;

  beforeAll(async () => {
    recorder = new QueryPlanRecorder();
    db = recorder.db;
    const history = new TicketHistory();
    await seedTickets(history);
    const events = await history.store.readAll({});
    for (const projection of serviceReadProjections) {
      await projection.setup(db);
      await db.transaction().execute(async (trx) => {
        for (const event of events) await projection.apply(trx, event);
      });
    }
    await history.store.close();
  });
  afterAll(() => recorder.close());

  const expectNoFullScan = (queries: readonly PlannedQuery[]): void => {
    expect(queries.length).toBeGreaterThan(0);
    const scans = queries.flatMap((q) => fullScansIn(q, GROWING, { filtered: true }).map((step) => ({ step, q })));
    expect(scans.map(({ step, q }) => `${step}\n  in ${q.sql}`)).toEqual([]);
  };

  it.each(Object.entries(LIST_QUERIES))('%s reads no whole table', async (_, filter) => {
    expectNoFullScan(await recorder.plansOf(() => listTickets(db, 'acme', filter)));
  });

  it('GET /queues/{line} and GET /me/tickets read no whole table', async () => {
    expectNoFullScan(await recorder.plansOf(() => ticketQueue(db, 'acme', { ...PAGE, scope: TENANT, line: 1 }, NOW)));
    expectNoFullScan(await recorder.plansOf(() => ticketQueue(db, 'acme', { ...PAGE, scope: AGENT, line: 1 }, NOW)));
    expectNoFullScan(
      await recorder.plansOf(() =>
        myTickets(db, 'acme', { ...PAGE, scope: AGENT, personId: 'dan-field', groups: ['g-field'] }, NOW),
      ),
    );
  });

  it('GET /product-requirements reads no whole table', async () => {
    expectNoFullScan(await recorder.plansOf(() => listProductRequirements(db, 'acme', { ...PAGE, scope: TENANT })));
    expectNoFullScan(await recorder.plansOf(() => listProductRequirements(db, 'acme', { ...PAGE, scope: AGENT })));
  });

  it('the analytics read the tickets of one tenant (an aggregate reads them all, never another tenant)', async () => {
    const plans = [
      ...(await recorder.plansOf(() => slaAnalytics(db, 'acme', { scope: AGENT, groupBy: 'priority' }))),
      ...(await recorder.plansOf(() => olaAnalytics(db, 'acme', { scope: AGENT, groupBy: 'line' }))),
      ...(await recorder.plansOf(() => csatAnalytics(db, 'acme', { scope: TENANT, groupBy: 'group' }))),
    ];
    expect(plans.flatMap((q) => q.plan.filter((step) => /^SCAN (\w+)/.test(step) && !/USING/.test(step)))).toEqual([]);
  });
});
