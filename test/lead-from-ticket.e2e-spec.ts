import { randomUUID } from 'node:crypto';
import { commandIdFromKey, entityIdFromCommandId } from '#ltc/commanding';
import { InvalidInputError } from '#ltc/kernel';
import type { CaptureLeadFromTicketPayload, CaptureLeadFromTicketResult } from '#ltc/leads/events';
import { CommandRegistry } from '#ltc/platform';
import { Sales } from './support/sales-world.js';
import { eventually } from './support/test-app.js';

/** The service engineer who found the sales need; the service context sends the command on their behalf. */
const ENGINEER = { userId: 'sam', role: 'service_agent' };

/**
 * A sales need found in service becomes a lead: the service context sends
 * `lead.CaptureLeadFromTicket` through the CommandRegistry, and the lead is captured like any
 * `POST /leads` (duplicates, scoring, routing), with source `service` and the ticket it came from.
 */
describe('Leads raised from service tickets', () => {
  let sales: Sales;
  let registry: CommandRegistry;
  let seq = 0;

  const raise = (payload: Record<string, unknown>, key: string = randomUUID()) =>
    registry.request('lead.CaptureLeadFromTicket', payload, {
      idempotencyKey: key,
      actor: ENGINEER,
      tenantId: 'acme',
      correlationId: `corr-${key}`,
      causationId: `ticket-event-${key}`,
    }) as Promise<CaptureLeadFromTicketResult>;

  const need = (overrides: Partial<Record<keyof CaptureLeadFromTicketPayload, unknown>> = {}) => ({
    ticketId: `ticket-${++seq}`,
    name: 'Winter fleet for the northern depots',
    company: 'Nordfrakt AB',
    contactPerson: 'Ingrid Lund',
    email: `ingrid${seq}@nordfrakt.example`,
    phone: `+46 8 555 ${String(seq).padStart(3, '0')}`,
    notes: 'Asked on the repair call whether we also lease trucks',
    region: 'EMEA',
    ...overrides,
  });

  const detail = (leadId: string, until: (lead: Record<string, unknown>) => boolean = () => true) =>
    eventually(async () => {
      const found = await sales.app.request('GET', `/leads/${leadId}`, { token: sales.manager });
      return found.status === 200 && until(found.body) ? (found.body as Record<string, unknown>) : undefined;
    });

  /** The lead a key would create, had the command been accepted. */
  const leadOfKey = (key: string) => entityIdFromCommandId(commandIdFromKey('acme', ENGINEER.userId, key));

  beforeAll(async () => {
    sales = await Sales.start();
    await sales.rep('ana');
    registry = sales.app.app.get(CommandRegistry);
  }, 60_000);
  afterAll(async () => sales.app.destroy());

  it('captures the lead with source service and the ticket, scores it and routes it to a rep like any lead', async () => {
    const payload = need();
    const key = randomUUID();
    const result = await raise(payload, key);
    expect(result).toEqual({ leadId: expect.any(String), duplicate: false });

    const assigned = await sales.waitFor(result.leadId, 'LeadAssigned');
    expect(assigned.data.repId).toBe('ana');
    const [captured] = await sales.events(`lead-${result.leadId}`);
    expect(captured).toMatchObject({
      type: 'LeadCaptured',
      data: { source: 'service', raisedFromTicket: payload.ticketId, name: payload.name },
      // Who raised it, and the ticket event that caused it, as the service context sent them.
      metadata: { actor: ENGINEER, correlationId: `corr-${key}`, causationId: `ticket-event-${key}` },
    });

    const lead = await detail(result.leadId, (l) => l['ownerId'] === 'ana' && l['score'] !== null);
    expect(lead).toMatchObject({
      source: 'service',
      raisedFromTicket: payload.ticketId,
      company: 'Nordfrakt AB',
      contactPerson: 'Ingrid Lund',
      email: payload.email,
      notes: payload.notes,
      region: 'EMEA',
      direction: 'inbound',
    });
    const listed = await sales.app.request('GET', '/leads?source=service&limit=100', { token: sales.manager });
    expect(listed.status).toBe(200);
    const item = (listed.body.items as { id: string; raisedFromTicket: string | null }[]).find(
      (l) => l.id === result.leadId,
    );
    expect(item?.raisedFromTicket).toBe(payload.ticketId);
  });

  it('shows raisedFromTicket null on a lead captured over POST /leads', async () => {
    const leadId = await sales.capture();
    expect(await detail(leadId)).toMatchObject({ source: 'website', raisedFromTicket: null });
  });

  it('answers a retry with the same idempotency key with the same lead, written once', async () => {
    const key = randomUUID();
    const payload = need();
    const first = await raise(payload, key);
    const retry = await raise(payload, key);
    expect(retry).toEqual(first);
    expect(first.leadId).toBe(leadOfKey(key));
    await sales.waitFor(first.leadId, 'LeadAssigned');
    const captures = (await sales.events(`lead-${first.leadId}`)).filter((e) => e.type === 'LeadCaptured');
    expect(captures).toHaveLength(1);
  });

  it('keeps a need whose contact is already a lead as a touch on that lead, naming the ticket, and says so', async () => {
    const first = need();
    const existing = await raise(first);
    const again = need({ email: first.email, phone: undefined, notes: 'Also wants a service contract' });
    const key = randomUUID();
    const result = await raise(again, key);
    expect(result).toEqual({ leadId: existing.leadId, duplicate: true });
    expect(await raise(again, key)).toEqual(result);
    const touch = await sales.waitFor(existing.leadId, 'LeadTouchRecorded');
    expect(touch.data).toMatchObject({ source: 'service', raisedFromTicket: again.ticketId, note: again.notes });
    expect((await sales.events(`lead-${existing.leadId}`)).filter((e) => e.type === 'LeadTouchRecorded')).toHaveLength(
      1,
    );
    // The lead stays the first ticket's; the second ticket's need is on its touch.
    expect(await detail(existing.leadId, (l) => l['touches'] === 1)).toMatchObject({
      raisedFromTicket: first.ticketId,
    });
    expect(await sales.events(`lead-${leadOfKey(key)}`)).toEqual([]);
  });

  it('refuses a bad payload with the 400 error of POST /leads, naming the field, and writes nothing', async () => {
    const refusal = async (payload: Record<string, unknown>) => {
      const key = randomUUID();
      const refused = await raise(payload, key).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(InvalidInputError);
      expect(await sales.events(`lead-${leadOfKey(key)}`)).toEqual([]);
      const { code, field, rule } = refused as InvalidInputError;
      return { code, field, rule };
    };
    // What POST /leads answers for the same need, as its first error.
    const posted = async (payload: Record<string, unknown>) => {
      const { ticketId: _ticket, ...body } = payload;
      const response = await sales.app.request('POST', '/leads', {
        token: sales.manager,
        body: { ...body, source: 'service' },
      });
      expect(response.status).toBe(400);
      const [first] = response.body.errors as { field: string; rule: string }[];
      return { code: response.body.code as string, field: first?.field, rule: first?.rule };
    };
    for (const payload of [need({ name: undefined }), need({ email: 'not an email' }), need({ region: 7 })]) {
      expect(await refusal(payload)).toEqual(await posted(payload));
    }
    expect(await refusal(need({ name: undefined }))).toEqual({
      code: 'VALIDATION_FAILED',
      field: 'name',
      rule: 'required',
    });
    expect(await refusal(need({ ticketId: undefined }))).toMatchObject({ field: 'ticketId', rule: 'required' });
    expect(await refusal(need({ ticketId: 'two words' }))).toMatchObject({ field: 'ticketId', rule: 'ticketId' });
    // The command sets the source (and the duplicate handling) itself; a payload cannot.
    expect(await refusal({ ...need(), source: 'website' })).toMatchObject({ field: 'source', rule: 'unknownField' });
    // The refused captures reserved no contact: the same email is a new lead afterwards.
    const email = 'nobody-yet@nordfrakt.example';
    await raise(need({ email, name: '' })).catch(() => undefined);
    expect(await raise(need({ email }))).toMatchObject({ duplicate: false });
  });
});
