import type { ProjectionRunner } from '#ltc/projections';
import { describeWithPostgres } from '#ltc/testing';
import { opportunityPipelinesProjection } from '../../pipelines/opportunity-pipelines.projection.js';
import { opportunityTriangleProjection } from '../projections/opportunity-triangle.projection.js';
import { stagePeriodsProjection } from '../projections/stage-periods.projection.js';
import { stageVelocityReport, triangleScorecardReport, winRateReport } from './triangle-analytics.queries.js';
import { DealHistory, at, postgresDb, sqliteDb, type TestDb } from '../test/deal-history.js';
import {
  handoffAccepted,
  handoffOverdue,
  handoffRequested,
  lost,
  opened,
  reopened,
  stageChanged,
  triangleFormed,
  won,
} from '../test/deal-events.js';
import { triangleReadsDb } from '../projections/triangle-reads.tables.js';

const day = (n: number, time = '09:00:00') => at(time, n);

/**
 * Whole days, so every median is exact. d1 (website, team north, ana→sam by handoff in
 * develop_solution) is won on day 7; d2 (website, south) is lost for price; d3 (referral,
 * north) is lost to a competitor and reopened, with a handoff to fay overdue; d4 (direct, in
 * no team) stays in qualify. globex is apart.
 */
async function seed(h: DealHistory): Promise<void> {
  await h.append(
    'acme',
    opened('d1', 'ana', day(0), 'website', 'default', 'north'),
    triangleFormed('d1', { ar: 'ana', sr: 'sam', fr: 'fay', sponsor: 'max' }, day(0, '09:30:00')),
    stageChanged('d1', 'qualify', 'develop_solution', day(1)),
    handoffRequested('d1', 'h1', 'ana', 'sam', day(2), day(3), day(4)),
    handoffAccepted('d1', 'h1', 'ana', 'sam', day(3), 86_400),
    stageChanged('d1', 'develop_solution', 'bid', day(4)),
    stageChanged('d1', 'bid', 'negotiate', day(6)),
    won('d1', 'negotiate', day(7)),
  );
  await h.append(
    'acme',
    opened('d2', 'bo', day(0), 'website', 'default', 'south'),
    triangleFormed('d2', { ar: 'bo', sr: 'sam' }, day(0, '09:30:00')),
    stageChanged('d2', 'qualify', 'develop_solution', day(2)),
    lost('d2', 'develop_solution', 'price', day(3)),
  );
  await h.append(
    'acme',
    opened('d3', 'ana', day(0), 'referral', 'default', 'north'),
    triangleFormed('d3', { ar: 'ana', sr: 'sam', fr: 'fay', sponsor: 'max' }, day(0, '09:30:00')),
    stageChanged('d3', 'qualify', 'develop_solution', day(4)),
    lost('d3', 'develop_solution', 'competitor', day(5)),
    reopened('d3', 'develop_solution', day(6)),
    handoffRequested('d3', 'h2', 'ana', 'fay', day(6, '10:00:00'), day(7), day(8)),
    handoffOverdue('d3', 'h2', 'fay', 'max', day(7), day(7)),
  );
  await h.append('acme', opened('d4', 'ana', day(0), null));
  await h.append('globex', opened('g1', 'ana', day(0)), stageChanged('g1', 'qualify', 'develop_solution', day(9)));
}

const PROJECTIONS = [opportunityPipelinesProjection, opportunityTriangleProjection, stagePeriodsProjection];

function suite(open: () => Promise<TestDb>): void {
  let db: TestDb;
  let history: DealHistory;
  let runner: ProjectionRunner;

  beforeEach(async () => {
    db = await open();
    history = new DealHistory();
    await seed(history);
    runner = await history.runner(db.handle, PROJECTIONS);
  });
  afterEach(async () => {
    await runner.stop();
    await history.store.close();
    await db.dispose();
  });

  const periods = () =>
    triangleReadsDb(db.handle.db)
      .selectFrom('opportunity_stage_periods')
      .selectAll()
      .orderBy('tenant_id')
      .orderBy('opportunity_id')
      .orderBy('segment_no')
      .execute();

  it('splits a stay in a stage at each accepted handoff, and starts a new stay at each stage entered', async () => {
    const d1 = (await periods())
      .filter((row) => row.opportunity_id === 'd1')
      .map((row) => [
        Number(row.segment_no),
        Number(row.visit_no),
        row.stage_id,
        row.leader_id,
        row.entered_at,
        row.left_at,
      ]);
    expect(d1).toEqual([
      [1, 1, 'qualify', 'ana', day(0), day(1)],
      [2, 2, 'develop_solution', 'ana', day(1), day(3)],
      [3, 2, 'develop_solution', 'sam', day(3), day(4)],
      [4, 3, 'bid', 'sam', day(4), day(6)],
      [5, 4, 'negotiate', 'sam', day(6), day(7)],
      [6, 5, 'won', 'sam', day(7), null],
    ]);
  });

  it('reports days per stage (median and p90, nearest rank), conversion to the next stage and outcomes by source', async () => {
    const report = await stageVelocityReport(db.handle.db, 'acme', 'default');
    expect(report.stages.map((s) => [s.stageId, s.deals, s.completedVisits, s.medianDays, s.p90Days])).toEqual([
      ['qualify', 4, 3, 2, 4],
      ['develop_solution', 3, 3, 1, 3],
      ['bid', 1, 1, 2, 2],
      ['negotiate', 1, 1, 1, 1],
      ['won', 1, 0, null, null],
      ['lost', 2, 1, 1, 1],
    ]);
    expect(report.stages.map((s) => [s.stageId, s.nextStageId, s.convertedToNext, s.conversionRate])).toEqual([
      ['qualify', 'develop_solution', 3, 0.75],
      ['develop_solution', 'bid', 1, 1 / 3],
      ['bid', 'negotiate', 1, 1],
      ['negotiate', 'won', 1, 1],
      ['won', null, 0, null],
      ['lost', null, 0, null],
    ]);
    expect(report.bySource).toEqual([
      { source: 'referral', deals: 1, open: 1, won: 0, lost: 0, winRate: null, lossReasons: [] },
      {
        source: 'website',
        deals: 2,
        open: 0,
        won: 1,
        lost: 1,
        winRate: 0.5,
        lossReasons: [{ reasonCode: 'price', count: 1 }],
      },
      { source: null, deals: 1, open: 1, won: 0, lost: 0, winRate: null, lossReasons: [] },
    ]);
    expect((await stageVelocityReport(db.handle.db, 'acme', 'renewals')).stages).toEqual([]);
    expect((await stageVelocityReport(db.handle.db, 'globex', 'default')).stages[0]).toMatchObject({
      deals: 1,
      completedVisits: 1,
      medianDays: 9,
    });
  });

  it('reports win rate and loss reasons per team and per AR, over one pipeline or all', async () => {
    const none = { open: 1, won: 0, lost: 0, winRate: null, lossReasons: [] };
    expect(await winRateReport(db.handle.db, 'acme', undefined, 'team')).toEqual([
      { key: 'north', deals: 2, open: 1, won: 1, lost: 0, winRate: 1, lossReasons: [] },
      {
        key: 'south',
        deals: 1,
        open: 0,
        won: 0,
        lost: 1,
        winRate: 0,
        lossReasons: [{ reasonCode: 'price', count: 1 }],
      },
      { key: null, deals: 1, ...none },
    ]);
    expect(await winRateReport(db.handle.db, 'acme', 'default', 'ar')).toEqual([
      { key: 'ana', deals: 3, open: 2, won: 1, lost: 0, winRate: 1, lossReasons: [] },
      { key: 'bo', deals: 1, open: 0, won: 0, lost: 1, winRate: 0, lossReasons: [{ reasonCode: 'price', count: 1 }] },
    ]);
    expect(await winRateReport(db.handle.db, 'acme', 'renewals', 'source')).toEqual([]);
  });

  it("reports the stages per team over the team's deals alone, and none without a grouping", async () => {
    expect((await stageVelocityReport(db.handle.db, 'acme', 'default')).groups).toBeUndefined();
    const report = await stageVelocityReport(db.handle.db, 'acme', 'default', 'team');
    expect(report.groups?.map((g) => [g.key, g.deals])).toEqual([
      ['north', 2],
      ['south', 1],
      [null, 1],
    ]);
    const north = report.groups?.[0]?.stages ?? [];
    expect(
      north.map((s) => [
        s.stageId,
        s.deals,
        s.completedVisits,
        s.medianDays,
        s.p90Days,
        s.convertedToNext,
        s.conversionRate,
      ]),
    ).toEqual([
      ['qualify', 2, 2, 1, 4, 2, 1],
      ['develop_solution', 2, 2, 1, 3, 1, 0.5],
      ['bid', 1, 1, 2, 2, 1, 1],
      ['negotiate', 1, 1, 1, 1, 1, 1],
      ['won', 1, 0, null, null, 0, null],
      ['lost', 1, 1, 1, 1, 0, null],
    ]);
    expect(report.groups?.[2]?.stages[0]).toMatchObject({ stageId: 'qualify', deals: 1, completedVisits: 0 });
  });

  it('scores each triangle and each person in each role', async () => {
    const { triangles, people } = await triangleScorecardReport(db.handle.db, 'acme', undefined);
    const days = (list: { stageId: string; medianDays: number | null }[]) => list.map((s) => [s.stageId, s.medianDays]);
    expect(
      triangles.map((t) => [
        t.ar,
        t.sr,
        t.fr,
        t.deals,
        t.won,
        t.lost,
        t.winRate,
        t.medianHandoffAcceptanceSeconds,
        t.handoffsOverdue,
      ]),
    ).toEqual([
      ['ana', null, null, 1, 0, 0, null, null, 0],
      ['ana', 'sam', 'fay', 2, 1, 0, 1, 86_400, 1],
      ['bo', 'sam', null, 1, 0, 1, 0, null, 0],
    ]);
    expect(days(triangles[1]?.medianDaysPerStage ?? [])).toEqual([
      ['bid', 2],
      ['develop_solution', 1],
      ['lost', 1],
      ['negotiate', 1],
      ['qualify', 1],
    ]);
    expect(
      people.map((p) => [
        p.role,
        p.personId,
        p.deals,
        p.won,
        p.lost,
        p.winRate,
        p.medianHandoffAcceptanceSeconds,
        p.handoffsOverdue,
      ]),
    ).toEqual([
      ['ar', 'ana', 3, 1, 0, 1, null, 0],
      ['ar', 'bo', 1, 0, 1, 0, null, 0],
      ['fr', 'fay', 2, 1, 0, 1, null, 1],
      ['sr', 'sam', 3, 1, 1, 0.5, 86_400, 0],
    ]);
    const byPerson = Object.fromEntries(people.map((p) => [p.personId, days(p.medianDaysPerStage)]));
    expect(byPerson).toEqual({
      ana: [
        ['develop_solution', 1],
        ['lost', 1],
        ['qualify', 1],
      ],
      bo: [
        ['develop_solution', 1],
        ['qualify', 2],
      ],
      fay: [],
      sam: [
        ['bid', 2],
        ['develop_solution', 1],
        ['negotiate', 1],
      ],
    });
  });

  it('rebuilds the stage periods to exactly the same rows, and apply one event at a time agrees', async () => {
    const before = await periods();
    expect(before).toHaveLength(16);
    await runner.rebuild(stagePeriodsProjection.name);
    await runner.waitFor(stagePeriodsProjection.name, history.head);
    expect(await periods()).toEqual(before);
    await runner.stop();
    await history.replayOneByOne(db.handle, stagePeriodsProjection);
    expect(await periods()).toEqual(before);
  });
}

describe('Stage velocity and triangle scorecard on SQLite', () => {
  suite(() => sqliteDb('velocity'));
});

await describeWithPostgres('Stage velocity and triangle scorecard on PostgreSQL', (url) => {
  suite(() => postgresDb(url, 'velocity'));
});
