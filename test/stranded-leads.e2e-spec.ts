import Database from 'better-sqlite3';
import { dataFiles } from './support/lead-read-models.js';
import { eventually, startTestApp, type TestApp } from './support/test-app.js';

/**
 * An import into a team whose reps are full: every lead waits in GET /leads/unassigned with
 * the reason, the team's manager gets one digest for the import, and raising a rep's capacity
 * routes the waiting leads, each exactly once, also after the routing process manager has
 * handled the whole history again.
 */
describe('Leads nobody can take yet', () => {
  let app: TestApp;
  afterEach(() => app.destroy());

  const IMPORTED = 6;

  it('wait with the reason, are announced in one digest, and are routed once when capacity is raised', async () => {
    app = await startTestApp();
    const admin = await app.token(['admin'], 'root');
    const maria = await app.token(['sales_manager'], 'maria');
    const call = (method: string, path: string, body?: unknown, token = admin) =>
      app.request(method, path, { token, ...(body === undefined ? {} : { body }) });

    expect((await call('POST', '/teams', { id: 'emea-north', name: 'EMEA North', managerId: 'maria' })).status).toBe(
      201,
    );
    for (const id of ['ana', 'bo']) {
      const rep = { id, name: id, email: `${id}@acme.example`, roles: ['ar'], team: 'emea-north' };
      expect((await call('POST', '/reps', { ...rep, capacity: { maxOpenLeads: 1, dailyQuota: 0 } })).status).toBe(201);
    }
    await eventually(async () =>
      (await call('GET', '/reps?team=emea-north')).body.items?.length === 2 ? true : undefined,
    );
    const full = async (name: string) => {
      const created = await call('POST', '/leads', {
        name,
        email: `${name}@full.example`,
        source: 'website',
        team: 'emea-north',
      });
      expect(created.status).toBe(201);
      return created.body.id as string;
    };
    await full('first');
    await full('second');
    await eventually(async () => {
      const page = await call('GET', '/leads?team=emea-north&status=assigned');
      return page.body.total === 2 ? true : undefined;
    }, 15_000);

    const rows = Array.from({ length: IMPORTED }, (_, i) =>
      JSON.stringify({
        name: `Imported ${i}`,
        email: `imported${i}@acme.example`,
        source: 'website',
        team: 'emea-north',
      }),
    );
    const imported = await fetch(`${app.baseUrl}/leads/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${maria}`, 'content-type': 'application/x-ndjson' },
      body: rows.join('\n'),
    });
    expect(imported.status).toBe(200);
    const report = (await imported.json()) as { batchId: string; results: { leadId: string }[] };
    const ids = report.results.map((r) => r.leadId);
    expect(ids).toHaveLength(IMPORTED);

    const queue = await eventually(async () => {
      const page = await call('GET', '/leads/unassigned?team=emea-north', undefined, maria);
      return page.body.total === IMPORTED ? page.body : undefined;
    }, 15_000);
    expect(queue.items.map((item: { leadId: string }) => item.leadId).sort()).toEqual([...ids].sort());
    for (const item of queue.items) {
      expect(item).toMatchObject({
        reason: 'all_at_capacity',
        detail: 'all 2 active rep(s) at capacity',
        teamId: 'emea-north',
        waitingSince: expect.any(String),
      });
    }
    const detail = await call('GET', `/leads/${ids[0] ?? ''}`, undefined, maria);
    expect(detail.body.routingWait).toMatchObject({ reason: 'all_at_capacity', teamId: 'emea-north' });
    expect(detail.body.timeline.map((e: { type: string }) => e.type)).toContain('LeadRoutingDeferred');
    expect((await call('GET', '/leads/unassigned', undefined, await app.token(['ar'], 'ana'))).status).toBe(403);
    expect((await call('GET', '/leads/unassigned?reason=bogus', undefined, maria)).status).toBe(400);

    const digests = async () => {
      const listed = await call('GET', '/notifications?limit=100', undefined, maria);
      return (listed.body.items as { kind: string; message: string }[]).filter((n) => n.kind === 'leads_waiting');
    };
    const [digest, ...more] = await digests();
    expect(more).toEqual([]);
    expect(digest?.message).toContain(`${IMPORTED} leads from import ${report.batchId} wait for an owner`);

    const raised = await call('PUT', '/reps/ana/capacity', { maxOpenLeads: 1 + IMPORTED, dailyQuota: 0 });
    expect(raised.status).toBe(200);
    await eventually(async () => {
      const page = await call('GET', '/leads/unassigned', undefined, maria);
      return page.body.total === 0 ? true : undefined;
    }, 15_000);
    const assignments = async () =>
      Promise.all(
        ids.map(async (id) => {
          const events = (await call('GET', `/streams/lead-${id}?limit=100`)).body.events as {
            type: string;
            data: { repId?: string };
          }[];
          const deferred = events.filter((e) => e.type === 'LeadRoutingDeferred').length;
          return [deferred, ...events.filter((e) => e.type === 'LeadAssigned').map((e) => e.data.repId)];
        }),
      );
    expect(await assignments()).toEqual(ids.map(() => [1, 'ana']));

    // Routing handles its whole history again (its checkpoint gone, as after losing it): nothing twice.
    await app.close();
    const readModels = new Database(dataFiles(app.dataDir).readModels);
    readModels.prepare("delete from projection_checkpoints where name = 'lead_routing'").run();
    readModels.close();
    app = await startTestApp({ dataDir: app.dataDir });
    await eventually(async () => {
      const statuses = (await call('GET', '/projections')).body as { name: string; lag: string }[];
      return statuses.find((s) => s.name === 'lead_routing')?.lag === '0' ? true : undefined;
    }, 30_000);
    expect(await assignments()).toEqual(ids.map(() => [1, 'ana']));
    expect(await digests()).toHaveLength(1);
    expect((await call('GET', '/leads/unassigned', undefined, maria)).body.total).toBe(0);
  }, 120_000);
});
