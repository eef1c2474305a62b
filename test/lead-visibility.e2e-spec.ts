import { eventually, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Who sees which lead, over HTTP: Ana and Bjorn are reps of team north (managed by Maja),
 * Carla is on team south (managed by Sven). Each owns one lead.
 */
describe('Lead visibility', () => {
  let app: TestApp;
  let admin: string;
  const leadOf: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.token(['admin'], 'root');
    for (const [id, managerId] of [
      ['north', 'maja'],
      ['south', 'sven'],
    ] as const) {
      const team = await app.request('POST', '/teams', { token: admin, body: { id, name: id, managerId } });
      expect(team.status).toBe(201);
    }
    for (const [rep, team] of [
      ['ana', 'north'],
      ['bjorn', 'north'],
      ['carla', 'south'],
    ] as const) {
      const body = { id: rep, name: rep, email: `${rep}@acme.example`, roles: ['ar'], team };
      const registered = await app.request('POST', '/reps', { token: admin, body });
      expect(registered.status).toBe(201);
      tokens[rep] = await app.token(['ar'], rep);
    }
    tokens['maja'] = await app.token(['sales_manager'], 'maja');
    tokens['sven'] = await app.token(['sales_manager'], 'sven');
    tokens['auditor'] = await app.token(['auditor'], 'audrey');
    tokens['admin'] = admin;
    for (const rep of ['ana', 'bjorn', 'carla']) {
      const body = { name: `${rep}'s lead`, email: `buyer-of-${rep}@customer.example`, source: 'website' };
      const captured = await app.request('POST', '/leads', { token: admin, body });
      expect(captured.status).toBe(201);
      const id = captured.body.id as string;
      leadOf[rep] = id;
      // Routing may assign it first; a manual assignment then settles who owns it.
      await eventually(async () => {
        const assigned = await app.request('POST', `/leads/${id}/assign`, { token: admin, body: { repId: rep } });
        return assigned.status === 200 ? true : undefined;
      }, 10_000);
    }
    await eventually(async () => {
      const all = await app.request('GET', '/leads?limit=100', { token: admin });
      const owners = (all.body.items as { id: string; ownerId: string | null }[]).map((l) => [l.id, l.ownerId]);
      const settled = ['ana', 'bjorn', 'carla'].every((rep) =>
        owners.some(([id, owner]) => id === leadOf[rep] && owner === rep),
      );
      return settled && owners.length === 3 ? true : undefined;
    }, 10_000);
  }, 60_000);
  afterAll(() => app.destroy());

  async function listedIds(
    who: string,
    path = '/leads?limit=100',
  ): Promise<{ status: number; ids: string[]; total: number }> {
    const response = await app.request('GET', path, { token: tokens[who] });
    const items = (response.body?.items ?? []) as { id: string }[];
    return { status: response.status, ids: items.map((l) => l.id).sort(), total: response.body?.total };
  }

  const sorted = (...reps: string[]): string[] => reps.map((rep) => leadOf[rep] ?? '?').sort();

  it("a rep lists only their own leads, also when filtering by another rep's id", async () => {
    expect(await listedIds('ana')).toEqual({ status: 200, ids: sorted('ana'), total: 1 });
    expect(await listedIds('ana', '/leads?owner=bjorn')).toEqual({ status: 200, ids: [], total: 0 });
  });

  it("a rep gets 404 for another rep's lead and its timeline, 200 for their own", async () => {
    const bjorns = await app.request('GET', `/leads/${leadOf['bjorn']}`, { token: tokens['ana'] });
    expect(bjorns.status).toBe(404);
    expect(bjorns.body).toMatchObject({ code: 'LEAD_NOT_FOUND' });
    expect(JSON.stringify(bjorns.body)).not.toContain('buyer-of-bjorn');
    const own = await app.request('GET', `/leads/${leadOf['ana']}`, { token: tokens['ana'] });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ id: leadOf['ana'], ownerId: 'ana', email: 'buyer-of-ana@customer.example' });
    expect(own.body.timeline.map((entry: { type: string }) => entry.type)).toContain('LeadCaptured');
  });

  it("a rep still gets 403 NOT_YOUR_LEADS for another rep's work list", async () => {
    const response = await app.request('GET', '/reps/bjorn/leads', { token: tokens['ana'] });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'NOT_YOUR_LEADS' });
  });

  it("a manager sees their team's leads and not another team's", async () => {
    expect(await listedIds('maja')).toEqual({ status: 200, ids: sorted('ana', 'bjorn'), total: 2 });
    expect(await listedIds('sven')).toEqual({ status: 200, ids: sorted('carla'), total: 1 });
    expect((await app.request('GET', `/leads/${leadOf['carla']}`, { token: tokens['maja'] })).status).toBe(404);
    expect((await app.request('GET', `/leads/${leadOf['bjorn']}`, { token: tokens['maja'] })).status).toBe(200);
    expect(await listedIds('maja', '/reps/bjorn/leads')).toEqual({ status: 200, ids: sorted('bjorn'), total: 1 });
    expect(await listedIds('maja', '/reps/carla/leads')).toEqual({ status: 200, ids: [], total: 0 });
  });

  it('admins and auditors see every lead of the tenant', async () => {
    for (const who of ['admin', 'auditor']) {
      expect(await listedIds(who)).toEqual({ status: 200, ids: sorted('ana', 'bjorn', 'carla'), total: 3 });
      expect((await app.request('GET', `/leads/${leadOf['carla']}`, { token: tokens[who] })).status).toBe(200);
    }
  });

  it("another tenant's admin sees none of them", async () => {
    const other = await app.token(['admin'], 'root', 'globex');
    const response = await app.request('GET', '/leads', { token: other });
    expect({ status: response.status, total: response.body.total }).toEqual({ status: 200, total: 0 });
    expect((await app.request('GET', `/leads/${leadOf['ana']}`, { token: other })).status).toBe(404);
  });
});
