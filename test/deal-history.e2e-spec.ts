import { EVENT_STORE, type EventStore, type RecordedEvent } from '#ltc/event-store';
import {
  contractWorld,
  deliverAndAccept,
  handedOverContract,
  invoice,
  placeOrder,
  wonDeal,
  type ContractWorld,
} from './support/contract-world.js';
import { EUR } from './support/opportunity-world.js';
import { ServiceWorld } from './support/service-world.js';
import { eventually, type TestResponse } from './support/test-app.js';

interface Entry {
  position: string;
  eventId: string;
  dealId: string | null;
  stream: string;
  kind: string;
  type: string;
  summary: string;
  occurredAt: string;
  actor: { userId: string; role: string };
  commandId: string;
  correlationId: string;
  causationId: string;
  cause: { kind: string; description: string; eventId: string | null; type: string | null };
}

/**
 * A deal's complete history over HTTP: a lead converted, its deal won, the contract signed,
 * ordered, delivered, invoiced and paid, and a ticket under the contract; then the timeline
 * compared with the event log itself, event for event, with causes, filters, paging, exports,
 * a causal chain and one person's activity.
 */
describe('Deal history', () => {
  let w: ContractWorld;
  let dealId: string;
  let leadId: string;
  let ticketId: string;
  let auditor: string;
  let dealEvents: RecordedEvent[];
  const store = (): EventStore => w.sales.app.app.get<symbol, EventStore>(EVENT_STORE);
  const get = (path: string, token = auditor, headers: Record<string, string> = {}): Promise<TestResponse> =>
    w.sales.app.request('GET', path, { token, headers });

  beforeAll(async () => {
    w = await contractWorld();
    ({ dealId, leadId } = await wonDeal(w));
    const contractId = await handedOverContract(w, dealId);
    const poId = await placeOrder(w, contractId, 10, 'PO-7781');
    await deliverAndAccept(w, contractId, poId, 1_000_000);
    const invoiceId = await invoice(w, contractId, 1_000_000);
    await w.contracts.ok(w.ingrid, `/contracts/${contractId}/invoices/${invoiceId}/payments`, {
      amount: EUR(1_000_000),
      receivedOn: '2026-03-20',
    });
    const s = await ServiceWorld.on(w.sales);
    await s.policy();
    ticketId = await s.ticket({ contractId, priority: 'P2' });
    auditor = await w.sales.app.token(['auditor'], 'audrey');
    // The deal's own streams from the log, and the timers its events scheduled.
    const all = await store().readAll();
    const ownStreams = new Set([`lead-${leadId}`, `opportunity-${dealId}`, `contract-${dealId}`, `ticket-${ticketId}`]);
    // A timer joins the deal of the stream whose event armed it (before or after that stream joined).
    const streamOfEvent = new Map(all.map((event) => [event.id, event.stream]));
    const parentOf = new Map(
      all
        .filter((e) => e.stream.startsWith('timer-') && e.revision === 0n)
        .map((e) => [e.stream, streamOfEvent.get(e.metadata.causationId)]),
    );
    const dealStreams = new Set(ownStreams);
    for (let grew = true; grew;) {
      grew = false;
      for (const [timer, parent] of parentOf) {
        if (!dealStreams.has(timer) && parent !== undefined && dealStreams.has(parent))
          grew = Boolean(dealStreams.add(timer));
      }
    }
    dealEvents = all.filter((e) => dealStreams.has(e.stream));
    // Wait until the trail has every one of them.
    await eventually(async () => {
      const page = await get(`/deals/${dealId}/history?limit=500`);
      return page.body?.entries?.length === dealEvents.length ? true : undefined;
    }, 15_000);
  }, 180_000);
  afterAll(async () => w.sales.app.destroy());

  const timeline = async (query = ''): Promise<Entry[]> => {
    const entries: Entry[] = [];
    let cursor: string | null = null;
    do {
      const page = await get(`/deals/${dealId}/history?limit=7${query}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      entries.push(...(page.body.entries as Entry[]));
      cursor = page.body.nextCursor as string | null;
    } while (cursor !== null);
    return entries;
  };

  it('holds every event of the lead, deal, contract, ticket and their timers, in log order, page by page', async () => {
    const entries = await timeline();
    expect(entries.map((e) => [e.position, e.eventId, e.stream, e.type])).toEqual(
      dealEvents.map((e) => [e.position.toString(), e.id, e.stream, e.type]),
    );
    const kinds = new Set(entries.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(['contract', 'lead', 'opportunity', 'ticket', 'timer']);
    for (const type of ['LeadCaptured', 'LeadConverted', 'OpportunityWon', 'ContractSigned', 'PurchaseOrderPlaced']) {
      expect(entries.map((e) => e.type)).toContain(type);
    }
    for (const type of ['InvoiceIssued', 'PaymentReceived', 'TicketAccepted'])
      expect(entries.map((e) => e.type)).toContain(type);
    // Each entry carries who, on whose behalf and what the log says caused it.
    entries.forEach((entry, index) => {
      const event = dealEvents[index]!;
      expect(entry).toMatchObject({
        dealId,
        actor: event.metadata.actor,
        commandId: event.metadata.commandId,
        correlationId: event.metadata.correlationId,
        causationId: event.metadata.causationId,
      });
    });
  });

  it('says what caused each entry: a person’s command, the engine reacting to an event, a timer', async () => {
    const entries = await timeline();
    const captured = entries.find((e) => e.type === 'LeadCaptured')!;
    expect(captured.cause).toMatchObject({ kind: 'command', eventId: null });
    expect(captured.summary).toMatch(/^Lead captured from webinar: /);
    // The deal was opened by the conversion process manager, reacting to LeadConverted.
    const converted = entries.find((e) => e.type === 'LeadConverted')!;
    const opened = entries.find((e) => e.type === 'OpportunityOpened')!;
    expect(opened.cause).toMatchObject({ kind: 'process', eventId: converted.eventId, type: 'LeadConverted' });
    expect(opened.actor.userId).toBe('system');
    // The contract was drafted in reaction to the won deal.
    const drafted = entries.find((e) => e.type === 'ContractDrafted')!;
    expect(drafted.cause).toMatchObject({ kind: 'process', type: 'OpportunityWon' });
    const paid = entries.find((e) => e.type === 'PaymentReceived')!;
    expect(paid).toMatchObject({ actor: { userId: 'ingrid', role: 'ar' }, cause: { kind: 'command' } });
    expect(paid.summary).toContain('EUR 10,000.00');
    const timerEntries = entries.filter((e) => e.kind === 'timer');
    expect(timerEntries.length).toBeGreaterThan(0);
    expect(timerEntries.filter((e) => e.type === 'TimerScheduled').every((e) => e.cause.kind === 'process')).toBe(true);
    // The invoice fell due long ago by the clock: its overdue timer fired and marked it.
    const overdue = entries.find((e) => e.type === 'InvoiceOverdue')!;
    expect(overdue.cause).toMatchObject({ kind: 'timer', type: 'TimerScheduled' });
    expect(overdue.cause.description).toMatch(/^timer timer-/);
  });

  it('narrows by kind, actor, type and period, each exactly as the log says', async () => {
    const contractOnly = await timeline('&kind=contract');
    expect(contractOnly.map((e) => e.eventId)).toEqual(
      dealEvents.filter((e) => e.stream === `contract-${dealId}`).map((e) => e.id),
    );
    const bySven = await timeline('&actor=sven');
    expect(bySven.map((e) => e.eventId)).toEqual(
      dealEvents.filter((e) => e.metadata.actor.userId === 'sven').map((e) => e.id),
    );
    expect(bySven.length).toBeGreaterThan(0);
    const money = await timeline('&type=InvoiceIssued,PaymentReceived');
    expect(money.map((e) => e.type)).toEqual(['InvoiceIssued', 'PaymentReceived']);
    const all = await timeline();
    const middle = all[Math.floor(all.length / 2)]!;
    const later = await timeline(`&from=${encodeURIComponent(middle.occurredAt)}`);
    const earlier = await timeline(`&to=${encodeURIComponent(middle.occurredAt)}`);
    expect(later.every((e) => e.occurredAt >= middle.occurredAt)).toBe(true);
    expect(earlier.every((e) => e.occurredAt < middle.occurredAt)).toBe(true);
    expect(later.length + earlier.length).toBe(all.length);
  });

  it('exports the whole timeline as CSV and as NDJSON', async () => {
    const csv = await fetch(`${w.sales.app.baseUrl}/deals/${dealId}/history?kind=contract`, {
      headers: { authorization: `Bearer ${auditor}`, accept: 'text/csv' },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toMatch(/^position,occurredAt,recordedAt,dealId,kind,stream,revision,type,summary,actorUserId/);
    const contractEvents = dealEvents.filter((e) => e.stream === `contract-${dealId}`);
    expect(lines).toHaveLength(contractEvents.length + 1);
    expect(lines[1]).toContain(contractEvents[0]!.id);

    const ndjson = await fetch(`${w.sales.app.baseUrl}/deals/${dealId}/history`, {
      headers: { authorization: `Bearer ${auditor}`, accept: 'application/x-ndjson' },
    });
    expect(ndjson.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const rows = (await ndjson.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Entry);
    expect(rows.map((r) => r.eventId)).toEqual(dealEvents.map((e) => e.id));
  });

  it('explains an event back to the person’s command that started it', async () => {
    const entries = await timeline();
    const drafted = entries.find((e) => e.type === 'ContractDrafted')!;
    const answer = await get(`/deals/${dealId}/history?explain=${drafted.eventId}`);
    expect(answer.status).toBe(200);
    const chain = answer.body.chain as Entry[];
    expect(answer.body.complete).toBe(true);
    expect(chain.at(-1)!.eventId).toBe(drafted.eventId);
    expect(chain[0]!).toMatchObject({ type: 'OpportunityWon', cause: { kind: 'command' }, actor: { userId: 'sven' } });
    // Each link is caused by the one before it.
    for (let i = 1; i < chain.length; i += 1) expect(chain[i]!.causationId).toBe(chain[i - 1]!.eventId);
  });

  it('lists what one person did across the tenant', async () => {
    const page = await get('/audit/actors/sven?limit=500');
    expect(page.status).toBe(200);
    const mine = (await store().readAll()).filter((e) => e.metadata.actor.userId === 'sven');
    expect((page.body.entries as Entry[]).map((e) => e.eventId)).toEqual(mine.map((e) => e.id));
    expect((page.body.entries as Entry[]).some((e) => e.dealId === dealId)).toBe(true);
  });

  it('answers 404 for an unknown deal or another tenant’s, 403 for a rep, and 400 for bad input', async () => {
    const unknown = await get('/deals/2b0c7a1e-8a42-4b7e-9a51-3c1f7f0d9e11/history');
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 404, code: 'DEAL_NOT_FOUND' });
    const otherTenant = await get(`/deals/${dealId}/history`, await w.sales.app.token(['auditor'], 'x', 'globex'));
    expect({ status: otherTenant.status, code: otherTenant.body.code }).toEqual({
      status: 404,
      code: 'DEAL_NOT_FOUND',
    });
    expect((await get(`/deals/${dealId}/history`, w.ingrid)).status).toBe(403);
    const badPeriod = await get(`/deals/${dealId}/history?from=yesterday`);
    expect(badPeriod.status).toBe(400);
    expect(badPeriod.body.errors[0]).toMatchObject({ field: 'from' });
    const badCursor = await get(`/deals/${dealId}/history?cursor=bm9wZQ`);
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.errors[0]).toMatchObject({ field: 'cursor' });
    const unknownEvent = await get(`/deals/${dealId}/history?explain=9f1c7a1e-8a42-4b7e-9a51-3c1f7f0d9e11`);
    expect({ status: unknownEvent.status, code: unknownEvent.body.code }).toEqual({
      status: 404,
      code: 'EVENT_NOT_FOUND',
    });
  });
});
