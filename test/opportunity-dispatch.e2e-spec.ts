import { randomUUID } from 'node:crypto';
import { ManualClock } from '#ltc/clock';
import { CommandRegistry } from '#ltc/platform';
import { SYSTEM_ACTOR } from '#ltc/projections';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The deal commands process managers and timers send, through the CommandRegistry as the
 * engine's dispatcher does: a lead conversion opens its deal once however often it is
 * replayed, and never stalls on a deal that already exists; a handoff timer flags the
 * handoff overdue to the sponsor and escalates it to the AR's sales manager; a handed-over
 * contract asks its FR, once, to take the deal's lead.
 */
describe('Opportunity commands dispatched by process managers and timers', () => {
  const clock = new ManualClock('2026-03-02T09:00:00.000Z');
  let app: TestApp;
  let registry: CommandRegistry;
  let manager: string;
  let auditor: string;
  let ingrid: string;

  const dispatch = (type: string, payload: Record<string, unknown>, key: string = randomUUID()) =>
    registry.dispatch(
      { type, payload },
      { idempotencyKey: key, actor: SYSTEM_ACTOR, tenantId: 'acme', correlationId: 'corr', causationId: key },
    );

  const events = async (id: string): Promise<{ type: string; data: Record<string, unknown> }[]> =>
    (await app.request('GET', `/streams/opportunity-${id}?limit=1000`, { token: auditor })).body.events ?? [];

  const conversion = (opportunityId: string) => ({
    opportunityId,
    origin: 'lead_conversion',
    lead: { leadId: opportunityId, source: 'website', contactPerson: 'Ingrid Lund', tags: ['fleet'], score: 72 },
    name: 'Fleet telematics',
    account: 'Nordfrakt AB',
    amount: { amountMinor: 2_500_000, currency: 'EUR' },
    closeDate: null,
    productsOfInterest: [],
    owner: 'ingrid',
    team: 'emea-north',
    region: 'EMEA',
    pipelineId: 'default',
  });

  beforeAll(async () => {
    app = await startTestApp({ clock });
    registry = app.app.get(CommandRegistry);
    manager = await app.token(['sales_manager'], 'maria');
    auditor = await app.token(['auditor'], 'audrey');
    ingrid = await app.token(['ar'], 'ingrid');
    const body = { id: 'emea-north', name: 'EMEA North', managerId: 'maria' };
    expect((await app.request('POST', '/teams', { token: manager, body })).status).toBe(201);
    for (const [id, role] of [
      ['ingrid', 'ar'],
      ['sven', 'sr'],
      ['fiona', 'fr'],
    ] as const) {
      const rep = { id, name: id, email: `${id}@nordfrakt.example`, roles: [role], team: 'emea-north' };
      expect((await app.request('POST', '/reps', { token: manager, body: rep })).status).toBe(201);
    }
  });
  afterAll(async () => app.destroy());

  it('opens the deal a conversion names once, with the lead’s source, however often it is replayed', async () => {
    const id = randomUUID();
    await dispatch('opportunity.OpenOpportunity', conversion(id), 'conversion-1');
    await dispatch('opportunity.OpenOpportunity', conversion(id), 'conversion-1');
    await dispatch('opportunity.OpenOpportunity', conversion(id), 'conversion-replayed-under-another-key');
    const stored = await events(id);
    expect(stored.map((e) => e.type)).toEqual(['OpportunityOpened']);
    expect(stored[0]?.data).toMatchObject({
      origin: 'lead_conversion',
      lead: { leadId: id, source: 'website' },
      owner: 'ingrid',
      team: 'emea-north',
      region: 'EMEA',
      stageId: 'qualify',
    });
  });

  it('leaves a deal opened directly under the same id as it is, without failing the process manager', async () => {
    const id = randomUUID();
    const opened = await app.request('POST', '/opportunities', { token: ingrid, body: { id, name: 'Expansion' } });
    expect(opened.status).toBe(201);
    await expect(dispatch('opportunity.OpenOpportunity', conversion(id))).resolves.toBeUndefined();
    expect((await events(id)).map((e) => e.type)).toEqual(['OpportunityOpened']);
  });

  it('flags an unanswered handoff overdue to the sponsor, then escalates it to the AR’s sales manager', async () => {
    const id = randomUUID();
    await dispatch('opportunity.OpenOpportunity', conversion(id));
    const triangle = { ar: 'ingrid', sr: 'sven', sponsor: 'maria' };
    expect((await app.request('PUT', `/opportunities/${id}/triangle`, { token: ingrid, body: triangle })).status).toBe(
      200,
    );
    const asked = await app.request('POST', `/opportunities/${id}/handoffs`, {
      token: ingrid,
      body: { to: 'sven', phase: 'bid' },
    });
    const handoffId = asked.body.handoffId as string;

    // A timer firing early changes nothing; at the due time step 1 tells the sponsor.
    await dispatch('opportunity.FlagHandoffOverdue', { opportunityId: id, handoffId, step: 1 });
    expect((await events(id)).map((e) => e.type)).not.toContain('HandoffOverdue');
    clock.advance(24 * 60 * 60 * 1000);
    await dispatch('opportunity.FlagHandoffOverdue', { opportunityId: id, handoffId, step: 1 });
    clock.advance(24 * 60 * 60 * 1000);
    await dispatch('opportunity.FlagHandoffOverdue', { opportunityId: id, handoffId, step: 2 });

    const stored = await events(id);
    expect(stored.find((e) => e.type === 'HandoffOverdue')?.data).toMatchObject({ handoffId, sponsor: 'maria' });
    expect(stored.find((e) => e.type === 'HandoffEscalated')?.data).toMatchObject({ handoffId, escalatedTo: 'maria' });
  });

  it('asks the FR, once, to take the lead of a handed-over deal from whoever leads it; skips when nothing is to ask', async () => {
    const id = randomUUID();
    await dispatch('opportunity.OpenOpportunity', conversion(id));
    const triangle = { ar: 'ingrid', sr: 'sven', fr: 'fiona' };
    expect((await app.request('PUT', `/opportunities/${id}/triangle`, { token: ingrid, body: triangle })).status).toBe(
      200,
    );
    const handOff = { opportunityId: id, to: 'fiona' };
    await dispatch('opportunity.HandOffToFulfilment', handOff, 'handover-1');
    await dispatch('opportunity.HandOffToFulfilment', handOff, 'handover-1');
    // Under another key (a replay of another event): a handoff to the FR is already pending.
    await dispatch('opportunity.HandOffToFulfilment', handOff, 'handover-2');
    const requested = (await events(id)).filter((e) => e.type === 'HandoffRequested');
    expect(requested.map((e) => e.data)).toEqual([
      expect.objectContaining({ from: 'ingrid', to: 'fiona', phase: 'execution' }),
    ]);
    const fiona = await app.token(['fr'], 'fiona');
    const handoffId = requested[0]?.data['handoffId'] as string;
    const accepted = await app.request('POST', `/opportunities/${id}/handoffs/${handoffId}/accept`, { token: fiona });
    expect(accepted.status).toBe(200);
    // The FR leads now: nothing more to ask; an unknown deal asks nothing either.
    await dispatch('opportunity.HandOffToFulfilment', handOff, 'handover-3');
    await expect(
      dispatch('opportunity.HandOffToFulfilment', { opportunityId: randomUUID(), to: 'fiona' }),
    ).resolves.toBeUndefined();
    expect((await events(id)).filter((e) => e.type === 'HandoffRequested')).toHaveLength(1);
  });
});
