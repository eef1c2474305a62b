import { ManualClock } from '#ltc/clock';
import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import { contractDecider, type ContractCommand, type ContractEvent, type ContractState } from '#ltc/contracts/domain';
import { eventually, startTestApp, type TestApp } from './support/test-app.js';

/**
 * The contract reads over HTTP: contracts written the way the engine writes them (each command
 * decided by the real contract decider over the stream so far, appended to the app's own store),
 * then listed, searched, totalled and read in detail as their triangle and the managers see them.
 */
const NOW = new Date('2026-07-01T10:00:00Z');
const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const actor = (id: string) => ({ id, salesManager: false });
const TRIANGLE = { ar: 'ann', sr: 'sam', fr: 'fay', sponsor: 'max' };

function commandsFor(contractId: string, paidMinor: number, orderedMinor = 600_000): ContractCommand[] {
  const base = (who: string) => ({ contractId, actor: actor(who), now: NOW });
  return [
    {
      ...base('ann'),
      type: 'DraftContract',
      dealId: contractId,
      quoteVersion: 1,
      quoteTotal: eur(1_000_000),
      triangle: TRIANGLE,
    },
    {
      ...base('ann'),
      type: 'SignContract',
      value: eur(1_000_000),
      valueDifferenceReason: null,
      paymentTerms: { kind: 'net', days: 30 },
      signedOn: '2026-07-01',
      signatory: 'Ingrid Lund',
      quoteVersion: 1,
    },
    {
      ...base('ann'),
      type: 'ScheduleHandoverMeeting',
      scheduledAt: new Date('2026-07-03T09:00:00Z'),
      attendees: ['ann', 'sam', 'fay'],
      triangle: TRIANGLE,
    },
    {
      ...base('ann'),
      type: 'HoldHandoverMeeting',
      attendeesPresent: ['ann', 'sam', 'fay'],
      notes: 'Two waves',
      openItems: [],
      risks: [],
    },
    {
      ...base('fay'),
      type: 'PlacePurchaseOrder',
      purchaseOrderId: 'po-1',
      reference: null,
      lines: [{ sku: 'TLM-100', description: 'Telematics unit', quantity: 1, unitPrice: eur(orderedMinor) }],
      orderedOn: '2026-07-04',
    },
    {
      ...base('fay'),
      type: 'RecordDelivery',
      purchaseOrderId: 'po-1',
      deliveryId: 'd-1',
      value: eur(orderedMinor),
      items: [{ sku: 'TLM-100', quantity: 1 }],
      deliveredOn: '2026-07-10',
    },
    {
      ...base('fay'),
      type: 'RecordAcceptance',
      purchaseOrderId: 'po-1',
      acceptanceId: 'a-1',
      accepted: eur(orderedMinor),
      rejected: eur(0),
      reason: null,
      answeredOn: '2026-07-12',
    },
    {
      ...base('fay'),
      type: 'IssueInvoice',
      invoiceId: 'inv-1',
      milestone: null,
      amount: eur(orderedMinor),
      issuedOn: '2026-07-15',
      dueAt: null,
    },
    {
      ...base('ann'),
      type: 'RecordPayment',
      invoiceId: 'inv-1',
      paymentId: 'p-1',
      amount: eur(paidMinor),
      receivedOn: '2026-08-01',
    },
  ];
}

async function writeContract(
  store: EventStore,
  contractId: string,
  paidMinor: number,
  orderedMinor?: number,
): Promise<void> {
  let state: ContractState = contractDecider.initialState();
  for (const command of commandsFor(contractId, paidMinor, orderedMinor)) {
    const events: readonly ContractEvent[] = contractDecider.decide(command, state);
    state = events.reduce((s, e) => contractDecider.evolve(s, e), state);
    await store.appendToStream(
      `contract-${contractId}`,
      events.map((e) => ({
        type: e.type,
        data: e.data,
        metadata: metadataOf(command.actor.id, command.actor.id === 'fay' ? 'fr' : 'ar'),
      })),
    );
  }
}

const metadataOf = (userId: string, role: string) => ({
  actor: { userId, role },
  correlationId: 'corr',
  causationId: 'cause',
  commandId: randomUUID(),
  tenantId: 'acme',
  schemaVersion: 1,
});

/** The deal as the opportunities context opens it from a converted webinar lead. */
async function openDeal(store: EventStore, dealId: string): Promise<void> {
  await store.appendToStream(`opportunity-${dealId}`, [
    {
      type: 'OpportunityOpened',
      data: {
        opportunityId: dealId,
        origin: 'lead_conversion',
        lead: {
          leadId: dealId,
          source: 'webinar',
          contactPerson: null,
          tags: [],
          score: 70,
          capturedAt: '2026-06-01T10:00:00.000Z',
        },
        name: 'Fleet rollout',
        account: 'Nordic Freight AB',
        amount: eur(1_000_000),
        closeDate: '2026-06-30',
        productsOfInterest: [],
        owner: 'ann',
        team: null,
        region: null,
        pipelineId: 'default',
        pipelineVersion: 0,
        stageId: 'qualify',
        probabilityBp: 1000,
        forecastCategory: 'pipeline',
        actor: 'ann',
        at: '2026-06-10T10:00:00.000Z',
      },
      metadata: metadataOf('ann', 'ar'),
    },
  ]);
}

describe('Contract reads over HTTP', () => {
  let app: TestApp;
  const first = randomUUID();
  const second = randomUUID();
  /** Paid in full: closed, with a deal whose lead was captured 30 days before its cash came in. */
  const closed = randomUUID();

  beforeAll(async () => {
    // The engine's clock stands where the contracts' events were decided: no invoice is due yet, so the
    // dunning timers stay quiet and the totals below owe nothing to how fast they would fire.
    app = await startTestApp({ clock: new ManualClock(NOW.toISOString()) });
    const store = app.app.get<symbol, EventStore>(EVENT_STORE);
    await writeContract(store, first, 200_000);
    await writeContract(store, second, 600_000);
    await openDeal(store, closed);
    await writeContract(store, closed, 1_000_000, 1_000_000);
  });
  afterAll(() => app.destroy());

  it('lists the contracts its triangle sits in, filtered, with figures folded from their events', async () => {
    const token = await app.token(['fr'], 'fay');
    const page = await eventually(async () => {
      const response = await app.request('GET', '/contracts?status=handed_over', { token });
      expect(response.status).toBe(200);
      return response.body.items.length === 2 ? response.body : undefined;
    }, 15_000);
    const row = page.items.find((c: { id: string }) => c.id === first);
    expect(row).toMatchObject({
      status: 'handed_over',
      triangle: { ar: 'ann', fr: 'fay' },
      figures: {
        currency: 'EUR',
        contractedMinor: 1_000_000,
        acceptedMinor: 600_000,
        paidMinor: 200_000,
        outstandingMinor: 400_000,
      },
    });
    const outsider = await app.token(['fr'], 'otto');
    expect((await app.request('GET', '/contracts', { token: outsider })).body.items).toEqual([]);
    expect((await app.request('GET', '/contracts?status=bogus', { token })).status).toBe(400);
    const onePage = await app.request('GET', '/contracts?limit=1&status=handed_over', { token });
    const next = await app.request('GET', `/contracts?limit=1&status=handed_over&cursor=${onePage.body.nextCursor}`, {
      token,
    });
    expect(next.body.nextCursor).toBeNull();
    expect([...onePage.body.items, ...next.body.items].map((c: { id: string }) => c.id).sort()).toEqual(
      [first, second].sort(),
    );
  });

  it('totals the balance per currency for what the caller sees', async () => {
    const token = await app.token(['sales_manager'], 'max');
    const totals = await eventually(async () => {
      const response = await app.request('GET', '/contracts/balance', { token });
      expect(response.status).toBe(200);
      return response.body.totals[0]?.contractedMinor === 3_000_000 ? response.body.totals : undefined;
    });
    expect(totals).toEqual([
      {
        currency: 'EUR',
        contractedMinor: 3_000_000,
        orderedMinor: 2_200_000,
        deliveredMinor: 2_200_000,
        acceptedMinor: 2_200_000,
        invoicedMinor: 2_200_000,
        paidMinor: 1_800_000,
        outstandingMinor: 400_000,
        overdueMinor: 0,
      },
    ]);
  });

  it("shows one contract's detail with its timeline and ETag, and its balance; 404 to whoever may not see it", async () => {
    const token = await app.token(['ar'], 'ann');
    const detail = await app.request('GET', `/contracts/${first}`, { token });
    expect(detail.status).toBe(200);
    expect(detail.headers.get('etag')).toBe(`"${detail.body.revision}"`);
    expect(detail.body.payments).toEqual([expect.objectContaining({ paymentId: 'p-1', amount: eur(200_000) })]);
    expect(detail.body.invoices).toEqual([expect.objectContaining({ invoiceId: 'inv-1', openMinor: 400_000 })]);
    expect(detail.body.timeline.map((e: { type: string }) => e.type)).toContain('ContractHandedOver');
    expect(detail.body.timeline[0]).toMatchObject({ type: 'ContractDrafted', actor: 'ann', seat: 'ar' });
    const balance = await app.request('GET', `/contracts/${first}/balance`, { token });
    expect(balance.body).toMatchObject({ paidMinor: 200_000, outstandingMinor: 400_000 });
    const outsider = await app.token(['ar'], 'otto');
    expect((await app.request('GET', `/contracts/${first}`, { token: outsider })).status).toBe(404);
    expect((await app.request('GET', `/contracts/${randomUUID()}/balance`, { token })).status).toBe(404);
    expect((await app.request('GET', '/contracts/not-a-uuid', { token })).status).toBe(400);
  });

  it('ages the open invoices of the AR who collects them', async () => {
    const token = await app.token(['ar'], 'ann');
    const response = await app.request('GET', '/analytics/cash/aging', { token });
    expect(response.status).toBe(200);
    const [line] = response.body.lines;
    expect(line).toMatchObject({ ar: 'ann', currency: 'EUR', openInvoices: 1, openMinor: 400_000 });
    const buckets = Object.values(line.buckets as Record<string, number>);
    expect(buckets.reduce((a, b) => a + b, 0)).toBe(400_000);
    const other = await app.request('GET', '/analytics/cash/aging', { token: await app.token(['ar'], 'otto') });
    expect(other.body.lines).toEqual([]);
    expect((await app.request('GET', '/analytics/cash/aging', { token: await app.token(['fr'], 'fay') })).status).toBe(
      403,
    );
  });

  it("shows the FR the contracts they lead, and managers the pipeline's length once cash is collected", async () => {
    const workload = await app.request('GET', '/me/workload', { token: await app.token(['fr'], 'fay') });
    expect(workload.status).toBe(200);
    expect(workload.body.contracts.map((c: { id: string }) => c.id).sort()).toEqual([first, second].sort());
    expect(workload.body.acceptancesWaiting).toEqual([]);
    expect((await app.request('GET', '/me/workload', { token: await app.token(['ar'], 'ann') })).status).toBe(403);
    const manager = await app.token(['sales_manager'], 'max');
    const length = await app.request('GET', '/analytics/deals/pipeline-length', { token: manager });
    expect(length.status).toBe(200);
    // From the lead's capture on 1 June to the cash on 1 July.
    const line = { count: 1, medianDays: 30, p90Days: 30 };
    const measured = await eventually(async () => {
      const response = await app.request('GET', '/analytics/deals/pipeline-length', { token: manager });
      return response.body.bySource.length > 0 ? response.body : undefined;
    });
    expect(measured).toEqual({
      bySource: [{ key: 'webinar', ...line }],
      byPipeline: [{ key: 'default', ...line }],
      byTeam: [{ key: null, ...line }],
    });
    expect(
      (await app.request('GET', '/analytics/deals/pipeline-length', { token: await app.token(['ar'], 'ann') })).status,
    ).toBe(403);
  });
});
