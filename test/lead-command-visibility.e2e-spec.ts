import { randomUUID } from 'node:crypto';
import { eventLogSnapshot } from './support/event-log.js';
import { eventually, startTestApp, type TestApp, type TestResponse } from './support/test-app.js';

/** One command route on `/leads/{id}`, with a body it accepts. */
interface CommandRoute {
  readonly method: 'POST' | 'PATCH';
  readonly path: string;
  readonly body?: Record<string, unknown>;
}

/** Every command route under /leads/{id} (see the leads controllers), by who may send it. */
const REP_ROUTES: readonly CommandRoute[] = [
  { method: 'PATCH', path: '', body: { name: 'Renamed' } },
  { method: 'POST', path: '/tags', body: { category: 'free', tag: 'vip' } },
  { method: 'POST', path: '/interactions', body: { kind: 'web_visit' } },
  { method: 'POST', path: '/attempts', body: { channel: 'phone', outcome: 'reached' } },
  { method: 'POST', path: '/qualify', body: { budget: 'b', authority: 'a', need: 'n', timeline: 't' } },
  { method: 'POST', path: '/disqualify', body: { reasonCode: 'no_budget' } },
  { method: 'POST', path: '/nurture', body: { reactivateOn: '2099-01-01T00:00:00Z' } },
  { method: 'POST', path: '/reactivate' },
  { method: 'POST', path: '/convert' },
  { method: 'POST', path: '/claim' },
  { method: 'POST', path: '/offer/accept' },
  { method: 'POST', path: '/offer/decline', body: { reason: 'busy' } },
];
const MANAGER_ROUTES: readonly CommandRoute[] = [
  ...REP_ROUTES.filter((route) => !['/claim', '/offer/accept', '/offer/decline'].includes(route.path)),
  { method: 'POST', path: '/recycle', body: { reason: 'idle' } },
  { method: 'POST', path: '/archive', body: { reason: 'stale' } },
  { method: 'POST', path: '/assign', body: { repId: 'carla' } },
];

/**
 * Commands on a lead the caller may not see answer 404 LEAD_NOT_FOUND exactly as for an
 * unknown id, and write nothing. Ana and Bjorn are reps of team north (managed by Maja), Carla
 * of team south (managed by Sven); each owns one lead, and one more lead waits in the shark tank.
 */
describe('Lead visibility › commands on leads the caller may not see', () => {
  let app: TestApp;
  let admin: string;
  const leadOf: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  let pooled = '';

  const send = (who: string, leadId: string, route: CommandRoute, headers: Record<string, string> = {}) =>
    app.request(route.method, `/leads/${leadId}${route.path}`, {
      token: tokens[who],
      ...(route.body ? { body: route.body } : {}),
      headers,
    });
  const streamOf = async (leadId: string) =>
    (await app.request('GET', `/streams/lead-${leadId}?limit=1000`, { token: tokens['auditor'] })).body.events as {
      type: string;
      data: Record<string, unknown>;
    }[];
  const waitFor = (leadId: string, type: string) =>
    eventually(async () => ((await streamOf(leadId)).some((e) => e.type === type) ? true : undefined), 15_000);
  /** The response as the caller sees it, with the lead's id (which the caller sent) taken out. */
  const seen = (response: TestResponse, leadId: string) => ({
    status: response.status,
    body: JSON.parse(JSON.stringify(response.body).replaceAll(leadId, '<id>')) as unknown,
  });
  /** Waits until nothing in the background (scoring, routing) is still writing. */
  const settledLog = () =>
    eventually(async () => {
      const first = await eventLogSnapshot(app);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const second = await eventLogSnapshot(app);
      return first.count === second.count ? second : undefined;
    }, 15_000);

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.token(['admin'], 'root');
    tokens['auditor'] = await app.token(['auditor'], 'audrey');
    for (const [id, managerId] of [
      ['north', 'maja'],
      ['south', 'sven'],
    ] as const) {
      expect((await app.request('POST', '/teams', { token: admin, body: { id, name: id, managerId } })).status).toBe(
        201,
      );
      tokens[managerId] = await app.token(['sales_manager'], managerId);
    }
    for (const [rep, team] of [
      ['ana', 'north'],
      ['bjorn', 'north'],
      ['carla', 'south'],
    ] as const) {
      const body = { id: rep, name: rep, email: `${rep}@acme.example`, roles: ['ar'], team };
      expect((await app.request('POST', '/reps', { token: admin, body })).status).toBe(201);
      tokens[rep] = await app.token(['ar'], rep);
    }
    // Managers' teams and reps' roles are read from the organisation's read models: wait for them.
    await eventually(async () => {
      const reps = await app.request('GET', '/reps', { token: admin });
      return reps.body.total === 3 ? true : undefined;
    }, 10_000);
    const policy = { method: 'shark_tank' };
    expect((await app.request('PUT', '/distribution-policies/default', { token: admin, body: policy })).status).toBe(
      200,
    );
    for (const owner of ['ana', 'bjorn', 'carla', 'pool']) {
      const body = { name: `${owner}'s lead`, email: `buyer-of-${owner}@customer.example`, source: 'website' };
      const captured = await app.request('POST', '/leads', { token: admin, body });
      expect(captured.status).toBe(201);
      const id = captured.body.id as string;
      await waitFor(id, 'LeadPooled');
      if (owner === 'pool') pooled = id;
      else {
        leadOf[owner] = id;
        const assigned = await app.request('POST', `/leads/${id}/assign`, { token: admin, body: { repId: owner } });
        expect(assigned.status).toBe(200);
      }
    }
  }, 90_000);
  afterAll(() => app.destroy());

  it("a rep gets 404 LEAD_NOT_FOUND on every command route for another rep's lead, as for an unknown id, and nothing is written", async () => {
    const bjorns = leadOf['bjorn'] ?? '';
    const unknown = randomUUID();
    const before = await settledLog();
    for (const route of REP_ROUTES) {
      // Plain, with a stale If-Match (a 412 would reveal the lead), and with an Idempotency-Key.
      const variants: Record<string, string>[] = [{}, { 'if-match': '"0"' }, { 'idempotency-key': `try${route.path}` }];
      for (const headers of variants) {
        const refused = seen(await send('ana', bjorns, route, headers), bjorns);
        const missing = seen(await send('ana', unknown, route, headers), unknown);
        expect({ route: route.path, headers, ...refused }).toEqual({ route: route.path, headers, ...missing });
        expect({ route: route.path, status: refused.status }).toEqual({ route: route.path, status: 404 });
        expect(refused.body).toMatchObject({ code: 'LEAD_NOT_FOUND' });
      }
    }
    expect(await eventLogSnapshot(app)).toEqual(before);
  });

  it("a manager gets 404 on every command route for another team's lead, and nothing is written", async () => {
    const carlas = leadOf['carla'] ?? '';
    const unknown = randomUUID();
    const before = await settledLog();
    for (const route of MANAGER_ROUTES) {
      const refused = seen(await send('maja', carlas, route), carlas);
      expect({ route: route.path, ...refused }).toEqual({
        route: route.path,
        ...seen(await send('maja', unknown, route), unknown),
      });
      expect({ route: route.path, status: refused.status }).toEqual({ route: route.path, status: 404 });
    }
    expect(await eventLogSnapshot(app)).toEqual(before);
  });

  it("a rep works their own lead, a manager their team's, and a rep claims a pool lead", async () => {
    const tag = { method: 'POST', path: '/tags', body: { category: 'free', tag: 'key-account' } } as const;
    expect((await send('ana', leadOf['ana'] ?? '', tag)).status).toBe(200);
    expect(
      (await send('ana', leadOf['ana'] ?? '', { method: 'PATCH', path: '', body: { company: 'Acme' } })).status,
    ).toBe(200);
    expect((await send('maja', leadOf['bjorn'] ?? '', tag)).status).toBe(200);
    expect((await send('sven', leadOf['carla'] ?? '', tag)).status).toBe(200);
    const inPool = await app.request('GET', '/leads/pool', { token: tokens['carla'] });
    expect(inPool.body.items.map((lead: { id: string }) => lead.id)).toEqual([pooled]);
    const claimed = await send('carla', pooled, { method: 'POST', path: '/claim' });
    expect([claimed.status, claimed.body.events?.[0]?.type]).toEqual([200, 'LeadAssigned']);
    // The claim decided on the lead's stream: Carla acts on it at once, before any read model has caught up.
    expect((await send('carla', pooled, tag)).status).toBe(200);
    expect((await send('ana', pooled, tag)).status).toBe(404);
  });

  it('the test covers every command route on a lead, and each documents its 404 LEAD_NOT_FOUND', async () => {
    const docs = (await app.request('GET', '/docs-json')).body as {
      paths: Record<string, Record<string, { responses: Record<string, { description: string }> }>>;
    };
    const documented = Object.entries(docs.paths)
      .filter(([path]) => path === '/leads/{id}' || path.startsWith('/leads/{id}/'))
      .flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })))
      .filter(({ method }) => method !== 'get');
    const tested = new Set([...REP_ROUTES, ...MANAGER_ROUTES].map((r) => `${r.method} /leads/{id}${r.path}`));
    expect(documented.map(({ method, path }) => `${method.toUpperCase()} ${path}`).sort()).toEqual([...tested].sort());
    const undocumented = documented.filter(
      ({ op }) => !/LEAD_NOT_FOUND.*may not see/.test(op.responses['404']?.description ?? ''),
    );
    expect(undocumented.map(({ method, path }) => `${method} ${path}`)).toEqual([]);
  });

  it('a retry of a command accepted while the lead was visible still gets its answer after the lead moved on', async () => {
    const leadId = leadOf['ana'] ?? '';
    const route = { method: 'POST', path: '/tags', body: { category: 'free', tag: 'renewal' } } as const;
    const headers = { 'idempotency-key': 'tag-before-handover' };
    const first = await send('ana', leadId, route, headers);
    expect(first.status).toBe(200);
    const handedOver = await app.request('POST', `/leads/${leadId}/assign`, { token: admin, body: { repId: 'bjorn' } });
    expect(handedOver.status).toBe(200);

    const retry = await send('ana', leadId, route, headers);
    expect([retry.status, retry.headers.get('idempotent-replayed'), retry.body]).toEqual([200, 'true', first.body]);
    const fresh = await send('ana', leadId, route, { 'idempotency-key': 'tag-after-handover' });
    expect([fresh.status, fresh.body.code]).toEqual([404, 'LEAD_NOT_FOUND']);
  });

  it("a recycled lead is in the reps' pool, and a rep claims it", async () => {
    const leadId = leadOf['carla'] ?? '';
    const recycled = await app.request('POST', `/leads/${leadId}/recycle`, { token: admin, body: { reason: 'idle' } });
    expect(recycled.status).toBe(200);
    await eventually(async () => {
      const pool = await app.request('GET', '/leads/pool', { token: tokens['ana'] });
      return pool.body.items.some((lead: { id: string }) => lead.id === leadId) ? true : undefined;
    });
    const claimed = await send('ana', leadId, { method: 'POST', path: '/claim' });
    expect([claimed.status, claimed.body.events?.[0]?.type]).toEqual([200, 'LeadAssigned']);
    const assigned = (await streamOf(leadId)).filter((e) => e.type === 'LeadAssigned').at(-1);
    expect(assigned?.data).toMatchObject({ repId: 'ana', method: 'cherry_pick' });
  });
});
