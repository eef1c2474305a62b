import { InMemoryEventStore, type EventMetadata } from '#ltc/event-store';
import type { ContractEvent } from '#ltc/contracts/events';
import { ProjectionRunner } from '#ltc/projections';
import { describeWithPostgres } from '#ltc/testing';
import { buildInbox } from '../inbox/inbox.js';
import { inboxRows } from '../inbox/inbox.queries.js';
import { at, postgresDb, sqliteDb, type TestDb } from '../test/deal-history.js';
import { invoicesOverdueProjection } from './invoices-overdue.projection.js';
import { opportunityTriangleProjection } from './opportunity-triangle.projection.js';
import { triangleReadsDb } from './triangle-reads.tables.js';

const EUR = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const base = (contractId: string, invoiceId: string, time: string) => ({
  contractId,
  invoiceId,
  actor: 'system',
  at: time,
});
const overdue = (c: string, i: string, open: number, ar: string, time: string): ContractEvent => ({
  type: 'InvoiceOverdue',
  data: { ...base(c, i, time), dueOn: '2026-03-01', open: EUR(open), ar },
});
const reminder = (c: string, i: string, days: number, open: number, time: string): ContractEvent => ({
  type: 'InvoiceReminderDue',
  data: { ...base(c, i, time), daysAfterDue: days, dueOn: '2026-03-01', open: EUR(open), ar: 'ana' },
});
const paid = (c: string, i: string, amount: number, openAfter: number, time: string): ContractEvent => ({
  type: 'PaymentReceived',
  data: {
    ...base(c, i, time),
    paymentId: `p-${time}`,
    amount: EUR(amount),
    receivedOn: '2026-03-09',
    openAfter: EUR(openAfter),
  },
});
const credited = (c: string, i: string, amount: number, time: string): ContractEvent => ({
  type: 'CreditNoteIssued',
  data: {
    ...base(c, i, time),
    creditNoteId: `cn-${time}`,
    amount: EUR(amount),
    reason: 'damaged',
    issuedOn: '2026-03-09',
  },
});

const metadata = (tenantId: string): EventMetadata => ({
  actor: { userId: 'system', role: 'system' },
  correlationId: 'corr',
  causationId: 'cause',
  commandId: `cmd-${Math.random().toString(36).slice(2)}`,
  tenantId,
  schemaVersion: 1,
});

/**
 * c1 (ana): i1 overdue, reminded at 7 days, part paid (still open); i2 overdue then paid in full
 * (gone); i3 overdue then credited to zero (gone). c2 (bo): i4 overdue, part credited. A globex
 * invoice of ana's never shows in acme; a payment on an invoice never overdue adds nothing.
 */
async function seed(store: InMemoryEventStore): Promise<bigint> {
  const append = async (tenantId: string, stream: string, events: ContractEvent[]) =>
    (
      await store.appendToStream(
        stream,
        events.map((e) => ({ ...e, metadata: metadata(tenantId) })),
      )
    ).position;
  await append('acme', 'contract-c1', [
    paid('c1', 'i0', 100_00, 0, at('08:00:00')),
    overdue('c1', 'i1', 1_000_00, 'ana', at('00:00:00', 1)),
    overdue('c1', 'i2', 500_00, 'ana', at('00:00:00', 1)),
    overdue('c1', 'i3', 300_00, 'ana', at('00:00:00', 1)),
    reminder('c1', 'i1', 7, 1_000_00, at('00:00:00', 7)),
    paid('c1', 'i1', 400_00, 600_00, at('09:00:00', 8)),
    paid('c1', 'i2', 500_00, 0, at('09:00:00', 8)),
    credited('c1', 'i3', 300_00, at('09:00:00', 8)),
  ]);
  await append('acme', 'contract-c2', [overdue('c2', 'i4', 800_00, 'bo', at('00:00:00', 1))]);
  await append('acme', 'contract-c2', [credited('c2', 'i4', 1, at('10:00:00', 8))]);
  return append('globex', 'contract-g1', [overdue('g1', 'i9', 50_00, 'ana', at('00:00:00', 1))]);
}

function suite(open: () => Promise<TestDb>): void {
  let db: TestDb;
  let store: InMemoryEventStore;
  let runner: ProjectionRunner;
  let head: bigint;

  beforeAll(async () => {
    db = await open();
    store = new InMemoryEventStore();
    head = await seed(store);
    runner = new ProjectionRunner({
      store,
      db: db.handle.db, // The triangle's tables too: the inbox reads them (empty here).
      projections: [opportunityTriangleProjection, invoicesOverdueProjection],
      batchSize: 3,
    });
    await runner.start();
    await runner.waitFor(invoicesOverdueProjection.name, head);
  });

  afterAll(async () => {
    await runner.stop();
    await db.dispose();
  });

  it('shows each AR the overdue invoices they collect, with what is open, days overdue and the latest reminder', async () => {
    const now = new Date(at('12:00:00', 9));
    const ana = buildInbox('ana', await inboxRows(db.handle.db, 'acme', 'ana'), [], now);
    expect(ana.invoicesOverdue).toEqual([
      {
        contractId: 'c1',
        invoiceId: 'i1',
        currency: 'EUR',
        openMinor: 600_00,
        dueOn: '2026-03-01',
        overdueSince: at('00:00:00', 1),
        daysOverdue: 10,
        lastReminderDays: 7,
      },
    ]);
    const bo = buildInbox('bo', await inboxRows(db.handle.db, 'acme', 'bo'), [], now);
    expect(bo.invoicesOverdue.map((i) => [i.invoiceId, i.openMinor])).toEqual([['i4', 799_99]]);
    const globex = buildInbox('ana', await inboxRows(db.handle.db, 'globex', 'ana'), [], now);
    expect(globex.invoicesOverdue.map((i) => i.invoiceId)).toEqual(['i9']);
  });

  it('counts days overdue from the end of the due date: the day after it is day 1', async () => {
    const rows = await inboxRows(db.handle.db, 'acme', 'bo');
    const days = (time: string, day: number) =>
      buildInbox('bo', rows, [], new Date(at(time, day))).invoicesOverdue[0]?.daysOverdue;
    // at(…, -1) is 1 March, the due date itself.
    expect([days('23:59:59', -1), days('00:00:00', 0), days('23:59:59', 0), days('00:00:00', 1)]).toEqual([0, 1, 1, 2]);
  });

  it('rebuilds to exactly the same rows, and apply one event at a time agrees with the batches', async () => {
    const snapshot = () =>
      triangleReadsDb(db.handle.db)
        .selectFrom('opportunity_invoices_overdue')
        .selectAll()
        .orderBy('tenant_id')
        .orderBy('contract_id')
        .orderBy('invoice_id')
        .execute();
    const before = await snapshot();
    expect(before).toHaveLength(3);
    await runner.rebuild(invoicesOverdueProjection.name);
    await runner.waitFor(invoicesOverdueProjection.name, head);
    expect(await snapshot()).toEqual(before);
    await db.handle.db.transaction().execute((trx) => invoicesOverdueProjection.reset(trx));
    for (const event of await store.readAll({ filter: invoicesOverdueProjection.filter! })) {
      await db.handle.db.transaction().execute((trx) => invoicesOverdueProjection.apply(trx, event));
    }
    expect(await snapshot()).toEqual(before);
  });
}

describe("The AR's overdue invoices on SQLite", () => {
  suite(() => sqliteDb('invoices-overdue'));
});

await describeWithPostgres("The AR's overdue invoices on PostgreSQL", (url) => {
  suite(() => postgresDb(url, 'invoices_overdue'));
});
