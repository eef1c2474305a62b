import { CommandRegistry } from '#ltc/platform';
import { contractWorld, wonDeal, type ContractWorld } from './support/contract-world.js';
import { ServiceWorld } from './support/service-world.js';
import { eventually } from './support/test-app.js';

/**
 * Who sees and works a ticket, and what a refused command leaves behind, over HTTP: the customer
 * of a won deal calls in under their contract's entitlement; the deal's AR reads the ticket, other
 * sales people and other groups' agents get the same 404 as for an unknown ticket; auditors and
 * sales roles only read; a refused command writes nothing; a policy edit moves no running ticket
 * until a service manager re-applies it.
 */
/** The gold policy: the same targets for every priority, 24×7. */
const gold = (responseMinutes: number, resolutionMinutes: number) => ({
  name: 'Gold',
  targets: Object.fromEntries(['P1', 'P2', 'P3', 'P4'].map((p) => [p, { responseMinutes, resolutionMinutes }])),
  calendarId: null,
  pauseOn: ['customer'],
  escalations: [],
  ola: { byLine: { 1: 30, 2: 60, 3: 120 } },
  independentVerification: false,
});

describe('Service tickets › access, entitlement and refusals', () => {
  let w: ContractWorld;
  let s: ServiceWorld;
  let dealId: string;
  let ticketId: string;

  beforeAll(async () => {
    w = await contractWorld();
    ({ dealId } = await wonDeal(w));
    await w.contracts.waitForEvent(dealId, 'ContractDrafted');
    s = await ServiceWorld.on(w.sales);
    await s.policy();
    await s.put('/sla-policies/gold', gold(5, 60));
    await s.put(`/service-entitlements/${dealId}`, { policyId: 'gold', warrantyEndsOn: '2099-12-31' });
    ticketId = await s.ticket({ contractId: dealId, priority: 'P2' });
  }, 120_000);
  afterAll(async () => w.sales.app.destroy());

  const read = (token: string, path = `/tickets/${ticketId}`) => w.sales.app.request('GET', path, { token });

  it('registers the ticket under the contract’s entitlement, warranty and deal team', async () => {
    const accepted = (await s.all(ticketId, 'TicketAccepted'))[0];
    expect(accepted).toMatchObject({
      customer: { contractId: dealId, entitlement: 'contract', warranty: 'in_warranty', warrantyEndsOn: '2099-12-31' },
      policy: { policyId: 'gold', version: 1 },
    });
    expect((accepted?.['customer'] as { dealTeam: string[] }).dealTeam).toEqual(
      expect.arrayContaining(['ingrid', 'sven', 'fia', 'maria']),
    );
    expect(await s.plan(ticketId, 'response')).toMatchObject({ targetMs: 5 * 60_000, policyVersion: 1 });
  });

  it('the deal’s AR reads it; another AR and another group’s agent get 404, in the list too', async () => {
    expect((await read(w.ingrid)).status).toBe(200);
    const listed = await eventually(async () => {
      const page = await read(w.ingrid, '/tickets');
      const ids = ((page.body?.items ?? []) as { id?: string; ticketId?: string }[]).map((t) => t.id ?? t.ticketId);
      return ids.includes(ticketId) ? ids : undefined;
    });
    expect(listed).toContain(ticketId);
    const otto = await w.sales.app.token(['ar'], 'otto');
    const unknown = await read(otto, `/tickets/00000000-0000-4000-8000-000000000000`);
    const hidden = await read(otto);
    expect({ status: hidden.status, body: hidden.body }).toEqual({
      status: 404,
      body: { ...unknown.body, message: expect.any(String) },
    });
    const ottoList = await read(otto, '/tickets');
    expect(JSON.stringify(ottoList.body)).not.toContain(ticketId);
    expect((await read(s.eric)).status).toBe(404);
  });

  it('sales roles and auditors only read; another group’s agent cannot work it; nothing is written', async () => {
    const before = (await s.events(ticketId)).length;
    const note = { note: 'Checked the depot', visibility: 'internal' };
    expect((await s.post(w.ingrid, `/tickets/${ticketId}/progress`, note)).status).toBe(403);
    const auditor = await w.sales.app.token(['auditor'], 'audrey');
    expect((await read(auditor)).status).toBe(200);
    expect((await s.post(auditor, `/tickets/${ticketId}/progress`, note)).status).toBe(403);
    expect((await s.post(s.eric, `/tickets/${ticketId}/progress`, note)).status).toBe(404);
    expect((await s.events(ticketId)).length).toBe(before);
  });

  it('a refused command answers 409 with its code or 400 naming the field, and writes nothing', async () => {
    const before = (await s.events(ticketId)).length;
    const resume = await s.post(s.ali, `/tickets/${ticketId}/resume`);
    expect({ status: resume.status, code: resume.body?.code }).toEqual({ status: 409, code: 'TICKET_NOT_WAITING' });
    const close = await s.post(s.ali, `/tickets/${ticketId}/close`);
    expect({ status: close.status, code: close.body?.code }).toEqual({ status: 409, code: 'TICKET_NOT_RESOLVED' });
    const grade = await s.post(s.ali, `/tickets/${ticketId}/grade`, { impact: 'high' });
    expect({ status: grade.status, field: grade.body?.errors?.[0]?.field }).toEqual({ status: 400, field: 'urgency' });
    const wait = await s.post(s.ali, `/tickets/${ticketId}/wait`, { reason: 'holiday' });
    expect({ status: wait.status, field: wait.body?.errors?.[0]?.field }).toEqual({ status: 400, field: 'reason' });
    expect((await s.events(ticketId)).length).toBe(before);
  });

  it('a policy edit moves no running ticket until a service manager re-applies it, keeping the time used', async () => {
    await s.put('/sla-policies/gold', gold(15, 90));
    expect(await s.plan(ticketId, 'response')).toMatchObject({ policyVersion: 1, targetMs: 5 * 60_000 });
    expect((await s.post(s.ali, `/tickets/${ticketId}/sla-policy/reapply`, {})).status).toBe(403);
    await s.ok(s.sam, `/tickets/${ticketId}/sla-policy/reapply`, { reason: 'Contract upgraded' });
    expect(await s.plan(ticketId, 'response')).toMatchObject({ policyVersion: 2, targetMs: 15 * 60_000 });
    expect((await s.all(ticketId, 'TicketSlaPolicyReapplied'))[0]).toMatchObject({ previousVersion: 1 });
  });

  it('a lead raised from the ticket links it from the lead’s own event, even when only the lead was written', async () => {
    // As if the process stopped between capturing the lead and linking the ticket: only the capture happens here.
    const registry = w.sales.app.app.get(CommandRegistry);
    const { leadId } = (await registry.request(
      'lead.CaptureLeadFromTicket',
      { ticketId, name: 'Spare parts contract', email: 'parts@nordfrakt.example' },
      {
        idempotencyKey: 'spawn-1',
        actor: { userId: 'ali', role: 'service_agent' },
        tenantId: 'acme',
        correlationId: 'c-1',
        causationId: 'c-1',
      },
    )) as { leadId: string };
    expect(await s.waitFor(ticketId, 'TicketLeadSpawned')).toMatchObject({ leadId });
    expect(await s.all(ticketId, 'TicketLeadSpawned')).toHaveLength(1);
  });
});
