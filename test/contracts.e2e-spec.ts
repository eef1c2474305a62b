import { ManualClock } from '#ltc/clock';
import {
  WON_TOTAL,
  accept,
  deliver,
  contractWorld,
  deliverAndAccept,
  handOver,
  invoice,
  placeOrder,
  signedContract,
  wonDeal,
  type ContractWorld,
} from './support/contract-world.js';
import { EUR, expectCode } from './support/opportunity-world.js';
import { eventually } from './support/test-app.js';

/**
 * The whole of Lead to Cash over HTTP on the embedded store: a webinar lead converts, its deal is
 * won, the won deal drafts its contract, which is signed and handed over in a meeting; the FR takes
 * the lead of the deal; two purchase orders are delivered and accepted in parts, invoiced and paid
 * in two payments, and the contract closes by itself. The balance, cash aging, pipeline length and
 * the AR's and FR's inboxes and the FR's workload read right at each step. An invoice due a few
 * seconds after it is issued is flagged overdue into the AR's inbox when the clock passes its due moment.
 */

type Row = Record<string, unknown>;
const items = (body: Row, key = 'items') => (body[key] ?? []) as Row[];

describe('Lead to Cash over HTTP', () => {
  let w: ContractWorld;
  let clock: ManualClock;
  beforeAll(async () => {
    clock = new ManualClock('2026-03-02T09:00:00.000Z');
    w = await contractWorld(clock);
  }, 60_000);
  afterAll(async () => w.sales.app.destroy());

  it('a won deal’s contract is signed, handed over, delivered, accepted, invoiced, paid and closes by itself', async () => {
    const { sales, deals, contracts, ingrid, sven, fia, maria } = w;
    const { dealId } = await wonDeal(w);

    // Winning drafted the contract under the deal's id, once, with the winning quote and the triangle.
    const drafted = await contracts.waitForEvent(dealId, 'ContractDrafted');
    expect(drafted).toMatchObject({
      dealId,
      quoteVersion: 1,
      quoteTotal: EUR(WON_TOTAL),
      triangle: { ar: 'ingrid', sr: 'sven', fr: 'fia', sponsor: 'maria' },
    });
    const listed = await contracts.read(ingrid, '/contracts', (b) => items(b).some((c) => c['id'] === dealId));
    expect(items(listed).find((c) => c['id'] === dealId)).toMatchObject({ dealId, status: 'draft' });
    const outsider = await sales.app.token(['ar'], 'olga');
    expect((await sales.app.request('GET', `/contracts/${dealId}`, { token: outsider })).status).toBe(404);

    // Signed, but not handed over yet: no execution. Handed over, the FR is asked to lead the deal and accepts.
    const contractId = await signedContract(w, dealId);
    expectCode(
      await contracts.post(fia, `/contracts/${contractId}/purchase-orders`, {
        reference: 'too early',
        lines: [{ sku: 'TLM-100', description: 'Telematics unit', quantity: 1, unitPrice: EUR(100_000) }],
        orderedOn: '2026-03-02',
      }),
      409,
      'CONTRACT_NOT_HANDED_OVER',
    );
    expect(await contracts.types(contractId)).toEqual(['ContractDrafted', 'ContractSigned']);

    await handOver(w, contractId);
    await contracts.balance(maria, contractId, { contracted: WON_TOTAL, ordered: 0, outstanding: 0 });
    const askedFia = await eventually(async () => {
      const events = await sales.events(`opportunity-${dealId}`);
      return events.find((e) => e.type === 'HandoffRequested' && e.data['to'] === 'fia')?.data;
    }, 15_000);
    expect(askedFia).toMatchObject({ from: 'sven', to: 'fia', phase: 'execution' });
    const fiaHandoff = String(askedFia['handoffId']);
    await deals.inbox(fia, dealId, (v) => v.waiting.includes(fiaHandoff));
    expect((await deals.post(fia, `/opportunities/${dealId}/handoffs/${fiaHandoff}/accept`)).status).toBe(200);
    await deals.detail(maria, dealId, (d) => d['leader'] === 'fia');
    await deals.inbox(fia, dealId, (v) => v.waiting.length === 0);

    // Two purchase orders fill the contract exactly; one unit more is refused and writes nothing.
    const first = await placeOrder(w, contractId, 25, 'Wave 1');
    const second = await placeOrder(w, contractId, 15, 'Wave 2');
    const before = await contracts.types(contractId);
    expectCode(
      await contracts.post(fia, `/contracts/${contractId}/purchase-orders`, {
        reference: 'One more',
        lines: [{ sku: 'TLM-100', description: 'Telematics unit', quantity: 1, unitPrice: EUR(1) }],
        orderedOn: '2026-03-03',
      }),
      409,
      'PURCHASE_ORDERS_EXCEED_CONTRACT',
    );
    expect(await contracts.types(contractId)).toEqual(before);
    await contracts.balance(maria, contractId, { ordered: WON_TOTAL, delivered: 0 });
    const order = (poId: string, valueMinor: number, deliveredMinor: number, awaitingAcceptanceMinor: number) =>
      expect.objectContaining({
        contractId,
        purchaseOrderId: poId,
        valueMinor,
        deliveredMinor,
        awaitingAcceptanceMinor,
      });
    const ordered = await contracts.read(fia, '/me/workload', (b) => items(b, 'ordersInDelivery').length === 2);
    expect(items(ordered, 'contracts').map((c) => c['id'])).toEqual([contractId]);
    expect(items(ordered, 'ordersInDelivery')).toEqual(
      expect.arrayContaining([order(first, 2_500_000, 0, 0), order(second, 1_500_000, 0, 0)]),
    );
    expect(items(ordered, 'acceptancesWaiting')).toEqual([]);

    // A partial delivery waits for the customer, who accepts it; invoiced with a due moment five seconds away.
    await deliver(w, contractId, first, 1_000_000);
    const delivered = await contracts.read(fia, '/me/workload', (b) => items(b, 'acceptancesWaiting').length === 1);
    expect(items(delivered, 'acceptancesWaiting')).toEqual([order(first, 2_500_000, 1_000_000, 1_000_000)]);
    await accept(w, contractId, first, 1_000_000);
    await contracts.read(fia, '/me/workload', (b) => items(b, 'acceptancesWaiting').length === 0);
    await contracts.balance(ingrid, contractId, { delivered: 1_000_000, accepted: 1_000_000, invoiced: 0 });
    expectCode(
      await contracts.post(ingrid, `/contracts/${contractId}/invoices`, {
        amount: EUR(1_000_001),
        issuedOn: '2026-03-05',
      }),
      409,
      'INVOICE_EXCEEDS_INVOICEABLE',
    );
    const early = await invoice(w, contractId, 1_000_000, new Date(clock.now().getTime() + 5_000));
    await contracts.balance(ingrid, contractId, { invoiced: 1_000_000, paid: 0, outstanding: 1_000_000, overdue: 0 });

    // Its due moment passes: overdue, in the AR's inbox, in the aging and the balance.
    await eventually(async () => {
      clock.advance(1_000);
      return (await contracts.types(contractId)).includes('InvoiceOverdue') ? true : undefined;
    }, 20_000);
    expect(await contracts.waitForEvent(contractId, 'InvoiceOverdue')).toMatchObject({ invoiceId: early });
    // The aging counts a day overdue from just after the due moment (the timer flags it at the moment).
    clock.advance(1_000);
    await contracts.read(ingrid, '/me/inbox', (b) =>
      items(b, 'invoicesOverdue').some((i) => i['invoiceId'] === early && i['contractId'] === contractId),
    );
    await contracts.balance(ingrid, contractId, { overdue: 1_000_000 });
    // The AR collects the cash: the overdue invoice is in no other seat's inbox.
    for (const token of [sven, fia]) {
      const other = await contracts.read(token, '/me/inbox');
      expect(items(other, 'invoicesOverdue')).toEqual([]);
    }
    const late = { currentMinor: 0, days1To30Minor: 1_000_000, days31To60Minor: 0, days61To90Minor: 0, over90Minor: 0 };
    const overdueLine = await contracts.agingLine(maria, 'ingrid', (l) => (l?.buckets.days1To30Minor ?? 0) > 0);
    // All that was billed in the last 90 days is open: 90 days of sales outstanding.
    expect(overdueLine).toMatchObject({
      openInvoices: 1,
      openMinor: 1_000_000,
      buckets: late,
      daysSalesOutstanding: 90,
    });

    // The rest delivered and accepted, invoiced on net 30, and two payments: the contract closes by itself.
    await deliverAndAccept(w, contractId, first, 1_500_000);
    await deliverAndAccept(w, contractId, second, 1_500_000);
    await contracts.balance(ingrid, contractId, { delivered: WON_TOTAL, accepted: WON_TOTAL });
    const rest = await invoice(w, contractId, 3_000_000);
    await contracts.balance(ingrid, contractId, { invoiced: WON_TOTAL, outstanding: WON_TOTAL });
    const unpaid = await contracts.types(contractId);
    const overpaid = await contracts.post(ingrid, `/contracts/${contractId}/invoices/${rest}/payments`, {
      amount: EUR(3_000_001),
      receivedOn: '2026-03-20',
    });
    expectCode(overpaid, 409, 'PAYMENT_EXCEEDS_OPEN_AMOUNT');
    expect(await contracts.types(contractId)).toEqual(unpaid);
    await contracts.ok(ingrid, `/contracts/${contractId}/invoices/${early}/payments`, {
      amount: EUR(1_000_000),
      receivedOn: '2026-03-20',
    });
    await contracts.balance(ingrid, contractId, { paid: 1_000_000, outstanding: 3_000_000, overdue: 0 });
    const current = await contracts.agingLine(maria, 'ingrid', (l) => l?.buckets.days1To30Minor === 0);
    expect(current).toMatchObject({ openInvoices: 1, openMinor: 3_000_000, buckets: { currentMinor: 3_000_000 } });
    expect(await contracts.types(contractId)).not.toContain('ContractClosed');
    await contracts.read(
      ingrid,
      '/me/inbox',
      (b) => !items(b, 'invoicesOverdue').some((i) => i['invoiceId'] === early),
    );
    // The last cash comes twelve days after the lead was captured.
    clock.advance(12 * 86_400_000);
    await contracts.ok(ingrid, `/contracts/${contractId}/invoices/${rest}/payments`, {
      amount: EUR(3_000_000),
      receivedOn: '2026-03-14',
    });
    await contracts.waitForEvent(contractId, 'ContractClosed');
    await contracts.balance(maria, contractId, { paid: WON_TOTAL, outstanding: 0, overdue: 0 });
    await contracts.agingLine(maria, 'ingrid', (l) => l === null || l.openMinor === 0);
    const done = await contracts.read(fia, '/me/workload', (b) => items(b, 'contracts').length === 0);
    expect([items(done, 'ordersInDelivery'), items(done, 'acceptancesWaiting')]).toEqual([[], []]);

    // Closed: listed so, its timeline complete, the pipeline length counts the deal from lead to cash.
    const detail = await contracts.read(sven, `/contracts/${contractId}`, (d) => d['status'] === 'closed');
    expect(detail['figures']).toMatchObject({ contractedMinor: WON_TOTAL, paidMinor: WON_TOTAL, outstandingMinor: 0 });
    const closedRow = await contracts.read(maria, '/contracts', (b) => items(b).some((c) => c['status'] === 'closed'));
    expect(items(closedRow).map((c) => [c['id'], c['status']])).toEqual([[contractId, 'closed']]);
    const timeline = (detail['timeline'] as { type: string }[]).map((t) => t.type);
    expect(timeline[0]).toBe('ContractDrafted');
    expect(timeline).toEqual(
      expect.arrayContaining([
        'ContractSigned',
        'HandoverMeetingScheduled',
        'HandoverMeetingHeld',
        'ContractHandedOver',
        'PurchaseOrderPlaced',
        'DeliveryRecorded',
        'InvoiceIssued',
        'InvoiceOverdue',
        'DeliveryAccepted',
        'PaymentReceived',
      ]),
    );
    expect(timeline.at(-1)).toBe('ContractClosed');
    const length = await contracts.read(maria, '/analytics/deals/pipeline-length', (b) =>
      items(b, 'bySource').some((line) => line['key'] === 'webinar'),
    );
    expect(items(length, 'bySource')).toEqual([{ key: 'webinar', count: 1, medianDays: 12, p90Days: 12 }]);
    expect(items(length, 'byPipeline')).toEqual([{ key: 'default', count: 1, medianDays: 12, p90Days: 12 }]);
  }, 180_000);
});
