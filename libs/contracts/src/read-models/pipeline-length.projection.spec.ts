import { describeWithPostgres } from '#ltc/testing';
import type { ReadModelDb } from '#ltc/projections';
import {
  accept,
  deliver,
  draft,
  hold,
  invoice,
  NET_30,
  pay,
  po,
  schedule,
  sign,
  VALUE,
} from '../../test/contract-decider.support.js';
import { pipelineLengthDb, pipelineLengthProjection } from './pipeline-length.projection.js';
import { percentile, pipelineLength } from './pipeline-length.queries.js';
import { ContractHistory, postgresDb, runnerFor, sqliteDb, type TestDb } from './test/contract-history.js';

const projections = [pipelineLengthProjection];
const LEAD = { source: 'webinar', contactPerson: null, tags: [], score: 70 };

/** Closed in full on 1 July 2026 at 10:00, like every command of the support file. */
const paidInFull = (dealId: string) => [
  { ...draft, dealId },
  sign(NET_30),
  schedule,
  hold,
  po('po-1', VALUE),
  deliver('po-1', VALUE),
  accept('po-1', VALUE),
  invoice('inv-1', VALUE),
  pay('inv-1', VALUE),
];

/**
 * w1 (team north): lead captured 1 June; w2 (north): lead without a capture time, deal opened
 * 21 June; d3 direct, in no team, 11 June; o4 (south) still open.
 */
async function seed(history: ContractHistory): Promise<void> {
  await history.openDeal('acme', 'w1', {
    lead: { ...LEAD, leadId: 'w1', capturedAt: '2026-06-01T10:00:00.000Z' },
    team: 'north',
  });
  await history.openDeal('acme', 'w2', {
    lead: { ...LEAD, leadId: 'w2' },
    at: '2026-06-21T10:00:00.000Z',
    team: 'north',
  });
  await history.openDeal('acme', 'd3', {
    lead: null,
    origin: 'direct',
    pipelineId: 'renewals',
    at: '2026-06-11T10:00:00.000Z',
  });
  await history.openDeal('acme', 'o4', { team: 'south' });
  for (const id of ['w1', 'w2', 'd3']) await history.decide('acme', id, ...paidInFull(id));
  await history.decide('acme', 'o4', { ...draft, dealId: 'o4' });
}

const rows = (db: ReadModelDb) =>
  pipelineLengthDb(db).selectFrom('contract_pipeline_length').selectAll().orderBy('deal_id').execute();

function describePipelineLength(open: () => Promise<TestDb>): void {
  let testDb: TestDb;
  let history: ContractHistory;
  let runner: ReturnType<typeof runnerFor>;

  beforeEach(async () => {
    testDb = await open();
    history = new ContractHistory();
    await seed(history);
    runner = runnerFor(history, testDb.handle, projections);
    await runner.start();
    await runner.waitFor(pipelineLengthProjection.name, history.head);
  });
  afterEach(async () => {
    await runner.stop();
    await history.store.close();
    await testDb.dispose();
  });

  it('starts at the lead capture, or the deal opening when the events do not say, and ends at cash collected', async () => {
    expect(
      (await rows(testDb.handle.db)).map((r) => [r.deal_id, r.team_id, r.started_from, r.cash_collected_at]),
    ).toEqual([
      ['d3', null, 'deal_opened', '2026-07-01T10:00:00.000Z'],
      ['o4', 'south', 'deal_opened', null],
      ['w1', 'north', 'lead_capture', '2026-07-01T10:00:00.000Z'],
      ['w2', 'north', 'deal_opened', '2026-07-01T10:00:00.000Z'],
    ]);
  });

  it('answers median, p90 and count of the days per source, per pipeline and per team', async () => {
    expect(await pipelineLength(testDb.handle.db, 'acme')).toEqual({
      bySource: [
        { key: null, count: 1, medianDays: 20, p90Days: 20 },
        { key: 'webinar', count: 2, medianDays: 10, p90Days: 30 },
      ],
      byPipeline: [
        { key: 'default', count: 2, medianDays: 10, p90Days: 30 },
        { key: 'renewals', count: 1, medianDays: 20, p90Days: 20 },
      ],
      byTeam: [
        { key: null, count: 1, medianDays: 20, p90Days: 20 },
        { key: 'north', count: 2, medianDays: 10, p90Days: 30 },
      ],
    });
    expect((await pipelineLength(testDb.handle.db, 'globex')).bySource).toEqual([]);
  });

  it('rebuilds to exactly the rows it built incrementally', async () => {
    const before = await rows(testDb.handle.db);
    await runner.rebuild(pipelineLengthProjection.name);
    await runner.waitFor(pipelineLengthProjection.name, history.head);
    expect(await rows(testDb.handle.db)).toEqual(before);
  });
}

describe('percentile', () => {
  it('is the nearest rank, so it is always one of the values', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(percentile([], 0.5)).toBe(0);
  });
});

describe('Pipeline length on SQLite', () => {
  describePipelineLength(() => sqliteDb('pipeline-length'));
});

await describeWithPostgres('Pipeline length on PostgreSQL', (url) => {
  describePipelineLength(() => postgresDb(url, 'pipeline_length'));
});
