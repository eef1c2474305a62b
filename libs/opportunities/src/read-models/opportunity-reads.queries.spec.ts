import { describeWithPostgres } from '#ltc/testing';
import type { ReadModelDb } from '#ltc/projections';
import { DEFAULT_PIPELINE } from '../domain/pipeline.types.js';
import { forecastHistoryProjection } from './forecast-history.projection.js';
import { forecast } from './forecast.queries.js';
import { listOpportunities } from './opportunity-list.queries.js';
import { opportunityListProjection } from './opportunity-list.projection.js';
import { pipelineBoard } from './pipeline-board.queries.js';
import {
  DealHistory,
  day,
  deal,
  eur,
  opened,
  postgresDb,
  runnerFor,
  sqliteDb,
  type TestDb,
} from './test/deal-history.js';

const projections = [opportunityListProjection, forecastHistoryProjection];
const tenant = { kind: 'tenant' } as const;
const member = (personId: string) => ({ kind: 'member', personId }) as const;
const pipeline = { pipelineId: 'default', version: 0, ...DEFAULT_PIPELINE };
const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });

/**
 * acme: d1 (ann, sam as SR, mia sponsor) in develop_solution; d2 and d5 (bob) in qualify at
 * 333 335 EUR each; d3 (ann, USD) pushed from April to June on 8 March; d4 (ann) won on
 * 10 March. globex: one deal nobody of acme may see.
 */
async function seed(history: DealHistory): Promise<void> {
  const one = deal('d1', 'ann');
  await history.append(
    'acme',
    'ann',
    opened({ opportunityId: 'd1', owner: 'ann', name: 'Fleet rollout', account: 'Acme GmbH', amount: eur(1_000_001) }),
    one.triangle('ann', 'sam', null, 'mia'),
    one.stage('develop_solution', 'qualify', 2500, 'pipeline'),
  );
  for (const id of ['d2', 'd5']) {
    await history.append(
      'acme',
      'bob',
      opened({
        opportunityId: id,
        owner: 'bob',
        name: `Renewal ${id}`,
        account: 'Beta_AG',
        amount: eur(333_335),
        closeDate: '2026-05-15',
        team: 'emea',
        region: 'DE',
        lead: { leadId: `l-${id}`, source: 'referral', contactPerson: null, tags: [], score: null },
        at: id === 'd2' ? day(2) : day(3),
      }),
    );
  }
  const three = deal('d3', 'ann');
  await history.append(
    'acme',
    'ann',
    opened({ opportunityId: 'd3', owner: 'ann', amount: usd(250_000), closeDate: '2026-04-10', at: day(4) }),
    three.closeDate('2026-06-30', '2026-04-10', day(8)),
  );
  const four = deal('d4', 'ann');
  await history.append(
    'acme',
    'ann',
    opened({ opportunityId: 'd4', owner: 'ann', amount: eur(800_000), closeDate: '2026-03-31', at: day(4) }),
    four.won(2, eur(900_000), 'qualify', day(10)),
  );
  await history.append('globex', 'gus', opened({ opportunityId: 'g1', owner: 'gus' }));
}

function describeQueries(open: () => Promise<TestDb>): void {
  let testDb: TestDb;
  let history: DealHistory;
  let runner: ReturnType<typeof runnerFor>;
  let db: ReadModelDb;

  beforeAll(async () => {
    testDb = await open();
    db = testDb.handle.db;
    history = new DealHistory();
    await seed(history);
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

  it('lists the tenant newest first and pages with an opaque cursor', async () => {
    const first = await listOpportunities(db, 'acme', { scope: tenant, limit: 3 });
    expect(ids(first)).toEqual(['d4', 'd3', 'd5']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await listOpportunities(db, 'acme', { scope: tenant, limit: 3, cursor: first.nextCursor ?? '' });
    expect(ids(second)).toEqual(['d2', 'd1']);
    expect(second.nextCursor).toBeNull();
    await expect(listOpportunities(db, 'acme', { scope: tenant, limit: 3, cursor: 'nonsense' })).rejects.toMatchObject({
      field: 'cursor',
    });
  });

  it('filters by status, stage, owner, source, team, region, close period and text', async () => {
    const list = (filter: object) => listOpportunities(db, 'acme', { scope: tenant, limit: 50, ...filter }).then(ids);
    expect(await list({ status: ['won'] })).toEqual(['d4']);
    expect(await list({ stageId: 'develop_solution' })).toEqual(['d1']);
    expect(await list({ ownerId: 'bob' })).toEqual(['d5', 'd2']);
    expect(await list({ source: 'referral', team: 'emea', region: 'DE' })).toEqual(['d5', 'd2']);
    expect(await list({ closeFrom: '2026-04-01', closeTo: '2026-05-31' })).toEqual(['d5', 'd2', 'd1']);
    expect(await list({ q: 'FLEET' })).toEqual(['d1']);
    // `_` is a letter here, not LIKE's wildcard.
    expect(await list({ q: 'beta_' })).toEqual(['d5', 'd2']);
    expect(await list({ q: 'beta%' })).toEqual([]);
  });

  it('shows a member only the deals whose triangle they sit in', async () => {
    expect(ids(await listOpportunities(db, 'acme', { scope: member('sam'), limit: 50 }))).toEqual(['d1']);
    expect(ids(await listOpportunities(db, 'acme', { scope: member('mia'), limit: 50 }))).toEqual(['d1']);
    expect(ids(await listOpportunities(db, 'acme', { scope: member('gus'), limit: 50 }))).toEqual([]);
    expect(ids(await listOpportunities(db, 'globex', { scope: tenant, limit: 50 }))).toEqual(['g1']);
  });

  it("shows a team's manager their teams' deals and those naming them, in the list and on the board", async () => {
    const emea = { kind: 'team', personId: 'mia', teams: ['emea'] } as const;
    expect(ids(await listOpportunities(db, 'acme', { scope: emea, limit: 50 })).sort()).toEqual(['d1', 'd2', 'd5']);
    const other = { kind: 'team', personId: 'gus', teams: ['apac'] } as const;
    expect(ids(await listOpportunities(db, 'acme', { scope: other, limit: 50 }))).toEqual([]);
    const board = await pipelineBoard(db, 'acme', pipeline, { scope: emea });
    expect(board.stages.reduce((sum, stage) => sum + stage.count, 0)).toBe(3);
  });

  it('sums the board per stage and currency, weighting once per sum, empty stages included', async () => {
    const board = await pipelineBoard(db, 'acme', pipeline, { scope: tenant });
    expect(board.stages.map((s) => [s.stage, s.count])).toEqual([
      ['qualify', 3],
      ['develop_solution', 1],
      ['bid', 0],
      ['negotiate', 0],
      ['won', 1],
      ['lost', 0],
    ]);
    // 2 × 333 335 × 10 % = 66 667 exactly; rounding each deal first would give 66 668.
    expect(board.stages[0]?.totals).toEqual([
      { currency: 'EUR', count: 2, amountMinor: 666_670, weightedMinor: 66_667 },
      { currency: 'USD', count: 1, amountMinor: 250_000, weightedMinor: 25_000 },
    ]);
    // 1 000 001 × 25 % = 250 000.25 → 250 000.
    expect(board.stages[1]?.totals).toEqual([
      { currency: 'EUR', count: 1, amountMinor: 1_000_001, weightedMinor: 250_000 },
    ]);
    expect(board.stages[4]?.totals).toEqual([
      { currency: 'EUR', count: 1, amountMinor: 900_000, weightedMinor: 900_000 },
    ]);
    const bobs = await pipelineBoard(db, 'acme', pipeline, { scope: member('bob'), closeTo: '2026-05-31' });
    expect(bobs.stages[0]?.totals).toEqual([
      { currency: 'EUR', count: 2, amountMinor: 666_670, weightedMinor: 66_667 },
    ]);
    expect(bobs.stages.reduce((n, s) => n + s.count, 0)).toBe(2);
  });

  it('forecasts by close month and category, and says how it moved since a moment', async () => {
    const result = await forecast(db, 'acme', { scope: tenant, from: '2026-03', to: '2026-06', since: day(5) });
    expect(result.buckets.map((b) => [b.month, b.category, b.count])).toEqual([
      ['2026-03', 'closed', 1],
      ['2026-04', 'pipeline', 1],
      ['2026-05', 'pipeline', 2],
      ['2026-06', 'pipeline', 1],
    ]);
    expect(result.movement?.deltas).toEqual([
      {
        month: '2026-03',
        category: 'closed',
        currency: 'EUR',
        countDelta: 1,
        amountDeltaMinor: 900_000,
        weightedDeltaMinor: 900_000,
      },
      {
        month: '2026-03',
        category: 'pipeline',
        currency: 'EUR',
        countDelta: -1,
        amountDeltaMinor: -800_000,
        weightedDeltaMinor: -80_000,
      },
      {
        month: '2026-04',
        category: 'pipeline',
        currency: 'USD',
        countDelta: -1,
        amountDeltaMinor: -250_000,
        weightedDeltaMinor: -25_000,
      },
      {
        month: '2026-06',
        category: 'pipeline',
        currency: 'USD',
        countDelta: 1,
        amountDeltaMinor: 250_000,
        weightedDeltaMinor: 25_000,
      },
    ]);
    expect(result.movement?.deals.map((d) => [d.opportunityId, d.moves])).toEqual([
      ['d3', ['pushed']],
      ['d4', ['won', 'category_changed', 'amount_changed']],
    ]);
    const pushed = result.movement?.deals[0];
    expect([pushed?.before?.close_date, pushed?.after.close_date]).toEqual(['2026-04-10', '2026-06-30']);
  });

  it('counts a deal opened after `since` as opened, and shows a member only their deals', async () => {
    const early = await forecast(db, 'acme', { scope: member('bob'), since: day(2) });
    expect(early.movement?.deals.map((d) => [d.opportunityId, d.moves])).toEqual([['d5', ['opened']]]);
    expect(early.buckets).toEqual([
      {
        month: '2026-05',
        category: 'pipeline',
        count: 2,
        totals: [{ currency: 'EUR', count: 2, amountMinor: 666_670, weightedMinor: 66_667 }],
      },
    ]);
  });
}

describe('Opportunity reads on SQLite', () => {
  describeQueries(() => sqliteDb('oppreads'));
});

await describeWithPostgres('Opportunity reads on PostgreSQL', (url) => {
  describeQueries(() => postgresDb(url, 'oppreads'));
});
