import { eventually, startTestApp, type TestApp, type TestResponse } from './support/test-app.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('Organisation over HTTP › teams and reps', () => {
  let app: TestApp;
  let manager: string;
  let auditor: string;

  const rep = (id: string, extra: Record<string, unknown> = {}) => ({
    id,
    name: `Rep ${id}`,
    email: `${id}@nordfrakt.example`,
    roles: ['ar'],
    team: 'emea-north',
    ...extra,
  });

  /** Polls the read model until `probe` accepts what it shows. */
  const readUntil = (path: string, probe: (body: TestResponse['body']) => boolean) =>
    eventually(async () => {
      const response = await app.request('GET', path, { token: manager });
      return response.status === 200 && probe(response.body) ? response.body : undefined;
    });

  const streamEvents = async (stream: string): Promise<string[]> => {
    const response = await app.request('GET', `/streams/${stream}`, { token: auditor });
    return (response.body.events ?? []).map((e: { type: string }) => e.type);
  };

  beforeAll(async () => {
    app = await startTestApp();
    manager = await app.token(['sales_manager'], 'astrid');
    auditor = await app.token(['auditor'], 'audit-1');
    const north = await app.request('POST', '/teams', {
      token: manager,
      body: { id: 'emea-north', name: 'EMEA North', managerId: 'astrid' },
    });
    expect(north.status).toBe(201);
    await app.request('POST', '/teams', {
      token: manager,
      body: { id: 'emea-south', name: 'EMEA South', managerId: 'astrid' },
    });
  });
  afterAll(async () => app.destroy());

  it('creates a team with ETag and Location, and shows it in the teams read model', async () => {
    const created = await app.request('POST', '/teams', {
      token: manager,
      body: { id: 'key_accounts', name: 'Key accounts', managerId: 'bo' },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"0"');
    expect(created.headers.get('location')).toBe('/teams/key_accounts');
    expect(created.body).toMatchObject({ id: 'key_accounts', revision: 0, events: [{ type: 'TeamCreated' }] });

    const view = await readUntil('/teams/key_accounts', () => true);
    expect(view).toMatchObject({ id: 'key_accounts', name: 'Key accounts', managerId: 'bo', revision: 0 });
    const list = await readUntil('/teams', (body) => body.total === 3);
    expect(list.items.map((t: { id: string }) => t.id)).toEqual(['emea-north', 'emea-south', 'key_accounts']);

    const again = await app.request('POST', '/teams', {
      token: manager,
      body: { id: 'key_accounts', name: 'Key accounts', managerId: 'bo' },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('TEAM_ALREADY_EXISTS');
  });

  it('renames a team and changes its manager in one PATCH, and a repeat changes nothing', async () => {
    const body = { name: 'EMEA South & Iberia', managerId: 'carmen' };
    const changed = await app.request('PATCH', '/teams/emea-south', { token: manager, body });
    expect(changed.status).toBe(200);
    expect(changed.body.events.map((e: { type: string }) => e.type)).toEqual(['TeamRenamed', 'TeamManagerChanged']);
    expect(changed.headers.get('etag')).toBe('"2"');
    const repeat = await app.request('PATCH', '/teams/emea-south', { token: manager, body });
    expect(repeat.status).toBe(200);
    expect(repeat.body.events).toEqual([]);
    expect(repeat.headers.get('etag')).toBe('"2"');
    await readUntil('/teams/emea-south', (team) => team.managerId === 'carmen' && team.name === body.name);
  });

  it('registers a rep under their token subject, with defaults for capacity and territories', async () => {
    const created = await app.request('POST', '/reps', {
      token: manager,
      body: rep('ingrid', { email: 'Ingrid@Nordfrakt.example', roles: ['sr', 'ar'] }),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'ingrid', revision: 0, events: [{ type: 'RepRegistered' }] });
    expect(created.headers.get('location')).toBe('/reps/ingrid');

    const view = await readUntil('/reps/ingrid', () => true);
    expect(view).toMatchObject({
      id: 'ingrid',
      email: 'ingrid@nordfrakt.example',
      roles: ['ar', 'sr'],
      team: 'emea-north',
      territories: { regions: [], languages: [], industries: [], dealSizeBands: [] },
      capacity: { maxOpenLeads: 50, dailyQuota: 0 },
      availability: { status: 'active', until: null, availableNow: true },
      active: true,
    });
    expect(await streamEvents('rep-acme:ingrid')).toEqual(['RepRegistered']);
  });

  it('generates a UUID for a rep registered without an id, the same one on a retried Idempotency-Key', async () => {
    const { id: _omitted, ...body } = rep('x', { name: 'Bo Ek', email: 'bo@nordfrakt.example', roles: ['sr'] });
    const headers = { 'idempotency-key': 'register-bo' };
    const first = await app.request('POST', '/reps', { token: manager, body, headers });
    const retry = await app.request('POST', '/reps', { token: manager, body, headers });
    expect(first.status).toBe(201);
    expect(first.body.id).toMatch(UUID);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const plain = await app.request('POST', '/reps', { token: manager, body: { ...body, email: 'bo2@x.example' } });
    expect(plain.body.id).toMatch(UUID);
    expect(plain.body.id).not.toBe(first.body.id);
  });

  it('refuses an unknown team (409 TEAM_NOT_FOUND) and a second registration (409 REP_ALREADY_EXISTS)', async () => {
    const unknownTeam = await app.request('POST', '/reps', { token: manager, body: rep('nils', { team: 'mars' }) });
    expect(unknownTeam.status).toBe(409);
    expect(unknownTeam.body).toMatchObject({ code: 'TEAM_NOT_FOUND', details: { teamId: 'mars' } });
    expect(await streamEvents('rep-acme:nils')).toEqual([]);

    await app.request('POST', '/reps', { token: manager, body: rep('dup') });
    const twice = await app.request('POST', '/reps', { token: manager, body: rep('dup') });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('REP_ALREADY_EXISTS');

    const moveToUnknown = await app.request('PATCH', '/reps/dup', { token: manager, body: { team: 'mars' } });
    expect(moveToUnknown.status).toBe(409);
    expect(moveToUnknown.body.code).toBe('TEAM_NOT_FOUND');
  });

  it('lists reps with filters on team, role, availability and active, and pages them', async () => {
    await app.request('POST', '/reps', { token: manager, body: rep('f-ana', { team: 'emea-south', roles: ['fr'] }) });
    await app.request('POST', '/reps', {
      token: manager,
      body: rep('f-sam', { team: 'emea-south', roles: ['ar', 'sr'] }),
    });
    await app.request('POST', '/reps', { token: manager, body: rep('f-tor', { team: 'emea-south', roles: ['sr'] }) });
    await app.request('PUT', '/reps/f-tor/availability', { token: manager, body: { status: 'away' } });
    await app.request('POST', '/reps/f-ana/deactivate', { token: manager, body: { reason: 'Moved to delivery' } });

    const ids = async (query: string) =>
      (await app.request('GET', `/reps?${query}`, { token: manager })).body.items.map((r: { id: string }) => r.id);
    await readUntil('/reps?team=emea-south&active=false', (page) => page.total === 1);
    await readUntil('/reps?team=emea-south&availability=away', (page) => page.total === 1);
    expect(await ids('team=emea-south')).toEqual(['f-ana', 'f-sam', 'f-tor']);
    expect(await ids('team=emea-south&role=sr')).toEqual(['f-sam', 'f-tor']);
    expect(await ids('team=emea-south&availability=away')).toEqual(['f-tor']);
    expect(await ids('team=emea-south&active=true&availability=active')).toEqual(['f-sam']);
    expect(await ids('team=emea-south&active=false')).toEqual(['f-ana']);
    const page = await app.request('GET', '/reps?team=emea-south&limit=1&offset=1', { token: manager });
    expect(page.body).toMatchObject({ total: 3, limit: 1, offset: 1, items: [{ id: 'f-sam' }] });

    const badFilter = await app.request('GET', '/reps?role=ceo&limit=0', { token: manager });
    expect(badFilter.status).toBe(400);
    const fields = badFilter.body.errors.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`);
    expect(fields).toEqual(expect.arrayContaining(['role:isIn', 'limit:min']));
  });

  it('changes capacity only with a current If-Match: a stale one is 412 and writes nothing', async () => {
    const created = await app.request('POST', '/reps', { token: manager, body: rep('cap') });
    expect(created.headers.get('etag')).toBe('"0"');
    const first = await app.request('PUT', '/reps/cap/capacity', {
      token: manager,
      body: { maxOpenLeads: 30, dailyQuota: 5 },
      headers: { 'if-match': '"0"' },
    });
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe('"1"');

    const stale = await app.request('PUT', '/reps/cap/capacity', {
      token: manager,
      body: { maxOpenLeads: 99, dailyQuota: 9 },
      headers: { 'if-match': '"0"' },
    });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ code: 'REVISION_MISMATCH', details: { currentRevision: '1' } });
    expect(await streamEvents('rep-acme:cap')).toEqual(['RepRegistered', 'RepCapacityChanged']);
    const view = await readUntil('/reps/cap', (r) => r.revision === 1);
    expect(view.capacity).toEqual({ maxOpenLeads: 30, dailyQuota: 5 });

    const same = await app.request('PUT', '/reps/cap/capacity', {
      token: manager,
      body: { maxOpenLeads: 30, dailyQuota: 5 },
      headers: { 'if-match': '"1"' },
    });
    expect(same.status).toBe(200);
    expect(same.body.events).toEqual([]);
    expect(same.headers.get('etag')).toBe('"1"');
  });

  it('answers an invalid body with 400 naming each field and rule, and writes nothing', async () => {
    const capacity = await app.request('PUT', '/reps/ingrid/capacity', {
      token: manager,
      body: { maxOpenLeads: 0, dailyQuota: 10_001, extra: true },
    });
    expect(capacity.status).toBe(400);
    expect(capacity.body.code).toBe('VALIDATION_FAILED');
    const capacityFields = capacity.body.errors.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`);
    expect(capacityFields).toEqual(
      expect.arrayContaining(['maxOpenLeads:min', 'dailyQuota:max', 'extra:unknownField']),
    );

    const register = await app.request('POST', '/reps', {
      token: manager,
      body: rep('Bad Id', { roles: ['boss'], email: 'nope', territories: { dealSizeBands: ['huge'] } }),
    });
    expect(register.status).toBe(400);
    const fields = register.body.errors.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`);
    expect(fields).toEqual(
      expect.arrayContaining(['id:matches', 'roles:isIn', 'email:isEmail', 'territories.dealSizeBands:isIn']),
    );

    const nullName = await app.request('PATCH', '/reps/ingrid', { token: manager, body: { name: null } });
    expect(nullName.status).toBe(400);
    expect(nullName.body.errors[0].field).toBe('name');

    const untilWhenActive = await app.request('PUT', '/reps/ingrid/availability', {
      token: manager,
      body: { status: 'active', until: '2030-01-01T00:00:00Z' },
    });
    expect(untilWhenActive.status).toBe(400);
    expect(untilWhenActive.body.errors[0]).toMatchObject({ field: 'until', rule: 'awayOnly' });
    expect(await streamEvents('rep-acme:ingrid')).toEqual(['RepRegistered']);
  });

  it('answers an unknown rep or team with 404', async () => {
    const get = await app.request('GET', '/reps/nobody', { token: manager });
    expect(get.status).toBe(404);
    expect(get.body.code).toBe('REP_NOT_FOUND');
    const put = await app.request('PUT', '/reps/nobody/capacity', {
      token: manager,
      body: { maxOpenLeads: 10, dailyQuota: 0 },
    });
    expect(put.status).toBe(404);
    expect(put.body.code).toBe('REP_NOT_FOUND');
    expect((await app.request('POST', '/reps/nobody/deactivate', { token: manager })).status).toBe(404);
    const team = await app.request('GET', '/teams/atlantis', { token: manager });
    expect(team.status).toBe(404);
    expect(team.body.code).toBe('TEAM_NOT_FOUND');
    const patch = await app.request('PATCH', '/teams/atlantis', { token: manager, body: { name: 'X' } });
    expect(patch.status).toBe(404);
  });

  it('refuses changes to a deactivated rep with 409 REP_DEACTIVATED until reactivated', async () => {
    await app.request('POST', '/reps', { token: manager, body: rep('leaver') });
    const deactivated = await app.request('POST', '/reps/leaver/deactivate', {
      token: manager,
      body: { reason: 'Left the company' },
    });
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.events.map((e: { type: string }) => e.type)).toEqual(['RepDeactivated']);

    for (const [method, path, body] of [
      ['PATCH', '/reps/leaver', { name: 'Still here' }],
      ['PUT', '/reps/leaver/capacity', { maxOpenLeads: 5, dailyQuota: 1 }],
      ['PUT', '/reps/leaver/availability', { status: 'away' }],
    ] as const) {
      const refused = await app.request(method, path, { token: manager, body });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('REP_DEACTIVATED');
    }
    const again = await app.request('POST', '/reps/leaver/deactivate', { token: manager });
    expect(again.status).toBe(200);
    expect(again.body.events).toEqual([]);
    await readUntil('/reps/leaver', (r) => r.active === false);

    const back = await app.request('POST', '/reps/leaver/reactivate', { token: manager });
    expect(back.body.events.map((e: { type: string }) => e.type)).toEqual(['RepReactivated']);
    const renamed = await app.request('PATCH', '/reps/leaver', { token: manager, body: { name: 'Back again' } });
    expect(renamed.status).toBe(200);
    await readUntil('/reps/leaver', (r) => r.active === true && r.name === 'Back again');
  });

  it('lets a rep set their own availability with any role, but not another rep’s; managers set anyone’s', async () => {
    await app.request('POST', '/reps', { token: manager, body: rep('rep-ola') });
    await app.request('POST', '/reps', { token: manager, body: rep('rep-pia') });
    const ola = await app.token(['ar'], 'rep-ola');

    const own = await app.request('PUT', '/reps/rep-ola/availability', {
      token: ola,
      body: { status: 'away', until: '2030-06-01T08:00:00+02:00' },
    });
    expect(own.status).toBe(200);
    expect(own.body.events.map((e: { type: string }) => e.type)).toEqual(['RepAvailabilityChanged']);
    const audit = await app.request('GET', '/streams/rep-acme:rep-ola', { token: auditor });
    expect(audit.body.events[1]).toMatchObject({
      data: { availability: { status: 'away', until: '2030-06-01T06:00:00.000Z' } },
      metadata: { actor: { userId: 'rep-ola', role: 'ar' } },
    });

    const others = await app.request('PUT', '/reps/rep-pia/availability', { token: ola, body: { status: 'away' } });
    expect(others.status).toBe(403);
    expect(others.body.code).toBe('FORBIDDEN');
    expect(await streamEvents('rep-acme:rep-pia')).toEqual(['RepRegistered']);

    const byManager = await app.request('PUT', '/reps/rep-pia/availability', {
      token: manager,
      body: { status: 'away' },
    });
    expect(byManager.status).toBe(200);
    await readUntil('/reps/rep-ola', (r) => r.availability.status === 'away' && r.availability.availableNow === false);

    const past = await app.request('PUT', '/reps/rep-ola/availability', {
      token: ola,
      body: { status: 'away', until: '2020-01-01T00:00:00Z' },
    });
    expect(past.status).toBe(400);
    expect(past.body.errors[0]).toMatchObject({ field: 'until', rule: 'future' });
  });

  it('lets auditors and the iron-triangle roles read, but only managers write: fr cannot create reps (403)', async () => {
    expect((await app.request('GET', '/reps', { token: auditor })).status).toBe(200);
    expect((await app.request('GET', '/teams/emea-north', { token: auditor })).status).toBe(200);
    for (const role of ['ar', 'sr', 'fr'] as const) {
      expect((await app.request('GET', '/reps/ingrid', { token: await app.token([role]) })).status).toBe(200);
    }
    const fr = await app.request('POST', '/reps', { token: await app.token(['fr']), body: rep('sneaky') });
    expect(fr.status).toBe(403);
    expect(fr.body.code).toBe('FORBIDDEN');
    expect((await app.request('POST', '/reps', { token: auditor, body: rep('sneaky') })).status).toBe(403);
    const team = await app.request('POST', '/teams', {
      token: await app.token(['ar']),
      body: { id: 'rogue', name: 'Rogue', managerId: 'x' },
    });
    expect(team.status).toBe(403);
    expect((await app.request('GET', '/reps', { token: await app.token(['service_agent']) })).status).toBe(403);
    expect(
      (await app.request('POST', '/reps', { token: await app.token(['admin']), body: rep('by-admin') })).status,
    ).toBe(201);
  });

  it('keeps tenants apart: another tenant can use the same team slug and rep id, and sees none of ours', async () => {
    const globex = await app.token(['sales_manager'], 'g-manager', 'globex');
    const team = await app.request('POST', '/teams', {
      token: globex,
      body: { id: 'emea-north', name: 'Globex North', managerId: 'g-manager' },
    });
    expect(team.status).toBe(201);
    const same = await app.request('POST', '/reps', { token: globex, body: rep('ingrid') });
    expect(same.status).toBe(201);
    const view = await eventually(async () => {
      const response = await app.request('GET', '/teams/emea-north', { token: globex });
      return response.status === 200 ? response.body : undefined;
    });
    expect(view.name).toBe('Globex North');
    expect((await app.request('GET', '/teams/key_accounts', { token: globex })).status).toBe(404);
    expect((await app.request('GET', '/reps/cap', { token: globex })).status).toBe(404);
    const ours = await app.request('GET', '/teams/emea-north', { token: manager });
    expect(ours.body.name).toBe('EMEA North');
  });

  it('documents every organisation route in OpenAPI', async () => {
    const docs = await app.request('GET', '/docs-json');
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining([
        '/teams',
        '/teams/{id}',
        '/reps',
        '/reps/{id}',
        '/reps/{id}/capacity',
        '/reps/{id}/availability',
        '/reps/{id}/deactivate',
        '/reps/{id}/reactivate',
      ]),
    );
  });
});
