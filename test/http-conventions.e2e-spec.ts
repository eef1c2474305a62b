import { ModulesContainer } from '@nestjs/core';
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
          'The request has a body but no Content-Type header; send the type the operation documents (application/json for JSON bodies)',
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
    const documented = Object.entries(docs.body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    const registered = registeredRoutes(app.app).sort();
    expect(documented).toEqual(registered);
    // …and each of those is a route the HTTP server really answers.
    const fastify = app.app.getHttpAdapter().getInstance();
    const unanswered = registered.filter((route) => {
      const [method = '', path = ''] = route.split(' ');
      return !fastify.hasRoute({ method, url: path.replace(/\{(\w+)\}/g, ':$1') });
    });
    expect(unanswered).toEqual([]);
  });

  it('documents every operation with a summary and the error responses it can give', async () => {
    const docs = (await app.request('GET', '/docs-json')).body;
    const problems: string[] = [];
    for (const [path, item] of Object.entries(docs.paths as Record<string, Record<string, DocumentedOperation>>)) {
      for (const [method, op] of Object.entries(item)) {
        const name = `${method.toUpperCase()} ${path}`;
        const statuses = Object.keys(op.responses);
        const headers = (op.parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name);
        const expected = [
          ...(op.security?.length ? ['401', '403'] : []),
          ...((op.parameters ?? []).some((p) => p.in !== 'header') || op.requestBody ? ['400'] : []),
          ...((op.parameters ?? []).some((p) => p.in === 'path') ? ['404'] : []),
          ...(headers.includes('If-Match') ? ['412'] : []),
          ...(headers.includes('Idempotency-Key') ? ['409', '422'] : []),
        ];
        if (!op.summary?.trim()) problems.push(`${name}: no summary`);
        for (const status of expected) if (!statuses.includes(status)) problems.push(`${name}: no ${status}`);
      }
    }
    expect(problems).toEqual([]);
    expect(Object.keys(docs.paths['/projections/{name}/rebuild'].post.responses).filter((s) => s < '300')).toEqual([
      '202',
    ]);
    expect(Object.keys(docs.paths['/projections/{name}/restart'].post.responses).filter((s) => s < '300')).toEqual([
      '202',
    ]);
    // Only real maps and free-form payloads may be typed plain `object`: a string or a number never is.
    const untyped = Object.entries(docs.components.schemas as Record<string, DocumentedSchema>).flatMap(
      ([schema, { properties = {} }]) =>
        Object.entries(properties)
          .filter(([, p]) => (p.type === 'object' || p.type === undefined) && !p.$ref && !p.allOf && !p.oneOf)
          .filter(([, p]) => !p.enum && !p.properties && !p.additionalProperties)
          .map(([property]) => `${schema}.${property}`),
    );
    expect(untyped.sort()).toEqual(
      [
        'AuditEventView.data',
        'AuditEventView.metadata',
        'HybridRulesDoc.bySource',
        'ResponseTargetsDoc.byTier',
        'ResponseTargetsDoc.bySource',
        'TimelineEntryView.actor',
        'TimelineEntryView.data',
      ].sort(),
    );
  });

  it('documents every command answer with one response schema, each written event an object', async () => {
    const schemas = (await app.request('GET', '/docs-json')).body.components.schemas as Record<
      string,
      DocumentedSchema
    >;
    expect(Object.keys(schemas).filter((name) => name.includes('CommandResponse'))).toEqual(['CommandResponseDto']);
    expect(schemas.CommandResponseDto?.properties?.events).toMatchObject({
      type: 'array',
      items: { $ref: '#/components/schemas/CommandEventDto' },
    });
    expect(Object.keys(schemas.CommandEventDto?.properties ?? {})).toEqual(['id', 'type', 'revision']);
  });

  it('reports projections with position, lag and state', async () => {
    const token = await app.token(['admin']);
    const created = await app.request('POST', '/leads', { token, body: lead() });
    expect(created.status).toBe(201);
    const stream = await app.request('GET', `/streams/lead-${created.body.id as string}`, { token });
    const capturedAt = BigInt(stream.body.events[0].position as string);
    const statuses = await eventually(async () => {
      const response = await app.request('GET', '/projections', { token });
      expect(response.status).toBe(200);
      const all = response.body as ProjectionStatus[];
      return all.every((p) => p.state === 'live' && p.lag === '0') ? all : undefined;
    }, 15_000);
    const head = (await eventLogSnapshot(app)).lastPosition;
    expect(statuses.map((p) => p.name).sort()).toEqual(
      [
        'audit_trail',
        'contract_invoices',
        'contract_list',
        'contract_pipeline_length',
        'data_subject_contacts',
        'due_timers',
        'lead_assignments',
        'lead_funnel',
        'lead_list',
        'lead_response_times',
        'lead_sales_org',
        'lead_source_stats',
        'lead_unassigned_queue',
        'lead_won_deals',
        'opportunity_forecast_history',
        'opportunity_invoices_overdue',
        'opportunity_list',
        'opportunity_pipelines',
        'opportunity_stage_periods',
        'opportunity_triangle',
        'org_reps',
        'org_teams',
        'service_configurations',
        'service_group_members',
        'service_ola_tasks',
        'service_product_requirements',
        'service_tickets',
        'source_conversion',
        ...statuses.filter((p) => p.kind === 'process_manager').map((p) => p.name),
      ].sort(),
    );
    for (const status of statuses) {
      expect(status).toEqual({
        name: status.name,
        kind: expect.stringMatching(/^(projection|process_manager)$/),
        version: expect.any(Number),
        // null until a filtered subscriber has had an event of its own (its lag is exact either way).
        position: status.position === null ? null : expect.stringMatching(/^\d+$/),
        headPosition: head,
        lag: '0',
        state: 'live',
        lastError: null,
        nextAttemptAt: null,
        rebuild: null,
      });
      expect(Number.isInteger(status.version) && status.version >= 1).toBe(true);
      expect(BigInt(status.position ?? '0') <= BigInt(status.headPosition)).toBe(true);
    }
    // The lead read models have applied the capture; their positions are at or past that event.
    for (const name of ['lead_list', 'lead_funnel', 'lead_source_stats']) {
      const status = statuses.find((p) => p.name === name);
      expect({ name, applied: BigInt(status?.position ?? '0') >= capturedAt }).toEqual({ name, applied: true });
    }
  });
});

interface ProjectionStatus {
  name: string;
  kind: string;
  version: number;
  position: string | null;
  headPosition: string;
  lag: string;
  state: string;
  lastError: string | null;
}

interface DocumentedOperation {
  summary?: string;
  security?: unknown[];
  requestBody?: unknown;
  parameters?: { in: string; name: string }[];
  responses: Record<string, unknown>;
}

interface DocumentedSchema {
  properties?: Record<
    string,
    {
      type?: string;
      $ref?: string;
      allOf?: unknown;
      oneOf?: unknown;
      enum?: unknown;
      properties?: unknown;
      additionalProperties?: unknown;
    }
  >;
}

/** Every route the Nest application registered, from its controllers' metadata, as `GET /leads/{id}`. */
function registeredRoutes(nest: TestApp['app']): string[] {
  const methods = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'ALL', 'OPTIONS', 'HEAD', 'SEARCH'];
  const join = (...parts: string[]): string =>
    `/${parts
      .flatMap((p) => p.split('/'))
      .filter((p) => p !== '')
      .join('/')}`.replace(/:(\w+)/g, '{$1}');
  const routes: string[] = [];
  for (const module of nest.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as { prototype: Record<string, unknown> } | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata('path', controller) ?? '');
      for (const key of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[key];
        if (typeof handler !== 'function' || key === 'constructor') continue;
        const path: unknown = Reflect.getMetadata('path', handler);
        const method: unknown = Reflect.getMetadata('method', handler);
        if (typeof path !== 'string' || typeof method !== 'number') continue;
        routes.push(`${methods[method] ?? String(method)} ${join(base, path)}`);
      }
    }
  }
  return routes;
}
