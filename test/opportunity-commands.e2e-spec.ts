import { randomUUID } from 'node:crypto';
import { eventually, startTestApp, type TestApp, type TestResponse } from './support/test-app.js';

/**
 * The write side of opportunities over HTTP on the embedded store: a deal opened directly,
 * its triangle checked against the organisation, a stage gate, a handoff only its receiver
 * accepts, a quote whose discount needs another sales manager's approval, the win; and the
 * answers a client relies on (400 naming the field, 404 for an unseen deal, 409 codes, 412,
 * idempotent retries, pipelines round-tripped with If-Match).
 */
describe('Opportunity commands over HTTP', () => {
  let app: TestApp;
  let manager: string;
  let approver: string;
  let auditor: string;
  let ingrid: string;
  let sven: string;
  let outsider: string;

  const events = async (stream: string): Promise<string[]> => {
    const read = await app.request('GET', `/streams/${stream}?limit=1000`, { token: auditor });
    return (read.body.events ?? []).map((e: { type: string }) => e.type);
  };

  const rep = async (id: string, roles: string[]): Promise<void> => {
    const body = { id, name: id, email: `${id}@nordfrakt.example`, roles, team: 'emea-north' };
    const registered = await app.request('POST', '/reps', { token: manager, body });
    expect(registered.status).toBe(201);
  };

  const post = (token: string, path: string, body: unknown = {}, headers: Record<string, string> = {}) =>
    app.request('POST', path, { token, body, headers });

  const expectCode = (response: TestResponse, status: number, code: string): void => {
    expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
  };

  const expectField = (response: TestResponse, field: string): void => {
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  };

  const open = async (token: string, extra: Record<string, unknown> = {}): Promise<string> => {
    const opened = await post(token, '/opportunities', {
      name: 'Fleet telematics expansion',
      account: 'Nordfrakt AB',
      amount: { amountMinor: 4_000_000, currency: 'EUR' },
      closeDate: '2026-06-30',
      ...extra,
    });
    expect(opened.status).toBe(201);
    return opened.body.id as string;
  };

  beforeAll(async () => {
    app = await startTestApp();
    manager = await app.token(['sales_manager'], 'maria');
    approver = await app.token(['sales_manager'], 'magnus');
    auditor = await app.token(['auditor'], 'audrey');
    ingrid = await app.token(['ar'], 'ingrid');
    sven = await app.token(['sr'], 'sven');
    outsider = await app.token(['ar'], 'olle');
    const team = await post(manager, '/teams', { id: 'emea-north', name: 'EMEA North', managerId: 'maria' });
    expect(team.status).toBe(201);
    await rep('ingrid', ['ar']);
    await rep('sven', ['sr']);
    await rep('fia', ['fr']);
    await rep('olle', ['ar']);
  });
  afterAll(async () => app.destroy());

  it('walks a deal from opening to won: gate refusal, handoff, approved quote, sent, won', async () => {
    // Opened in maria's team: she manages it (asks for the approval, may not give it to herself).
    const id = await open(ingrid, { team: 'emea-north' });
    const stream = `opportunity-${id}`;
    expect(await events(stream)).toEqual(['OpportunityOpened']);

    const triangle = await app.request('PUT', `/opportunities/${id}/triangle`, {
      token: ingrid,
      body: { ar: 'ingrid', fr: 'fia', sponsor: 'maria' },
    });
    expect(triangle.status).toBe(200);

    const gated = await post(ingrid, `/opportunities/${id}/stage`, { stage: 'bid' });
    expectCode(gated, 409, 'GATE_SR_REQUIRED');
    expect(gated.body.details).toEqual({ stageId: 'bid', gate: 'triangle_has_sr' });
    const withSr = await app.request('PUT', `/opportunities/${id}/triangle`, {
      token: ingrid,
      body: { ar: 'ingrid', sr: 'sven', fr: 'fia', sponsor: 'maria' },
    });
    expect(withSr.status).toBe(200);
    const moved = await post(ingrid, `/opportunities/${id}/stage`, { stage: 'bid', reason: 'Solution agreed' });
    expect(moved.status).toBe(200);
    expect(moved.body.events.map((e: { type: string }) => e.type)).toEqual(['OpportunityStageChanged']);

    const handoff = await post(ingrid, `/opportunities/${id}/handoffs`, {
      to: 'sven',
      phase: 'bid',
      notes: 'Pilot in Q3',
      openItems: ['Confirm fleet size'],
    });
    expect(handoff.status).toBe(201);
    const handoffId = handoff.body.handoffId as string;
    const before = await events(stream);
    const notReceiver = await post(ingrid, `/opportunities/${id}/handoffs/${handoffId}/accept`);
    expectCode(notReceiver, 409, 'HANDOFF_NOT_RECEIVER');
    expect(await events(stream)).toEqual(before);
    const accepted = await post(sven, `/opportunities/${id}/handoffs/${handoffId}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.events.map((e: { type: string }) => e.type)).toEqual(['HandoffAccepted']);

    // 40 units at 1 000.00 EUR with 20 % off: above the default 15 % threshold.
    const quote = await post(sven, `/opportunities/${id}/quotes`, {
      lines: [
        {
          sku: 'TLM-100',
          description: 'Telematics unit',
          quantity: 40,
          unitPrice: { amountMinor: 100_000, currency: 'EUR' },
          discountBp: 2000,
        },
      ],
      validUntil: '2099-12-31',
    });
    expect(quote.status).toBe(201);
    expect(quote.body).toMatchObject({ version: 1, needsApproval: true, totalMinor: 3_200_000, currency: 'EUR' });
    expectCode(await post(sven, `/opportunities/${id}/quotes/1/send`), 409, 'QUOTE_NEEDS_APPROVAL');
    expect((await post(manager, `/opportunities/${id}/quotes/1/request-approval`)).status).toBe(200);
    expectCode(await post(manager, `/opportunities/${id}/quotes/1/approve`), 409, 'APPROVER_IS_REQUESTER');
    expect((await post(sven, `/opportunities/${id}/quotes/1/approve`)).status).toBe(403);
    expect((await post(approver, `/opportunities/${id}/quotes/1/approve`, { note: 'Strategic' })).status).toBe(200);
    expect((await post(sven, `/opportunities/${id}/quotes/1/send`)).status).toBe(200);
    expect((await post(sven, `/opportunities/${id}/bid`, { quoteVersion: 1 })).status).toBe(200);
    const answered = await post(sven, `/opportunities/${id}/customer-answer`, { answer: 'accepted' });
    expect(answered.status).toBe(200);

    const won = await post(sven, `/opportunities/${id}/win`, { quoteVersion: 1 });
    expect(won.status).toBe(200);
    expect(won.body.events.map((e: { type: string }) => e.type)).toEqual(['OpportunityWon']);
    expectCode(await post(sven, `/opportunities/${id}/stage`, { stage: 'negotiate' }), 409, 'OPPORTUNITY_CLOSED');
    expect((await post(ingrid, `/opportunities/${id}/reopen`, { reason: 'x' })).status).toBe(403);
    expect((await post(manager, `/opportunities/${id}/reopen`, { reason: 'Signed the wrong entity' })).status).toBe(
      200,
    );
  });

  it('opens a deal for the caller as AR; an owner unknown to the organisation is 400, one without ar is 409', async () => {
    const id = await open(ingrid, { productsOfInterest: ['telematics'], team: 'emea-north', region: 'SE' });
    const read = await app.request('GET', `/streams/opportunity-${id}`, { token: auditor });
    expect(read.body.events[0].data).toMatchObject({
      origin: 'direct',
      owner: 'ingrid',
      team: 'emea-north',
      region: 'SE',
      pipelineId: 'default',
      stageId: 'qualify',
    });
    expectField(await post(manager, '/opportunities', { name: 'X', owner: 'nobody' }), 'owner');
    expectCode(await post(manager, '/opportunities', { name: 'X', owner: 'sven' }), 409, 'PERSON_LACKS_ROLE');
    expectField(await post(ingrid, '/opportunities', { name: 'X', pipeline: 'renewals' }), 'pipeline');
    expect((await post(auditor, '/opportunities', { name: 'X' })).status).toBe(403);
  });

  it('answers 400 naming the field for bad bodies, and writes nothing', async () => {
    const id = await open(ingrid);
    const stream = `opportunity-${id}`;
    expectField(
      await post(ingrid, '/opportunities', { name: 'X', amount: { amountMinor: 1.5, currency: 'EUR' } }),
      'amount.amountMinor',
    );
    expectField(
      await post(ingrid, '/opportunities', { name: 'X', amount: { amountMinor: 1, currency: 'XXX' } }),
      'amount.currency',
    );
    expectField(await post(ingrid, '/opportunities', { name: 'X', closeDate: '30/06/2026' }), 'closeDate');
    expectField(await post(ingrid, '/opportunities', { name: 'X', closeDate: '2026-04-31' }), 'closeDate');
    const patched = await app.request('PATCH', `/opportunities/${id}`, {
      token: ingrid,
      body: { probabilityBp: 10_001 },
    });
    expectField(patched, 'probabilityBp');
    expectField(await post(ingrid, `/opportunities/${id}/stage`, {}), 'stage');
    expectField(await post(ingrid, `/opportunities/${id}/stage`, { stage: 'nowhere' }), 'stage');
    expectField(await post(ingrid, `/opportunities/${id}/quotes`, { lines: [], validUntil: '2099-01-01' }), 'lines');
    expectField(await post(ingrid, `/opportunities/${id}/lose`, { reasonCode: 'bad_weather' }), 'reasonCode');
    expectField(
      await app.request('PUT', `/opportunities/${id}/triangle`, { token: ingrid, body: { ar: 'ingrid', sr: 'ghost' } }),
      'sr',
    );
    expect(await events(stream)).toEqual(['OpportunityOpened']);
  });

  it('answers 404 for a deal outside the caller’s triangle and for another tenant’s, writing nothing', async () => {
    const id = await open(ingrid);
    expectCode(
      await post(outsider, `/opportunities/${id}/stage`, { stage: 'develop_solution' }),
      404,
      'OPPORTUNITY_NOT_FOUND',
    );
    const stranger = await app.token(['sales_manager'], 'maria', 'globex');
    expectCode(
      await post(stranger, `/opportunities/${id}/stage`, { stage: 'develop_solution' }),
      404,
      'OPPORTUNITY_NOT_FOUND',
    );
    expectCode(
      await post(ingrid, `/opportunities/${randomUUID()}/stage`, { stage: 'bid' }),
      404,
      'OPPORTUNITY_NOT_FOUND',
    );
    expect(await events(`opportunity-${id}`)).toEqual(['OpportunityOpened']);
    // A team's sales manager sees their team's deals; this one was opened in no team.
    expectCode(await post(manager, `/opportunities/${id}/stage`, { stage: 'bid' }), 404, 'OPPORTUNITY_NOT_FOUND');
    // A sales manager in no team heads the whole tenant and sees every deal.
    expect((await post(approver, `/opportunities/${id}/stage`, { stage: 'develop_solution' })).status).toBe(200);
  });

  it('refuses a stale If-Match with 412, and answers a retried Idempotency-Key the same', async () => {
    const id = await open(ingrid);
    const edited = await app.request('PATCH', `/opportunities/${id}`, {
      token: ingrid,
      body: { closeDate: '2026-09-30', reason: 'Board moved' },
      headers: { 'If-Match': '"0"' },
    });
    expect(edited.status).toBe(200);
    expect(edited.headers.get('etag')).toBe('"1"');
    const stale = await app.request('PATCH', `/opportunities/${id}`, {
      token: ingrid,
      body: { probabilityBp: 3000 },
      headers: { 'If-Match': '"0"' },
    });
    expect(stale.status).toBe(412);

    const key = { 'Idempotency-Key': `open-${randomUUID()}` };
    const body = { name: 'Renewal 2027', owner: 'ingrid' };
    const first = await post(manager, '/opportunities', body, key);
    const retried = await post(manager, '/opportunities', body, key);
    expect(first.status).toBe(201);
    expect(retried.status).toBe(201);
    expect(retried.body).toEqual(first.body);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');

    await app.request('PUT', `/opportunities/${id}/triangle`, { token: ingrid, body: { ar: 'ingrid', sr: 'sven' } });
    const handoffKey = { 'Idempotency-Key': `handoff-${randomUUID()}` };
    const handoff = { to: 'sven', phase: 'bid' };
    const asked = await post(ingrid, `/opportunities/${id}/handoffs`, handoff, handoffKey);
    const askedAgain = await post(ingrid, `/opportunities/${id}/handoffs`, handoff, handoffKey);
    expect(asked.status).toBe(201);
    expect(askedAgain.body).toEqual(asked.body);
    expect((await events(`opportunity-${id}`)).filter((type) => type === 'HandoffRequested')).toHaveLength(1);
  });

  it('round-trips a pipeline with a changed acceptance target, refusing a stale If-Match', async () => {
    const builtIn = await app.request('GET', '/pipelines/default', { token: ingrid });
    expect(builtIn.status).toBe(200);
    expect(builtIn.body).toMatchObject({ pipelineId: 'default', version: 0, handoffAcceptanceTargetSeconds: 86_400 });
    expect((await app.request('GET', '/pipelines/renewals', { token: ingrid })).status).toBe(404);

    const { pipelineId: _id, version: _version, ...definition } = builtIn.body;
    const renewals = await app.request('PUT', '/pipelines/renewals', {
      token: manager,
      body: { ...definition, name: 'Renewals', handoffAcceptanceTargetSeconds: 5 },
    });
    expect(renewals.status).toBe(200);
    expect(renewals.body).toMatchObject({ id: 'renewals', version: 1, revision: 0 });
    const read = await app.request('GET', '/pipelines/renewals', { token: ingrid });
    expect(read.body).toMatchObject({ version: 1, name: 'Renewals', handoffAcceptanceTargetSeconds: 5 });
    expect(read.headers.get('etag')).toBe('"0"');

    const next = { ...definition, name: 'Renewals', handoffAcceptanceTargetSeconds: 60 };
    const v2 = await app.request('PUT', '/pipelines/renewals', {
      token: manager,
      body: next,
      headers: { 'If-Match': '"0"' },
    });
    expect(v2.body).toMatchObject({ version: 2, revision: 1 });
    const stale = await app.request('PUT', '/pipelines/renewals', {
      token: manager,
      body: { ...next, handoffAcceptanceTargetSeconds: 1 },
      headers: { 'If-Match': '"0"' },
    });
    expect(stale.status).toBe(412);
    expectField(
      await app.request('PUT', '/pipelines/renewals', {
        token: manager,
        body: { ...next, stages: next.stages.slice(1, 4) },
      }),
      'stages',
    );
    expect((await app.request('PUT', '/pipelines/renewals', { token: ingrid, body: next })).status).toBe(403);

    // A deal opened in it reads the new target; the list shows both pipelines.
    const id = await open(ingrid, { pipeline: 'renewals' });
    await app.request('PUT', `/opportunities/${id}/triangle`, { token: ingrid, body: { ar: 'ingrid', sr: 'sven' } });
    const handoff = await post(ingrid, `/opportunities/${id}/handoffs`, { to: 'sven', phase: 'bid' });
    const requested = (await app.request('GET', `/streams/opportunity-${id}`, { token: auditor })).body.events.at(-1);
    const dueIn = Date.parse(requested.data.dueAt) - Date.parse(requested.data.at);
    expect({ status: handoff.status, dueIn }).toEqual({ status: 201, dueIn: 60_000 });
    const listed = await eventually(async () => {
      const list = await app.request('GET', '/pipelines', { token: ingrid });
      const ids = list.body.items.map((p: { pipelineId: string }) => p.pipelineId);
      return ids.includes('renewals') ? ids : undefined;
    });
    expect(listed).toEqual(['default', 'renewals']);
  });
});
