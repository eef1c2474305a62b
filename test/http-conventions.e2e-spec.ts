import { eventLogSnapshot, rawRequest } from './support/event-log.js';
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

  describe('reads a body as a person means it, or says what is wrong with it', () => {
    const JSON_TYPE = { 'content-type': 'application/json' };
    const refusals: {
      name: string;
      method: string;
      path: string;
      body?: string;
      headers?: Record<string, string>;
      status: number;
      errors?: unknown[];
      code?: string;
    }[] = [
      {
        name: 'a null body',
        method: 'POST',
        path: '/scoring-models/preview',
        body: 'null',
        headers: JSON_TYPE,
        status: 400,
        errors: [
          {
            field: 'body',
            rule: 'isObject',
            message: 'body must be a JSON object, e.g. {} for a command without fields',
          },
        ],
      },
      {
        name: 'an empty body where a field is required',
        method: 'POST',
        path: '/scoring-models/preview',
        body: '',
        headers: JSON_TYPE,
        status: 400,
        errors: [{ field: 'lead', rule: 'required', message: 'lead is required' }],
      },
      {
        name: 'null for a field that is not nullable',
        method: 'PUT',
        path: '/distribution-policies/default',
        body: '{"method": null}',
        headers: JSON_TYPE,
        status: 400,
        errors: [{ field: 'method', rule: 'notNull', message: 'method must not be null' }],
      },
      {
        name: 'a __proto__ key',
        method: 'PUT',
        path: '/distribution-policies/default',
        body: '{"method": "round_robin", "__proto__": {"method": "shotgun"}}',
        headers: JSON_TYPE,
        status: 400,
        errors: [{ field: '__proto__', rule: 'unknownField', message: '__proto__ is not a known field' }],
      },
      {
        name: 'a nested constructor key',
        method: 'POST',
        path: '/scoring-models/preview',
        body: '{"lead": {"source": "website", "constructor": {"prototype": {}}}}',
        headers: JSON_TYPE,
        status: 400,
        errors: [{ field: 'lead.constructor', rule: 'unknownField', message: 'lead.constructor is not a known field' }],
      },
      {
        name: 'a string with a lone surrogate',
        method: 'POST',
        path: '/leads',
        body: '{"name": "Frost \\ud800AB", "source": "website"}',
        headers: JSON_TYPE,
        status: 400,
        errors: [
          {
            field: 'name',
            rule: 'wellFormedUnicode',
            message: 'name must be well-formed Unicode (it holds a lone surrogate)',
          },
        ],
      },
      {
        name: 'missing required fields: one message each',
        method: 'POST',
        path: '/leads',
        body: '{}',
        headers: JSON_TYPE,
        status: 400,
        errors: [
          { field: 'name', rule: 'required', message: 'name is required' },
          { field: 'source', rule: 'required', message: 'source is required' },
        ],
      },
      {
        name: 'a wrong type: one message, the type',
        method: 'PUT',
        path: '/reps/ingrid/capacity',
        body: '{"maxOpenLeads": "fifty", "dailyQuota": 10}',
        headers: JSON_TYPE,
        status: 400,
        errors: [{ field: 'maxOpenLeads', rule: 'isInt', message: 'maxOpenLeads must be an integer' }],
      },
      {
        name: 'a body without a Content-Type',
        method: 'POST',
        path: '/leads',
        body: '{"name": "x", "source": "website"}',
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
      },
      {
        name: 'a form body',
        method: 'POST',
        path: '/leads',
        body: 'name=x&source=website',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
      },
    ];

    it.each(refusals)(
      'refuses $name and writes nothing',
      async ({ method, path, body, headers, status, errors, code }) => {
        const token = await app.token(['admin'], 'admin');
        const before = await eventLogSnapshot(app);
        const response = await rawRequest(app, method, path, {
          token,
          ...(body !== undefined ? { body } : {}),
          ...(headers ? { headers } : {}),
        });
        expect(response.status).toBe(status);
        expect(response.contentType).toMatch(/^application\/json/);
        if (errors)
          expect(response.body).toEqual({
            statusCode: 400,
            code: 'VALIDATION_FAILED',
            message: expect.any(String),
            errors,
          });
        if (code) expect(response.body).toEqual({ statusCode: status, code, message: expect.any(String) });
        expect(await eventLogSnapshot(app)).toEqual(before);
      },
    );

    it('says which header is missing when a body comes without a Content-Type', async () => {
      const response = await rawRequest(app, 'POST', '/leads', {
        token: await app.token(['ar']),
        body: '{"name": "x", "source": "website"}',
      });
      expect(response.body).toEqual({
        statusCode: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message:
          'The request has a body but no Content-Type header; send JSON bodies with Content-Type: application/json',
      });
    });

    it('takes an empty JSON body of a command without fields as no body (no -d {} needed)', async () => {
      const token = await app.token(['admin'], 'admin');
      const withType = await rawRequest(app, 'POST', '/projections/lead_list/restart', {
        token,
        headers: JSON_TYPE,
        body: '',
      });
      expect(withType).toEqual({
        status: 202,
        contentType: expect.stringMatching(/^application\/json/),
        body: { name: 'lead_list', state: 'restarting' },
      });
      const bare = await rawRequest(app, 'POST', '/projections/lead_list/restart', { token });
      expect(bare.status).toBe(202);
    });
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
