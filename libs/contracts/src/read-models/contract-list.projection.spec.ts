import { describeWithPostgres } from '#ltc/testing';
import type { ReadModelDb } from '#ltc/projections';
import {
  accept,
  deliver,
  draft,
  hold,
  invoice,
  NET_30,
  overdue,
  pay,
  po,
  schedule,
  sign,
  VALUE,
} from '../../test/contract-decider.support.js';
import { figuresOf } from '../domain/contract-balance.js';
import { contractListProjection } from './contract-list.projection.js';
import { overdueMinorOf } from './contract-list.fold.js';
import { contractListDb } from './contract-list.table.js';
import { frWorkload } from './fr-workload.queries.js';
import { ContractHistory, postgresDb, runnerFor, sqliteDb, type TestDb } from './test/contract-history.js';

const projections = [contractListProjection];
const LATE = new Date('2026-09-01T10:00:00Z');

/** acme: c1 in delivery with an overdue invoice part paid, c2 closed in full; globex: c1 only drafted. */
async function seed(history: ContractHistory): Promise<void> {
  await history.openDeal('acme', 'c1');
  await history.openDeal('acme', 'c2', { name: 'Fleet Two', lead: null });
  await history.decide(
    'acme',
    'c1',
    { ...draft, dealId: 'c1' },
    sign(NET_30),
    schedule,
    hold,
    po('po-1', 600_000),
    po('po-2', 300_000),
    deliver('po-1', 400_000),
    accept('po-1', 300_000),
    invoice('inv-1', 300_000),
    pay('inv-1', 100_000),
    overdue(LATE, 'inv-1'),
  );
  await history.decide(
    'acme',
    'c2',
    { ...draft, dealId: 'c2' },
    sign(NET_30),
    schedule,
    hold,
    po('po-1', VALUE),
    deliver('po-1', VALUE),
    accept('po-1', VALUE),
    invoice('inv-1', VALUE),
    pay('inv-1', VALUE),
  );
  await history.decide('globex', 'c1', { ...draft, dealId: 'c1' });
  await history.renameDeal('acme', 'c2', 'Fleet Two, phase one');
}

const listRows = (db: ReadModelDb) =>
  contractListDb(db).selectFrom('contract_list').selectAll().orderBy('tenant_id').orderBy('contract_id').execute();
const dealRows = (db: ReadModelDb) =>
  contractListDb(db).selectFrom('contract_deal').selectAll().orderBy('tenant_id').orderBy('deal_id').execute();

function describeContractList(open: () => Promise<TestDb>): void {
  let testDb: TestDb;
  let history: ContractHistory;
  let runner: ReturnType<typeof runnerFor>;

  beforeEach(async () => {
    testDb = await open();
    history = new ContractHistory();
    await seed(history);
    runner = runnerFor(history, testDb.handle, projections);
    await runner.start();
    await runner.waitFor(contractListProjection.name, history.head);
  });
  afterEach(async () => {
    await runner.stop();
    await history.store.close();
    await testDb.dispose();
  });

  it('keeps one row per contract with its deal, seats, status and dates, each tenant apart', async () => {
    const rows = await listRows(testDb.handle.db);
    expect(rows.map((r) => [r.tenant_id, r.contract_id, r.status])).toEqual([
      ['acme', 'c1', 'handed_over'],
      ['acme', 'c2', 'closed'],
      ['globex', 'c1', 'draft'],
    ]);
    const [inDelivery, closed, drafted] = rows;
    expect(inDelivery).toMatchObject({
      deal_id: 'c1',
      name: 'Fleet c1',
      account: 'Nordic Freight AB',
      pipeline_id: 'default',
      source: 'webinar',
      currency: 'EUR',
      ar_id: 'ann-ar',
      sr_id: 'sam-sr',
      fr_id: 'fay-fr',
      sponsor_id: 'max-manager',
      signed_on: '2026-07-01',
      handed_over_at: '2026-07-01T10:00:00.000Z',
      closed_at: null,
    });
    expect(closed).toMatchObject({ name: 'Fleet Two, phase one', source: null, closed_at: '2026-07-01T10:00:00.000Z' });
    // A contract whose deal this read model never saw still lists, under its id.
    expect(drafted).toMatchObject({ name: 'Contract c1', account: null, signed_on: null });
  });

  it('shows the figures of a direct fold of the contract events', async () => {
    const rows = await listRows(testDb.handle.db);
    for (const row of rows) {
      const state = history.stateOf(row.tenant_id, row.contract_id);
      if (state.status === 'none') throw new Error('no contract');
      const f = figuresOf(state);
      expect(
        [
          row.value_minor,
          row.ordered_minor,
          row.delivered_minor,
          row.accepted_minor,
          row.invoiced_minor,
          row.paid_minor,
          row.outstanding_minor,
          row.overdue_minor,
        ].map(Number),
      ).toEqual([
        f.contractedMinor,
        f.orderedMinor,
        f.deliveredMinor,
        f.acceptedMinor,
        f.invoicedMinor,
        f.paidMinor,
        f.outstandingMinor,
        overdueMinorOf(state),
      ]);
    }
    expect(Number(rows[0]?.ordered_minor)).toBe(900_000);
    expect(Number(rows[0]?.overdue_minor)).toBe(200_000);
    expect(Number(rows[1]?.paid_minor)).toBe(VALUE);
  });

  it('gives the FR the contracts they lead, their orders in delivery and the acceptances they wait for', async () => {
    const workload = await frWorkload(testDb.handle.db, 'acme', 'fay-fr');
    // c2 is closed: no longer theirs to lead.
    expect(workload.contracts.map((c) => c.id)).toEqual(['c1']);
    expect(workload.ordersInDelivery.map((o) => [o.purchaseOrderId, o.deliveredMinor, o.valueMinor])).toEqual([
      ['po-1', 400_000, 600_000],
      ['po-2', 0, 300_000],
    ]);
    expect(workload.acceptancesWaiting.map((o) => [o.purchaseOrderId, o.awaitingAcceptanceMinor])).toEqual([
      ['po-1', 100_000],
    ]);
    expect((await frWorkload(testDb.handle.db, 'acme', 'sam-sr')).contracts).toEqual([]);
  });

  it('rebuilds to exactly the rows it built incrementally', async () => {
    const before = [await listRows(testDb.handle.db), await dealRows(testDb.handle.db)];
    await runner.rebuild(contractListProjection.name);
    await runner.waitFor(contractListProjection.name, history.head);
    expect([await listRows(testDb.handle.db), await dealRows(testDb.handle.db)]).toEqual(before);
  });
}

describe('Contract list on SQLite', () => {
  describeContractList(() => sqliteDb('contracts'));
});

await describeWithPostgres('Contract list on PostgreSQL', (url) => {
  describeContractList(() => postgresDb(url, 'contracts'));
});
