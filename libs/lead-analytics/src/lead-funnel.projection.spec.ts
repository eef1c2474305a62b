import { InMemoryEventStore } from '#ltc/event-store';
import type { ProjectionRunner } from '#ltc/projections';
import { describeWithPostgres } from '#ltc/testing';
import { conversionBySource } from './conversion-by-source.queries.js';
import { leadFunnelDb, leadFunnelProjection } from './lead-funnel.projection.js';
import { leadWonDealsProjection } from './lead-won-deals.projection.js';
import {
  LeadHistory,
  at,
  postgresDb,
  replayOneByOne,
  runnerFor,
  sqliteDb,
  type TestDb,
} from '../../leads/src/test/read-model-world.js';

const APRIL = (time: string): string => `2026-04-01T${time}.000Z`;
const EVER = { from: null, before: null };

/**
 * Website and referral leads convert; bought-list leads are mostly disqualified (the pattern of
 * docs/domain.md › Leads › Conversion).
 */
async function seed(history: LeadHistory): Promise<void> {
  const h = history;
  await h.append(
    'acme',
    h.captured('w1', 'website', at('09:00:00')),
    h.qualified('w1', at('10:00:00')),
    h.converted('w1', at('11:00:00')),
  );
  await h.append(
    'acme',
    h.captured('w2', 'website', at('09:00:00')),
    h.qualified('w2', at('10:00:00')),
    h.disqualified('w2', 'competitor_chosen', at('11:00:00')),
  );
  await h.append(
    'acme',
    h.captured('w3', 'website', at('09:00:00')),
    h.disqualified('w3', 'no_budget', at('09:30:00')),
  );
  await h.append(
    'acme',
    h.captured('w4', 'website', APRIL('09:00:00')),
    h.qualified('w4', APRIL('10:00:00')),
    h.converted('w4', APRIL('11:00:00')),
  );
  await h.append(
    'acme',
    h.captured('r1', 'referral_customer', at('09:00:00')),
    h.qualified('r1', at('09:10:00')),
    h.converted('r1', at('09:20:00')),
  );
  await h.append(
    'acme',
    h.captured('l1', 'lead_list', at('09:00:00')),
    h.disqualified('l1', 'no_budget', at('09:05:00')),
  );
  await h.append('acme', h.captured('l2', 'lead_list', at('09:00:00')), h.disqualified('l2', 'spam', at('09:05:00')));
  await h.append('acme', h.captured('l3', 'lead_list', at('09:00:00')));
  await h.append(
    'acme',
    h.captured('l4', 'lead_list', at('09:00:00')),
    h.disqualified('l4', 'no_budget', at('09:06:00')),
  );
  // Repeats change nothing: the first capture and the first time of each outcome stay.
  await h.append('acme', h.captured('w1', 'event', at('12:00:00')), h.converted('w1', at('12:30:00')));
  await h.append('acme', h.qualified('ghost', at('09:00:00')));
  await h.append('globex', h.captured('g1', 'website', at('09:00:00')), h.qualified('g1', at('09:10:00')));
}

function suite(open: () => Promise<TestDb>): void {
  let db: TestDb;
  let store: InMemoryEventStore;
  let runner: ProjectionRunner;
  let history: LeadHistory;

  beforeEach(async () => {
    db = await open();
    // The report also reads the won deals of the leads (none here; see lead-won-deals.projection.spec.ts).
    await leadWonDealsProjection.setup(db.handle.db);
    store = new InMemoryEventStore();
    history = new LeadHistory(store);
    runner = runnerFor(store, db.handle.db, leadFunnelProjection);
    await seed(history);
    await runner.start();
    await runner.waitFor('lead_funnel', history.head);
  });
  afterEach(async () => {
    await runner.stop();
    await store.close();
    await db.dispose();
  });

  const rows = () =>
    leadFunnelDb(db.handle.db).selectFrom('lead_funnel').selectAll().orderBy('tenant_id').orderBy('lead_id').execute();

  it('keeps one row per lead with its capture source and the first time of each outcome', async () => {
    const all = await rows();
    expect(all).toHaveLength(10);
    expect(all.find((row) => row.lead_id === 'w1')).toEqual({
      tenant_id: 'acme',
      lead_id: 'w1',
      source: 'website',
      captured_at: at('09:00:00'),
      qualified_at: at('10:00:00'),
      converted_at: at('11:00:00'),
      disqualified_at: null,
      disqualify_reason: null,
      tier: null,
      first_method: null,
      first_assigned_at: null,
      first_contact_at: null,
      attempts: 0,
    });
    expect(all.find((row) => row.lead_id === 'w2')).toMatchObject({
      qualified_at: at('10:00:00'),
      converted_at: null,
      disqualified_at: at('11:00:00'),
      disqualify_reason: 'competitor_chosen',
    });
    expect(all.find((row) => row.lead_id === 'ghost')).toBeUndefined();
  });

  it('ranks sources by conversion with rates, top reasons and the pooled tenant average', async () => {
    const report = await conversionBySource(db.handle.db, 'acme', EVER);
    expect(report.sources).toEqual([
      {
        rank: 1,
        source: 'referral_customer',
        captured: 1,
        qualified: 1,
        converted: 1,
        disqualified: 0,
        open: 0,
        conversionRate: 1,
        qualificationRate: 1,
        wonDeals: 0,
        wonValue: [],
        topDisqualifyReasons: [],
      },
      {
        rank: 2,
        source: 'website',
        captured: 4,
        qualified: 3,
        converted: 2,
        disqualified: 2,
        open: 0,
        conversionRate: 0.5,
        qualificationRate: 0.75,
        wonDeals: 0,
        wonValue: [],
        topDisqualifyReasons: [
          { reasonCode: 'competitor_chosen', count: 1 },
          { reasonCode: 'no_budget', count: 1 },
        ],
      },
      {
        rank: 3,
        source: 'lead_list',
        captured: 4,
        qualified: 0,
        converted: 0,
        disqualified: 3,
        open: 1,
        conversionRate: 0,
        qualificationRate: 0,
        wonDeals: 0,
        wonValue: [],
        topDisqualifyReasons: [
          { reasonCode: 'no_budget', count: 2 },
          { reasonCode: 'spam', count: 1 },
        ],
      },
    ]);
    expect(report.average).toEqual({
      captured: 9,
      qualified: 4,
      converted: 3,
      disqualified: 5,
      open: 1,
      conversionRate: 3 / 9,
      qualificationRate: 4 / 9,
      wonDeals: 0,
      wonValue: [],
    });
  });

  it('counts each lead in its capture cohort: a window of capture dates, outcomes whenever they came', async () => {
    const march = await conversionBySource(db.handle.db, 'acme', {
      from: '2026-03-01T00:00:00.000Z',
      before: '2026-04-01T00:00:00.000Z',
    });
    expect(march.sources.find((s) => s.source === 'website')).toMatchObject({
      captured: 3,
      qualified: 2,
      converted: 1,
    });
    expect(march.average.captured).toBe(8);
    const april = await conversionBySource(db.handle.db, 'acme', { from: APRIL('00:00:00'), before: null });
    expect(april.sources.map((s) => [s.source, s.captured, s.converted])).toEqual([['website', 1, 1]]);
  });

  it('keeps tenants apart', async () => {
    const globex = await conversionBySource(db.handle.db, 'globex', EVER);
    expect(globex.sources.map((s) => [s.source, s.captured, s.qualified, s.converted])).toEqual([['website', 1, 1, 0]]);
    expect((await conversionBySource(db.handle.db, 'initech', EVER)).average.conversionRate).toBeNull();
  });

  it('rebuilds to exactly the same rows, and apply one event at a time agrees with the batches', async () => {
    const before = await rows();
    await runner.rebuild('lead_funnel');
    await runner.waitFor('lead_funnel', history.head);
    expect(await rows()).toEqual(before);
    await runner.stop();
    await replayOneByOne(store, db.handle.db, leadFunnelProjection);
    expect(await rows()).toEqual(before);
  });
}

describe('Lead funnel read model on SQLite', () => {
  suite(() => sqliteDb('lead-funnel'));
});

await describeWithPostgres('Lead funnel read model on PostgreSQL', (url) => {
  suite(() => postgresDb(url, 'leadfunnel'));
});
