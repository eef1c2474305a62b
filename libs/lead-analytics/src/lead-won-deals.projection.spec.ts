import { InMemoryEventStore } from '#ltc/event-store';
import { ProjectionRunner } from '#ltc/projections';
import type { OpportunityOpened, OpportunityReopened, OpportunityWon } from '#ltc/opportunities/events';
import { describeWithPostgres } from '#ltc/testing';
import { conversionBySource } from './conversion-by-source.queries.js';
import { leadFunnelProjection } from './lead-funnel.projection.js';
import { leadWonDealsDb, leadWonDealsProjection } from './lead-won-deals.projection.js';
import { eventMetadata } from '../../leads/src/test/event-metadata.js';
import {
  LeadHistory,
  at,
  postgresDb,
  replayOneByOne,
  sqliteDb,
  type TestDb,
} from '../../leads/src/test/read-model-world.js';

const EVER = { from: null, before: null };
const MARCH = { from: '2026-03-01T00:00:00.000Z', before: '2026-04-01T00:00:00.000Z' };

const opened = (dealId: string, leadId: string | null, source: string | null): OpportunityOpened => ({
  type: 'OpportunityOpened',
  data: {
    opportunityId: dealId,
    origin: leadId === null ? 'direct' : 'lead_conversion',
    lead: leadId === null ? null : { leadId, source, contactPerson: null, tags: [], score: null },
    name: dealId,
    account: null,
    amount: null,
    closeDate: null,
    productsOfInterest: [],
    owner: 'ana',
    team: null,
    region: null,
    pipelineId: 'default',
    pipelineVersion: 0,
    stageId: 'qualify',
    probabilityBp: 1000,
    forecastCategory: 'pipeline',
    actor: 'ana',
    at: at('12:00:00'),
  },
});

const won = (dealId: string, amountMinor: number, currency: string): OpportunityWon => ({
  type: 'OpportunityWon',
  data: {
    opportunityId: dealId,
    actor: 'ana',
    reason: null,
    at: at('13:00:00'),
    quoteVersion: 1,
    amount: { amountMinor, currency },
    stageId: 'won',
    previousStageId: 'negotiate',
    pipelineVersion: 0,
  },
});

const reopened = (dealId: string): OpportunityReopened => ({
  type: 'OpportunityReopened',
  data: {
    opportunityId: dealId,
    actor: 'max',
    reason: 'signature missing',
    at: at('14:00:00'),
    stageId: 'negotiate',
    probabilityBp: 7500,
    forecastCategory: 'commit',
  },
});

/**
 * w1 and w2 (website) are won in two currencies, never summed together; r1's win is undone
 * by a reopening; a4 (website, captured in April) is won; a direct deal has no lead; globex apart.
 */
async function seed(h: LeadHistory): Promise<void> {
  for (const [leadId, source] of [
    ['w1', 'website'],
    ['w2', 'website'],
    ['r1', 'referral_customer'],
  ] as const) {
    await h.append('acme', h.captured(leadId, source, at('09:00:00')), h.converted(leadId, at('11:00:00')));
  }
  await h.append('acme', h.captured('a4', 'website', '2026-04-02T09:00:00.000Z'));
  await h.append('globex', h.captured('g1', 'website', at('09:00:00')));
  const deal = async (tenantId: string, ...events: (OpportunityOpened | OpportunityWon | OpportunityReopened)[]) => {
    const result = await h.store.appendToStream(
      `opportunity-${events[0]?.data.opportunityId ?? 'none'}`,
      events.map((event) => ({ type: event.type, data: event.data, metadata: eventMetadata(tenantId) })),
    );
    h.head = result.position;
  };
  await deal('acme', opened('deal-w1', 'w1', 'website'), won('deal-w1', 1000_00, 'EUR'));
  await deal('acme', opened('deal-w2', 'w2', 'website'), won('deal-w2', 500_00, 'USD'));
  await deal('acme', opened('deal-r1', 'r1', 'referral_customer'), won('deal-r1', 200_00, 'EUR'), reopened('deal-r1'));
  await deal('acme', opened('deal-a4', 'a4', 'website'), won('deal-a4', 300_00, 'EUR'));
  await deal('acme', opened('deal-x', null, null), won('deal-x', 999_00, 'EUR'));
  await deal('globex', opened('deal-g1', 'g1', 'website'), won('deal-g1', 50_00, 'EUR'));
}

function suite(open: () => Promise<TestDb>): void {
  let db: TestDb;
  let store: InMemoryEventStore;
  let runner: ProjectionRunner;

  beforeEach(async () => {
    db = await open();
    store = new InMemoryEventStore();
    const history = new LeadHistory(store);
    await seed(history);
    runner = new ProjectionRunner({
      store,
      db: db.handle.db,
      projections: [leadFunnelProjection, leadWonDealsProjection],
      batchSize: 3,
    });
    await runner.start();
    await runner.waitFor('lead_funnel', history.head);
    await runner.waitFor('lead_won_deals', history.head);
  });
  afterEach(async () => {
    await runner.stop();
    await store.close();
    await db.dispose();
  });

  const rows = () =>
    leadWonDealsDb(db.handle.db)
      .selectFrom('lead_won_deals')
      .selectAll()
      .orderBy('tenant_id')
      .orderBy('opportunity_id')
      .execute();

  it('adds won deals and won value per currency to conversion by source, a reopened deal no longer won', async () => {
    const report = await conversionBySource(db.handle.db, 'acme', EVER);
    expect(report.sources.map((s) => [s.source, s.converted, s.wonDeals, s.wonValue])).toEqual([
      ['referral_customer', 1, 0, []],
      [
        'website',
        2,
        3,
        [
          { amountMinor: 1300_00, currency: 'EUR' },
          { amountMinor: 500_00, currency: 'USD' },
        ],
      ],
    ]);
    expect(report.average).toMatchObject({
      wonDeals: 3,
      wonValue: [
        { amountMinor: 1300_00, currency: 'EUR' },
        { amountMinor: 500_00, currency: 'USD' },
      ],
    });
    const march = await conversionBySource(db.handle.db, 'acme', MARCH);
    expect(march.sources.find((s) => s.source === 'website')).toMatchObject({
      wonDeals: 2,
      wonValue: [
        { amountMinor: 1000_00, currency: 'EUR' },
        { amountMinor: 500_00, currency: 'USD' },
      ],
    });
    const globex = await conversionBySource(db.handle.db, 'globex', EVER);
    expect(globex.average).toMatchObject({ wonDeals: 1, wonValue: [{ amountMinor: 50_00, currency: 'EUR' }] });
  });

  it('rebuilds to exactly the same rows, and apply one event at a time agrees with the batches', async () => {
    const before = await rows();
    expect(before).toHaveLength(5);
    await runner.rebuild('lead_won_deals');
    await runner.waitFor('lead_won_deals', (await store.readAll()).at(-1)?.position ?? 0n);
    expect(await rows()).toEqual(before);
    await runner.stop();
    await replayOneByOne(store, db.handle.db, leadWonDealsProjection);
    expect(await rows()).toEqual(before);
  });
}

describe('Won deals by lead source on SQLite', () => {
  suite(() => sqliteDb('won-deals'));
});

await describeWithPostgres('Won deals by lead source on PostgreSQL', (url) => {
  suite(() => postgresDb(url, 'wondeals'));
});
