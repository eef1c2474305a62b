import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp, type TestResponse } from './support/test-app.js';

/**
 * The write side of contracts over HTTP on the embedded store: a won deal's contract drafted,
 * signed, handed over from AR to FR at the handover meeting, ordered, delivered, accepted,
 * invoiced and paid until it closes by itself; every money rule refused with its code one
 * minor unit over, with nothing written; and the answers a client relies on (400 naming the
 * field, 404 for an unseen contract or deal, 409 codes, 412, idempotent retries).
 */
describe('Contract commands over HTTP', () => {
  let app: TestApp;
  let manager: string;
  let approver: string;
  let auditor: string;
  let ingrid: string;
  let sven: string;
  let fia: string;
  let outsider: string;

  const EUR = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

  const post = (token: string, path: string, body: unknown = {}, headers: Record<string, string> = {}) =>
    app.request('POST', path, { token, body, headers });

  const types = async (stream: string): Promise<string[]> => {
    const read = await app.request('GET', `/streams/${stream}?limit=1000`, { token: auditor });
    return (read.body.events ?? []).map((e: { type: string }) => e.type);
  };

  const written = (response: TestResponse): string[] => response.body.events.map((e: { type: string }) => e.type);

  const expectCode = (response: TestResponse, status: number, code: string): void => {
    expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
  };

  /** The command is refused with `code` and the contract's stream is as it was. */
  const refused = async (command: Promise<TestResponse>, contractId: string, code: string): Promise<void> => {
    const before = await types(`contract-${contractId}`);
    expectCode(await command, 409, code);
    expect(await types(`contract-${contractId}`)).toEqual(before);
  };

  const expectField = (response: TestResponse, field: string): void => {
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  };

  const ok = async (response: Promise<TestResponse>, status = 200): Promise<TestResponse> => {
    const answered = await response;
    expect({ status: answered.status, body: answered.body }).toMatchObject({ status });
    return answered;
  };

  const rep = async (id: string, roles: string[]): Promise<void> => {
    const body = { id, name: id, email: `${id}@nordfrakt.example`, roles, team: 'emea-north' };
    expect((await post(manager, '/reps', body)).status).toBe(201);
  };

  /** A deal ingrid opens in maria's team, with the whole triangle, quoted at 40 × 1 000.00 EUR (no discount). */
  const quotedDeal = async (): Promise<string> => {
    const deal = { name: 'Fleet telematics', account: 'Nordfrakt AB', team: 'emea-north' };
    const opened = await ok(post(ingrid, '/opportunities', deal), 201);
    const id = opened.body.id as string;
    const triangle = { ar: 'ingrid', sr: 'sven', fr: 'fia', sponsor: 'maria' };
    await ok(app.request('PUT', `/opportunities/${id}/triangle`, { token: ingrid, body: triangle }));
    await ok(post(ingrid, `/opportunities/${id}/stage`, { stage: 'bid' }));
    const handoff = await ok(post(ingrid, `/opportunities/${id}/handoffs`, { to: 'sven', phase: 'bid' }), 201);
    await ok(post(sven, `/opportunities/${id}/handoffs/${handoff.body.handoffId}/accept`));
    const line = { sku: 'TLM-100', description: 'Telematics unit', quantity: 40, unitPrice: EUR(100_000) };
    await ok(post(sven, `/opportunities/${id}/quotes`, { lines: [line], validUntil: '2099-12-31' }), 201);
    await ok(post(sven, `/opportunities/${id}/quotes/1/send`));
    return id;
  };

  /** A deal won at 4 000 000 minor units EUR. */
  const wonDeal = async (): Promise<string> => {
    const id = await quotedDeal();
    await ok(post(sven, `/opportunities/${id}/bid`, { quoteVersion: 1 }));
    await ok(post(sven, `/opportunities/${id}/customer-answer`, { answer: 'accepted' }));
    await ok(post(sven, `/opportunities/${id}/win`, { quoteVersion: 1 }));
    return id;
  };

  const NET_30 = { kind: 'net', days: 30 };
  const sign = (id: string, paymentTerms: unknown = NET_30) =>
    post(ingrid, `/contracts/${id}/sign`, {
      value: EUR(4_000_000),
      paymentTerms,
      signedOn: '2026-11-02',
      signatory: 'Dana Berg, CFO',
      quoteVersion: 1,
    });

  /** A won deal's contract, drafted, signed and handed over to fia. */
  const handedOver = async (paymentTerms: unknown = NET_30): Promise<string> => {
    const id = await wonDeal();
    await ok(post(ingrid, '/contracts', { dealId: id }), 201);
    await ok(sign(id, paymentTerms));
    const invited = { scheduledAt: '2026-11-03T09:00:00Z', attendees: ['ingrid', 'sven', 'fia'] };
    await ok(post(ingrid, `/contracts/${id}/handover-meeting`, invited));
    await ok(post(ingrid, `/contracts/${id}/handover-meeting/held`, { attendeesPresent: ['ingrid', 'fia'] }));
    return id;
  };

  const order = (id: string, units: number, unitPriceMinor = 100_000, headers: Record<string, string> = {}) =>
    post(
      fia,
      `/contracts/${id}/purchase-orders`,
      {
        lines: [{ sku: 'TLM-100', description: 'Telematics unit', quantity: units, unitPrice: EUR(unitPriceMinor) }],
        orderedOn: '2026-11-04',
      },
      headers,
    );
  const deliver = (id: string, poId: string, value: number) =>
    post(fia, `/contracts/${id}/purchase-orders/${poId}/deliveries`, {
      value: EUR(value),
      items: [{ sku: 'TLM-100', quantity: 1 }],
      deliveredOn: '2026-11-10',
    });
  const accept = (id: string, poId: string, value: number) =>
    post(fia, `/contracts/${id}/purchase-orders/${poId}/acceptances`, {
      accepted: EUR(value),
      answeredOn: '2026-11-12',
    });
  const invoice = (id: string, value: number, milestone?: string) =>
    post(ingrid, `/contracts/${id}/invoices`, { amount: EUR(value), issuedOn: '2026-11-13', milestone });
  const pay = (id: string, invoiceId: string, value: number) =>
    post(ingrid, `/contracts/${id}/invoices/${invoiceId}/payments`, { amount: EUR(value), receivedOn: '2026-11-20' });

  beforeAll(async () => {
    app = await startTestApp();
    manager = await app.token(['sales_manager'], 'maria');
    approver = await app.token(['sales_manager'], 'magnus');
    auditor = await app.token(['auditor'], 'audrey');
    ingrid = await app.token(['ar'], 'ingrid');
    sven = await app.token(['sr'], 'sven');
    fia = await app.token(['fr'], 'fia');
    outsider = await app.token(['ar'], 'olle');
    expect((await post(manager, '/teams', { id: 'emea-north', name: 'EMEA North', managerId: 'maria' })).status).toBe(
      201,
    );
    for (const [id, role] of [
      ['ingrid', 'ar'],
      ['sven', 'sr'],
      ['fia', 'fr'],
      ['olle', 'ar'],
    ] as const) {
      await rep(id, [role]);
    }
  });
  afterAll(async () => app.destroy());

  it('walks a won deal’s contract to closed: signed, handed over, two orders, delivered, accepted, invoiced, paid', async () => {
    const id = await wonDeal();
    const drafted = await ok(post(ingrid, '/contracts', { dealId: id }), 201);
    expect(drafted.body.id).toBe(id);
    expect(await types(`contract-${id}`)).toEqual(['ContractDrafted']);
    expect(written(await ok(post(ingrid, '/contracts', { dealId: id }), 201))).toEqual([]);

    expect(written(await ok(sign(id)))).toEqual(['ContractSigned']);
    await refused(order(id, 1), id, 'CONTRACT_NOT_HANDED_OVER');
    const invited = { scheduledAt: '2026-11-03T09:00:00Z', attendees: ['ingrid', 'sven', 'fia'] };
    await refused(
      post(ingrid, `/contracts/${id}/handover-meeting`, { ...invited, attendees: ['ingrid'] }),
      id,
      'ATTENDEES_MISSING_TRIANGLE',
    );
    await ok(post(ingrid, `/contracts/${id}/handover-meeting`, invited));
    const held = await ok(
      post(ingrid, `/contracts/${id}/handover-meeting/held`, {
        attendeesPresent: ['ingrid', 'fia'],
        notes: 'Roll-out in two waves',
        openItems: [{ description: 'Depot opening hours', owner: 'fia' }],
        risks: ['Customer IT is slow'],
      }),
    );
    expect(written(held)).toEqual(['HandoverMeetingHeld', 'ContractHandedOver']);

    const first = await ok(order(id, 30), 201);
    const second = await ok(order(id, 10), 201);
    const [po1, po2] = [first.body.purchaseOrderId as string, second.body.purchaseOrderId as string];
    expect(po1).not.toBe(po2);
    await ok(deliver(id, po1, 1_000_000), 201);
    await ok(accept(id, po1, 1_000_000), 201);
    await ok(deliver(id, po1, 2_000_000), 201);
    await ok(deliver(id, po2, 1_000_000), 201);
    await ok(accept(id, po1, 2_000_000), 201);
    await ok(accept(id, po2, 1_000_000), 201);
    const billed = await ok(invoice(id, 4_000_000), 201);
    const invoiceId = billed.body.invoiceId as string;
    expect(written(await ok(pay(id, invoiceId, 2_500_000), 201))).toEqual(['PaymentReceived']);
    expect(written(await ok(pay(id, invoiceId, 1_500_000), 201))).toEqual(['PaymentReceived', 'ContractClosed']);
    await refused(order(id, 1), id, 'CONTRACT_CLOSED');
  });

  it('refuses every money rule one minor unit over with its code and writes nothing; exactly the limit passes', async () => {
    const id = await handedOver();
    const first = await ok(order(id, 30), 201);
    const po1 = first.body.purchaseOrderId as string;
    await refused(order(id, 1, 1_000_001), id, 'PURCHASE_ORDERS_EXCEED_CONTRACT');

    await refused(
      post(ingrid, `/contracts/${id}/amend`, { value: EUR(2_999_999), reason: 'Smaller' }),
      id,
      'AMENDMENT_BELOW_ORDERED',
    );
    const amend = await ok(
      post(ingrid, `/contracts/${id}/amend`, { value: EUR(5_000_000), reason: 'Two more depots' }),
      201,
    );
    const amendmentId = amend.body.amendmentId as string;
    expect((await post(ingrid, `/contracts/${id}/amendments/${amendmentId}/approve`, {})).status).toBe(403);
    expect(written(await ok(post(manager, `/contracts/${id}/amendments/${amendmentId}/approve`, {})))).toEqual([
      'ContractAmended',
    ]);
    await ok(order(id, 20), 201);
    await refused(order(id, 1, 1), id, 'PURCHASE_ORDERS_EXCEED_CONTRACT');

    await refused(deliver(id, po1, 3_000_001), id, 'DELIVERY_EXCEEDS_ORDER');
    await ok(deliver(id, po1, 3_000_000), 201);
    await refused(accept(id, po1, 3_000_001), id, 'ACCEPTANCE_EXCEEDS_DELIVERED');
    await ok(accept(id, po1, 3_000_000), 201);
    await refused(invoice(id, 3_000_001), id, 'INVOICE_EXCEEDS_INVOICEABLE');
    const billed = await ok(invoice(id, 3_000_000), 201);
    const invoiceId = billed.body.invoiceId as string;
    const credit = (value: number) =>
      post(ingrid, `/contracts/${id}/invoices/${invoiceId}/credit-notes`, {
        amount: EUR(value),
        reason: 'Damaged units',
        issuedOn: '2026-11-14',
      });
    await refused(credit(3_000_001), id, 'CREDIT_EXCEEDS_OPEN_AMOUNT');
    expect(written(await ok(credit(100_000), 201))).toEqual(['CreditNoteIssued']);
    await refused(pay(id, invoiceId, 2_900_001), id, 'PAYMENT_EXCEEDS_OPEN_AMOUNT');
    const cash = { amount: EUR(1), receivedOn: '2026-11-20', note: 'Overpaid by one cent' };
    expect(written(await ok(post(ingrid, `/contracts/${id}/unapplied-cash`, cash), 201))).toEqual([
      'UnappliedCashRecorded',
    ]);
    expect(written(await ok(pay(id, invoiceId, 2_900_000), 201))).toEqual(['PaymentReceived']);
  });

  it('bills milestones within their share, refuses an amendment below what is invoiced, and keeps collecting after termination', async () => {
    const terms = {
      kind: 'milestones',
      milestones: [
        { milestone: 'on_signing', shareBp: 3000 },
        { milestone: 'on_acceptance', shareBp: 7000 },
      ],
      dueDays: 30,
    };
    const id = await handedOver(terms);
    const po = (await ok(order(id, 10), 201)).body.purchaseOrderId as string;
    await ok(deliver(id, po, 1_000_000), 201);
    await ok(accept(id, po, 1_000_000), 201);
    // Invoiceable now: 30 % of 4 000 000 on signing + 70 % of the 1 000 000 accepted = 1 900 000.
    await refused(invoice(id, 1, 'on_handover'), id, 'MILESTONE_NOT_IN_TERMS');
    await refused(invoice(id, 1_200_001, 'on_signing'), id, 'INVOICE_EXCEEDS_MILESTONE');
    const onSigning = (await ok(invoice(id, 1_200_000, 'on_signing'), 201)).body.invoiceId as string;
    await refused(invoice(id, 700_001), id, 'INVOICE_EXCEEDS_INVOICEABLE');
    await ok(invoice(id, 700_000), 201);
    await refused(
      post(ingrid, `/contracts/${id}/amend`, { value: EUR(1_000_000), reason: 'Only the first wave' }),
      id,
      'AMENDMENT_BELOW_INVOICED',
    );
    const asked = await ok(post(manager, `/contracts/${id}/amend`, { value: EUR(4_500_000), reason: 'More' }), 201);
    const amendmentId = asked.body.amendmentId as string;
    await refused(post(manager, `/contracts/${id}/amendments/${amendmentId}/approve`, {}), id, 'APPROVER_IS_REQUESTER');
    const rejected = await ok(
      post(approver, `/contracts/${id}/amendments/${amendmentId}/reject`, { reason: 'Not agreed with the customer' }),
    );
    expect(written(rejected)).toEqual(['ContractAmendmentRejected']);

    expect(written(await ok(post(ingrid, `/contracts/${id}/terminate`, { reason: 'Customer insolvent' })))).toEqual([
      'ContractTerminated',
    ]);
    await refused(order(id, 1), id, 'CONTRACT_TERMINATED');
    expect(written(await ok(pay(id, onSigning, 1_200_000), 201))).toEqual(['PaymentReceived']);
  });

  it('drafts only a won deal the caller sees: not won 409, unknown or unseen 404, bad input 400', async () => {
    const open = await quotedDeal();
    expectCode(await post(ingrid, '/contracts', { dealId: open }), 409, 'DEAL_NOT_WON');
    expect(await types(`contract-${open}`)).toEqual([]);
    expect((await post(ingrid, '/contracts', { dealId: randomUUID() })).status).toBe(404);
    const id = await wonDeal();
    expect((await post(outsider, '/contracts', { dealId: id })).status).toBe(404);
    expect((await post(auditor, '/contracts', { dealId: id })).status).toBe(403);
    expectField(await post(ingrid, '/contracts', { dealId: 'not-a-uuid' }), 'dealId');

    await ok(post(ingrid, '/contracts', { dealId: id }), 201);
    expect((await sign(randomUUID())).status).toBe(404);
    expect((await post(outsider, `/contracts/${id}/terminate`, { reason: 'Mine now' })).status).toBe(404);
    const invited = { scheduledAt: '2026-11-03T09:00:00Z', attendees: ['olle', 'ingrid', 'sven', 'fia'] };
    expect((await post(outsider, `/contracts/${id}/handover-meeting`, invited)).status).toBe(404);
    expect((await post(ingrid, `/contracts/${open}/handover-meeting`, invited)).status).toBe(404);
    expect((await post(ingrid, `/contracts/${randomUUID()}/handover-meeting`, invited)).status).toBe(404);
    const badValue = await post(ingrid, `/contracts/${id}/sign`, {
      value: { amountMinor: 1.5, currency: 'EUR' },
      paymentTerms: { kind: 'net', days: 30 },
      signedOn: '2026-11-02',
      signatory: 'Dana Berg',
      quoteVersion: 1,
    });
    expectField(badValue, 'value.amountMinor');
    for (const reminderDays of [[0], [1, 2, 3, 4, 5, 6], [14, 7], 'weekly']) {
      expectField(await sign(id, { ...NET_30, reminderDays }), 'paymentTerms.reminderDays');
    }
    expectField(await post(ingrid, `/contracts/${id}/terminate`, {}), 'reason');
    expect(await types(`contract-${id}`)).toEqual(['ContractDrafted']);
  });

  it('refuses a stale If-Match with 412 and answers a retried Idempotency-Key with the same order', async () => {
    const id = await handedOver();
    const stale = await post(fia, `/contracts/${id}/terminate`, { reason: 'Stale' }, { 'If-Match': '"0"' });
    expect(stale.status).toBe(412);
    const key = { 'Idempotency-Key': `po-${id}` };
    const placed = await ok(order(id, 5, 100_000, key), 201);
    const retried = await ok(order(id, 5, 100_000, key), 201);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.body.purchaseOrderId).toBe(placed.body.purchaseOrderId);
    expect((await types(`contract-${id}`)).filter((t) => t === 'PurchaseOrderPlaced')).toHaveLength(1);
  });
});
