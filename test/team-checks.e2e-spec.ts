import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * A team is known from its own stream the moment it is created. The app runs as an API-only
 * process, so no projection ever fills the organisation's read models: every check below that
 * still asked `org_teams` would refuse the team.
 */
describe('Team checks › a team created a moment ago is usable at once', () => {
  let app: TestApp;
  let manager: string;
  beforeAll(async () => {
    app = await startTestApp({ role: 'api' });
    manager = await app.token(['sales_manager'], 'maria');
    const created = await app.request('POST', '/teams', {
      token: manager,
      body: { id: 'emea-north', name: 'EMEA North', managerId: 'maria' },
    });
    expect(created.status).toBe(201);
    // The read model has not seen the team (and never will in this process).
    expect((await app.request('GET', '/teams/emea-north', { token: manager })).status).toBe(404);
  });
  afterAll(() => app.destroy());

  it('accepts a policy, a routing rule, a capture and an import naming the new team', async () => {
    const policy = await app.request('PUT', '/distribution-policies/emea-north', {
      token: manager,
      body: { method: 'shark_tank' },
    });
    const rules = await app.request('PUT', '/routing-rules', {
      token: manager,
      body: { rules: [{ id: 'nordics', regions: ['EMEA'], team: 'emea-north' }] },
    });
    const capture = await app.request('POST', '/leads', {
      token: manager,
      body: { name: 'Fleet telematics', email: 'ingrid@nordfrakt.example', source: 'website', team: 'emea-north' },
    });
    const imported = await fetch(`${app.baseUrl}/leads/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${manager}`, 'content-type': 'text/csv' },
      body: 'name,email,source,team\nCold storage,lars@kyl.example,website,emea-north',
    });
    const report = (await imported.json()) as { totals: Record<string, number> };
    expect([policy.status, rules.status, capture.status, imported.status]).toEqual([200, 200, 201, 200]);
    expect(report.totals).toMatchObject({ rows: 1, created: 1, invalid: 0 });
  });

  it('still refuses a team that does not exist, naming it', async () => {
    const policy = await app.request('PUT', '/distribution-policies/ghost-team', {
      token: manager,
      body: { method: 'shark_tank' },
    });
    const rules = await app.request('PUT', '/routing-rules', {
      token: manager,
      body: { rules: [{ id: 'ghosts', regions: ['EMEA'], team: 'ghost-team' }] },
    });
    const capture = await app.request('POST', '/leads', {
      token: manager,
      body: { name: 'Ghost', email: 'ghost@nowhere.example', source: 'website', team: 'ghost-team' },
    });
    expect([policy.status, policy.body.code, rules.status, rules.body.code]).toEqual([
      404,
      'TEAM_NOT_FOUND',
      404,
      'TEAM_NOT_FOUND',
    ]);
    expect([capture.status, capture.body.errors?.[0]?.field]).toEqual([400, 'team']);
  });

  it("does not know another tenant's team of the same id", async () => {
    const other = await app.token(['sales_manager'], 'maria', 'globex');
    const policy = await app.request('PUT', '/distribution-policies/emea-north', {
      token: other,
      body: { method: 'shark_tank' },
    });
    expect([policy.status, policy.body.code]).toEqual([404, 'TEAM_NOT_FOUND']);
  });
});
