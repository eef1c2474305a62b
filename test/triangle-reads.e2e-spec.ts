import { randomUUID } from 'node:crypto';
import { ManualClock } from '#ltc/clock';
import { CommandRegistry } from '#ltc/platform';
import { SYSTEM_ACTOR } from '#ltc/projections';
import { eventually, startTestApp, type TestApp } from './support/test-app.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The triangle's reads over HTTP on the embedded store: the receiver's inbox with the
 * handoff's age and time left, the stalled-handoffs list and the sponsor's alert once the
 * timer flags it overdue, a discount approval in the managers' inboxes, the deal its new
 * leader leads, and the stage velocity and scorecard reports, each only for whom it is for.
 */
describe('Inboxes, handoffs and triangle analytics over HTTP', () => {
  const clock = new ManualClock('2026-03-02T09:00:00.000Z');
  let app: TestApp;
  let maria: string;
  let magnus: string;
  let ingrid: string;
  let sven: string;
  let olle: string;

  const get = async (token: string, path: string): Promise<{ status: number; body: Json }> => {
    const response = await app.request('GET', path, { token });
    return { status: response.status, body: response.body as Json };
  };
  const post = async (token: string, path: string, body: unknown = {}): Promise<Json> => {
    const response = await app.request('POST', path, { token, body });
    expect([200, 201]).toContain(response.status);
    return response.body as Json;
  };
  /** Polls a read until `ready` holds (read models are eventually consistent). */
  const read = (token: string, path: string, ready: (body: Json) => boolean): Promise<Json> =>
    eventually(async () => {
      const { status, body } = await get(token, path);
      return status === 200 && ready(body) ? body : undefined;
    }, 15_000);

  beforeAll(async () => {
    app = await startTestApp({ clock });
    maria = await app.token(['sales_manager'], 'maria');
    magnus = await app.token(['sales_manager'], 'magnus');
    ingrid = await app.token(['ar'], 'ingrid');
    sven = await app.token(['sr'], 'sven');
    olle = await app.token(['ar'], 'olle');
    await post(maria, '/teams', { id: 'emea-north', name: 'EMEA North', managerId: 'maria' });
    for (const [id, role] of [
      ['ingrid', 'ar'],
      ['sven', 'sr'],
      ['fia', 'fr'],
      ['olle', 'ar'],
    ] as const) {
      await post(maria, '/reps', { id, name: id, email: `${id}@nordfrakt.example`, roles: [role], team: 'emea-north' });
    }
  });
  afterAll(async () => app.destroy());

  it('shows a handoff to its receiver, flags it to the sponsor when overdue, and the approvals to managers', async () => {
    // Opened in maria's team: she sees its handoffs in anyone's inbox and gives its approvals.
    const deal = await post(ingrid, '/opportunities', {
      name: 'Fleet telematics',
      account: 'Nordfrakt AB',
      team: 'emea-north',
    });
    const id = deal['id'] as string;
    const triangle = { ar: 'ingrid', sr: 'sven', fr: 'fia', sponsor: 'maria' };
    expect((await app.request('PUT', `/opportunities/${id}/triangle`, { token: ingrid, body: triangle })).status).toBe(
      200,
    );
    const handoffId = (
      await post(ingrid, `/opportunities/${id}/handoffs`, { to: 'sven', phase: 'bid', openItems: ['Fleet size'] })
    )['handoffId'] as string;

    clock.advance(60 * 60 * 1000);
    const svenInbox = await read(sven, '/me/inbox', (body) => body['handoffs'].length === 1);
    expect(svenInbox['handoffs'][0]).toMatchObject({
      handoffId,
      opportunityId: id,
      from: 'ingrid',
      openItems: ['Fleet size'],
      overdue: false,
      ageSeconds: 3600,
      secondsLeft: 23 * 3600,
    });
    expect(svenInbox['triangle']).toEqual([
      expect.objectContaining({ opportunityId: id, seats: ['sr'], leading: false }),
    ]);
    expect((await get(olle, '/handoffs')).body['items']).toEqual([]);
    expect((await get(sven, '/handoffs')).body['items'].map((h: Json) => h['handoffId'])).toEqual([handoffId]);
    expect((await get(ingrid, '/people/sven/inbox')).status).toBe(403);
    expect((await get(maria, '/people/sven/inbox')).body['handoffs'].map((h: Json) => h['handoffId'])).toEqual([
      handoffId,
    ]);
    const bad = await get(maria, '/handoffs?state=stuck');
    expect(bad.status).toBe(400);
    expect(bad.body['errors'].map((e: Json) => e['field'])).toContain('state');

    // The acceptance target (24 h) passes: the timer's step 1 tells the sponsor.
    clock.advance(24 * 60 * 60 * 1000);
    const registry = app.app.get(CommandRegistry);
    const key = randomUUID();
    await registry.dispatch(
      { type: 'opportunity.FlagHandoffOverdue', payload: { opportunityId: id, handoffId, step: 1 } },
      { idempotencyKey: key, actor: SYSTEM_ACTOR, tenantId: 'acme', correlationId: key, causationId: key },
    );
    const mariaInbox = await read(maria, '/me/inbox', (body) => body['sponsorAlerts'].length === 1);
    expect(mariaInbox['sponsorAlerts'][0]).toMatchObject({ handoffId, overdue: true, secondsLeft: -3600 });
    expect(mariaInbox['overdueCount']).toBe(1);
    expect((await get(maria, '/handoffs?state=overdue')).body['items'].map((h: Json) => h['handoffId'])).toEqual([
      handoffId,
    ]);

    await post(sven, `/opportunities/${id}/handoffs/${handoffId}/accept`);
    await read(sven, '/me/inbox', (body) => body['leading'].some((d: Json) => d['opportunityId'] === id));
    expect((await get(maria, '/handoffs?state=accepted')).body['items'][0]).toMatchObject({
      handoffId,
      status: 'accepted',
      secondsToAccept: 25 * 3600,
    });

    await post(sven, `/opportunities/${id}/quotes`, {
      lines: [
        {
          sku: 'TLM-100',
          description: 'Unit',
          quantity: 10,
          unitPrice: { amountMinor: 100_000, currency: 'EUR' },
          discountBp: 2000,
        },
      ],
      validUntil: '2099-12-31',
    });
    await post(sven, `/opportunities/${id}/quotes/1/request-approval`);
    const approvals = await read(maria, '/me/inbox', (body) => body['approvals'].length === 1);
    expect(approvals['approvals'][0]).toMatchObject({
      opportunityId: id,
      version: 1,
      requestedBy: 'sven',
      currency: 'EUR',
    });
    // Someone else's inbox: the approvals falling to them as the AR's team manager.
    expect((await get(magnus, '/people/maria/inbox')).body['approvals']).toHaveLength(1);
    expect((await get(magnus, '/people/magnus/inbox')).body['approvals']).toEqual([]);
    expect((await get(sven, '/me/inbox')).body['approvals']).toEqual([]);
  });

  it('reports stage velocity and the triangle scorecard to managers only', async () => {
    const velocity = await read(
      maria,
      '/analytics/opportunities/stage-velocity',
      (body) => body['stages'][0]['deals'] >= 1,
    );
    expect(velocity['stages'].map((s: Json) => s['stageId'])).toEqual([
      'qualify',
      'develop_solution',
      'bid',
      'negotiate',
      'won',
      'lost',
    ]);
    const scorecard = await read(maria, '/analytics/triangles', (body) => body['triangles'].length >= 1);
    expect(scorecard['triangles']).toContainEqual(
      expect.objectContaining({
        ar: 'ingrid',
        sr: 'sven',
        fr: 'fia',
        deals: 1,
        handoffsOverdue: 1,
        medianHandoffAcceptanceSeconds: 25 * 3600,
      }),
    );
    expect((await get(ingrid, '/analytics/triangles')).status).toBe(403);
    expect((await get(maria, '/analytics/triangles?pipeline=Not-A-Slug')).status).toBe(400);
  });
});
