import { startTestApp, eventually, type TestApp } from './support/test-app.js';

let phone = 1000;
/** A new lead each time: captures are unique per phone number within a tenant. */
const lead = () => ({
  name: 'Cold-chain sensors',
  company: 'Frost AB',
  phone: `+46 8 555 ${phone++}`,
  source: 'tradeshow',
  region: 'EMEA',
});

describe('HTTP conventions', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app.destroy());

  it('refuses a request without a token (401) and a token signed with another secret (401)', async () => {
    expect((await app.request('GET', '/leads')).status).toBe(401);
    const forged =
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwicm9sZXMiOlsiYWRtaW4iXSwidGVuYW50IjoiYWNtZSJ9.c2lnbmF0dXJlLWZyb20tZWxzZXdoZXJl';
    const response = await app.request('GET', '/leads', { token: forged });
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('INVALID_TOKEN');
  });

  it('refuses a role the route does not allow (403 FORBIDDEN)', async () => {
    const response = await app.request('POST', '/leads', { token: await app.token(['fr']), body: lead() });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('FORBIDDEN');
  });

  it('answers invalid input with 400 naming each field and rule, and writes nothing', async () => {
    const token = await app.token(['ar']);
    const before = await app.request('GET', '/leads', { token });
    const response = await app.request('POST', '/leads', {
      token,
      body: { name: 'x', source: 'carrier_pigeon', email: 'not-an-email', actor: 'someone-else' },
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    const fields = (response.body.errors as { field: string; rule: string }[]).map((e) => `${e.field}:${e.rule}`);
    expect(fields).toEqual(expect.arrayContaining(['source:isIn', 'email:isEmail', 'actor:unknownField']));
    const after = await app.request('GET', '/leads', { token });
    expect(after.body.total).toBe(before.body.total);
  });

  it('answers an unknown id with 404 LEAD_NOT_FOUND', async () => {
    const response = await app.request('GET', '/leads/7d3f6f2e-1c1b-4a52-9a53-1f7f7a0e2b11', {
      token: await app.token(['ar']),
    });
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('LEAD_NOT_FOUND');
  });

  it('records the authenticated caller and the correlation id as event metadata, never a body field', async () => {
    const created = await app.request('POST', '/leads', {
      token: await app.token(['ar'], 'rep-ingrid'),
      body: lead(),
      headers: { 'x-correlation-id': 'campaign-2026-q1' },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/leads/${created.body.id as string}`);
    const audit = await app.request('GET', `/streams/lead-${created.body.id as string}`, {
      token: await app.token(['auditor'], 'audit-1'),
    });
    expect(audit.status).toBe(200);
    const [event] = audit.body.events;
    expect(event.type).toBe('LeadCaptured');
    expect(event.metadata).toMatchObject({
      actor: { userId: 'rep-ingrid', role: 'ar' },
      correlationId: 'campaign-2026-q1',
      tenantId: 'acme',
      schemaVersion: 1,
    });
    expect(typeof event.position).toBe('string');
  });

  it('keeps tenants apart: another tenant sees 404 for the lead and its stream', async () => {
    const created = await app.request('POST', '/leads', { token: await app.token(['ar']), body: lead() });
    const other = await app.token(['admin'], 'intruder', 'globex');
    await eventually(async () => {
      const own = await app.request('GET', `/leads/${created.body.id as string}`, { token: await app.token(['ar']) });
      return own.status === 200 ? true : undefined;
    });
    expect((await app.request('GET', `/leads/${created.body.id as string}`, { token: other })).status).toBe(404);
    expect((await app.request('GET', `/streams/lead-${created.body.id as string}`, { token: other })).status).toBe(404);
    expect((await app.request('GET', '/leads', { token: other })).body.total).toBe(0);
  });

  it('lets only auditors and admins read raw streams', async () => {
    const created = await app.request('POST', '/leads', { token: await app.token(['ar']), body: lead() });
    const asRep = await app.request('GET', `/streams/lead-${created.body.id as string}`, {
      token: await app.token(['ar']),
    });
    expect(asRep.status).toBe(403);
  });

  it('serves health without a token and OpenAPI for every route', async () => {
    const health = await app.request('GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body.checks).toEqual({ eventStore: { status: 'up' }, readModels: { status: 'up' } });
    const docs = await app.request('GET', '/docs-json');
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(['/leads', '/leads/{id}', '/streams/{stream}', '/projections', '/health']),
    );
  });

  it('reports projections with position, lag and state', async () => {
    const response = await app.request('GET', '/projections', { token: await app.token(['admin']) });
    expect(response.status).toBe(200);
    const names = (response.body as { name: string }[]).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['lead_list', 'due_timers']));
    expect(response.body[0]).toEqual(
      expect.objectContaining({
        version: expect.any(Number),
        headPosition: expect.any(String),
        state: expect.any(String),
      }),
    );
  });
});
