import { describeWithPostgres } from '#ltc/testing';
import type { ReadModelDb } from '#ltc/projections';
import { forecastHistoryProjection } from './forecast-history.projection.js';
import { forecastHistoryDb } from './forecast-history.table.js';
import { opportunityListProjection } from './opportunity-list.projection.js';
import { opportunityListDb } from './opportunity-list.table.js';
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

/** Three deals of acme (one won after a handoff, one lost and reopened, one pushed) and one of globex. */
async function seed(history: DealHistory): Promise<void> {
  const one = deal('d1', 'ann');
  await history.append(
    'acme',
    'ann',
    opened({ opportunityId: 'd1', owner: 'ann', team: 'emea', region: 'DE', lead: leadOrigin('l1') }),
    one.triangle('ann', 'sam', null, 'mia'),
    one.stage('develop_solution', 'qualify', 2500, 'pipeline'),
    one.handoff('h1', 'ann', 'sam'),
  );
  await history.append('acme', 'sam', one.accepted('h1', 'ann', 'sam'), one.seat('fr', 'fay', null));
  await history.append('acme', 'ann', one.won(1, eur(900_000), 'develop_solution'));
  const two = deal('d2', 'bob');
  await history.append(
    'acme',
    'bob',
    opened({ opportunityId: 'd2', owner: 'bob', name: 'Renewal Beta', account: 'Beta AG', amount: eur(500_000) }),
    two.lost('price', 'qualify'),
    two.reopened('qualify', 1000, 'pipeline'),
  );
  const three = deal('d3', 'ann');
  await history.append(
    'acme',
    'ann',
    opened({ opportunityId: 'd3', owner: 'ann', amount: null }),
    three.closeDate('2026-06-30', '2026-04-30'),
    three.amount({ amountMinor: 250_000, currency: 'USD' }, null),
    three.seat('ar', 'bob', 'ann'),
  );
  await history.append('globex', 'gus', opened({ opportunityId: 'd1', owner: 'gus' }));
}

function leadOrigin(leadId: string) {
  return { leadId, source: 'referral', contactPerson: 'Kim', tags: [], score: 80 };
}

const listRows = (db: ReadModelDb) =>
  opportunityListDb(db)
    .selectFrom('opportunity_list')
    .selectAll()
    .orderBy('tenant_id')
    .orderBy('opportunity_id')
    .execute();
const historyRows = (db: ReadModelDb) =>
  forecastHistoryDb(db)
    .selectFrom('opportunity_forecast_history')
    .selectAll()
    .orderBy('tenant_id')
    .orderBy('opportunity_id')
    .orderBy('seq')
    .execute();

function describeDealReadModels(open: () => Promise<TestDb>): void {
  let testDb: TestDb;
  let history: DealHistory;
  let runner: ReturnType<typeof runnerFor>;

  beforeEach(async () => {
    testDb = await open();
    history = new DealHistory();
    await seed(history);
    runner = runnerFor(history, testDb.handle, projections);
    await runner.start();
    for (const p of projections) await runner.waitFor(p.name, history.head);
  });
  afterEach(async () => {
    await runner.stop();
    await history.store.close();
    await testDb.dispose();
  });

  it('keeps one row per deal with its seats, leader, stage, amount and outcome, each tenant apart', async () => {
    const rows = await listRows(testDb.handle.db);
    expect(rows.map((r) => [r.tenant_id, r.opportunity_id])).toEqual([
      ['acme', 'd1'],
      ['acme', 'd2'],
      ['acme', 'd3'],
      ['globex', 'd1'],
    ]);
    const [won, reopened, pushed, other] = rows;
    expect(won).toMatchObject({
      status: 'won',
      stage_id: 'won',
      source: 'referral',
      lead_id: 'l1',
      team: 'emea',
      region: 'DE',
      ar_id: 'ann',
      sr_id: 'sam',
      fr_id: 'fay',
      sponsor_id: 'mia',
      leader_id: 'sam',
      pending_handoff_to: null,
      probability_bp: 10_000,
      forecast_category: 'closed',
      currency: 'EUR',
      won_quote_version: 1,
      closed_at: day(10),
      revision: '6',
    });
    expect(Number(won?.amount_minor)).toBe(900_000);
    expect(reopened).toMatchObject({ status: 'open', stage_id: 'qualify', loss_reason: null, closed_at: null });
    expect(pushed).toMatchObject({ close_date: '2026-06-30', currency: 'USD', owner_id: 'bob', ar_id: 'bob' });
    expect(other).toMatchObject({ owner_id: 'gus', name: 'Deal d1' });
  });

  it('shows who a handoff waits on until it is answered', async () => {
    const four = deal('d4', 'ann');
    await history.append(
      'acme',
      'ann',
      opened({ opportunityId: 'd4', owner: 'ann' }),
      four.handoff('h2', 'ann', 'sam'),
    );
    await runner.waitFor(opportunityListProjection.name, history.head);
    const row = (await listRows(testDb.handle.db)).find((r) => r.opportunity_id === 'd4');
    expect(row).toMatchObject({ pending_handoff_to: 'sam', leader_id: 'ann' });
  });

  it('records one history row per change of forecast facts, with the event time', async () => {
    const rows = (await historyRows(testDb.handle.db)).filter((r) => r.tenant_id === 'acme');
    expect(rows.map((r) => [r.opportunity_id, r.change, r.forecast_category, r.close_date])).toEqual([
      ['d1', 'OpportunityOpened', 'pipeline', '2026-04-30'],
      ['d1', 'OpportunityStageChanged', 'pipeline', '2026-04-30'],
      ['d1', 'OpportunityWon', 'closed', '2026-04-30'],
      ['d2', 'OpportunityOpened', 'pipeline', '2026-04-30'],
      ['d2', 'OpportunityLost', 'omitted', '2026-04-30'],
      ['d2', 'OpportunityReopened', 'pipeline', '2026-04-30'],
      ['d3', 'OpportunityOpened', 'pipeline', '2026-04-30'],
      ['d3', 'OpportunityCloseDateChanged', 'pipeline', '2026-06-30'],
      ['d3', 'OpportunityAmountChanged', 'pipeline', '2026-06-30'],
    ]);
    expect(rows.find((r) => r.change === 'OpportunityCloseDateChanged')?.changed_at).toBe(day(8));
  });

  it('rebuilds to exactly the rows it built incrementally', async () => {
    const before = [await listRows(testDb.handle.db), await historyRows(testDb.handle.db)];
    for (const p of projections) await runner.rebuild(p.name);
    for (const p of projections) await runner.waitFor(p.name, history.head);
    expect([await listRows(testDb.handle.db), await historyRows(testDb.handle.db)]).toEqual(before);
    // And folded one event per transaction with `apply`, the rows are those the batches wrote.
    await runner.stop();
    const db = testDb.handle.db;
    for (const p of projections) {
      await db.transaction().execute((trx) => p.reset(trx));
      for (const event of await history.store.readAll({ filter: { streamPrefixes: ['opportunity-'] } })) {
        await db.transaction().execute((trx) => p.apply(trx, event));
      }
    }
    expect([await listRows(db), await historyRows(db)]).toEqual(before);
  });
}

describe('Opportunity list and forecast history on SQLite', () => {
  describeDealReadModels(() => sqliteDb('opps'));
});

await describeWithPostgres('Opportunity list and forecast history on PostgreSQL', (url) => {
  describeDealReadModels(() => postgresDb(url, 'opps'));
});
