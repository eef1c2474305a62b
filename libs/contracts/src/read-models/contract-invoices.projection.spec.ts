import { describeWithPostgres } from '#ltc/testing';
import type { ReadModelDb } from '#ltc/projections';
import {
  accept,
  credit,
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
} from '../../test/contract-decider.support.js';
import { cashAging, daysOverdue } from './cash-aging.queries.js';
import { contractInvoicesDb, contractInvoicesProjection } from './contract-invoices.projection.js';
import { ContractHistory, postgresDb, runnerFor, sqliteDb, type TestDb } from './test/contract-history.js';

const projections = [contractInvoicesProjection];

/** c1: a 300 000 invoice due 14 August, 100 000 paid and flagged overdue; c2: 600 000 invoiced, 50 000 credited, due too. */
async function seed(history: ContractHistory): Promise<void> {
  const delivered = [
    sign(NET_30),
    schedule,
    hold,
    po('po-1', 600_000),
    deliver('po-1', 600_000),
    accept('po-1', 600_000),
  ];
  await history.decide(
    'acme',
    'c1',
    { ...draft, dealId: 'c1' },
    ...delivered,
    invoice('inv-1', 300_000),
    pay('inv-1', 100_000),
    overdue(new Date('2026-09-01T10:00:00Z'), 'inv-1'),
  );
  await history.decide(
    'acme',
    'c2',
    { ...draft, dealId: 'c2' },
    ...delivered,
    invoice('inv-1', 600_000),
    credit('inv-1', 50_000),
  );
  await history.decide('globex', 'c1', { ...draft, dealId: 'c1' }, ...delivered, invoice('inv-1', 600_000));
}

const rows = (db: ReadModelDb) =>
  contractInvoicesDb(db)
    .selectFrom('contract_invoices')
    .selectAll()
    .orderBy('tenant_id')
    .orderBy('contract_id')
    .orderBy('invoice_id')
    .execute();

function describeInvoices(open: () => Promise<TestDb>): void {
  let testDb: TestDb;
  let history: ContractHistory;
  let runner: ReturnType<typeof runnerFor>;

  beforeEach(async () => {
    testDb = await open();
    history = new ContractHistory();
    await seed(history);
    runner = runnerFor(history, testDb.handle, projections);
    await runner.start();
    await runner.waitFor(contractInvoicesProjection.name, history.head);
  });
  afterEach(async () => {
    await runner.stop();
    await history.store.close();
    await testDb.dispose();
  });

  it('keeps one row per invoice with what is paid, credited and open', async () => {
    const all = await rows(testDb.handle.db);
    expect(all.map((r) => [r.tenant_id, r.contract_id, Number(r.open_minor), r.flagged_overdue, r.due_on])).toEqual([
      ['acme', 'c1', 200_000, 1, '2026-08-14'],
      ['acme', 'c2', 550_000, 0, '2026-08-14'],
      ['globex', 'c1', 600_000, 0, '2026-08-14'],
    ]);
  });

  it('ages open invoices per AR and currency from the clock, with days sales outstanding', async () => {
    const now = new Date('2026-09-20T12:00:00Z');
    const aging = await cashAging(testDb.handle.db, 'acme', { kind: 'tenant' }, now);
    expect(aging.lines).toEqual([
      {
        ar: 'ann-ar',
        currency: 'EUR',
        openInvoices: 2,
        openMinor: 750_000,
        buckets: { currentMinor: 0, days1To30Minor: 0, days31To60Minor: 750_000, days61To90Minor: 0, over90Minor: 0 },
        // 750 000 open of 850 000 invoiced (less credit) in the last 90 days.
        daysSalesOutstanding: 79.4,
      },
    ]);
    const early = await cashAging(
      testDb.handle.db,
      'acme',
      { kind: 'member', personId: 'ann-ar' },
      new Date('2026-08-01'),
    );
    expect(early.lines[0]?.buckets.currentMinor).toBe(750_000);
    expect((await cashAging(testDb.handle.db, 'acme', { kind: 'member', personId: 'otto' }, now)).lines).toEqual([]);
  });

  it('rebuilds to exactly the rows it built incrementally', async () => {
    const before = await rows(testDb.handle.db);
    await runner.rebuild(contractInvoicesProjection.name);
    await runner.waitFor(contractInvoicesProjection.name, history.head);
    expect(await rows(testDb.handle.db)).toEqual(before);
  });
}

describe('days overdue', () => {
  it('is 0 before the due moment, 1 from it (when dunning flags the invoice), then counts started days', () => {
    const due = '2026-08-14T23:59:59.999Z';
    expect(daysOverdue(due, new Date('2026-08-14T23:59:59.998Z'))).toBe(0);
    expect(daysOverdue(due, new Date(due))).toBe(1);
    expect(daysOverdue(due, new Date('2026-08-15T00:00:00Z'))).toBe(1);
    expect(daysOverdue(due, new Date('2026-09-13T23:59:59.999Z'))).toBe(30);
    expect(daysOverdue(due, new Date('2026-09-14T00:00:00Z'))).toBe(31);
  });
});

describe('Contract invoices on SQLite', () => {
  describeInvoices(() => sqliteDb('invoices'));
});

await describeWithPostgres('Contract invoices on PostgreSQL', (url) => {
  describeInvoices(() => postgresDb(url, 'invoices'));
});
