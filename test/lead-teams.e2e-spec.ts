import { eventually } from './support/test-app.js';
import { Sales } from './support/sales-world.js';

/** Leads get a team (a routing rule, or given at capture) and follow that team's distribution policy. */
describe('Lead distribution › team policies', () => {
  let sales: Sales;
  afterEach(() => sales.app.destroy());

  it("routes a lead by its team's policy: from a routing rule, or the team given at capture", async () => {
    sales = await Sales.start();
    await sales.team('emea-north', 'maria');
    await eventually(async () => {
      const team = await sales.app.request('GET', '/teams/emea-north', { token: sales.manager });
      return team.status === 200 ? true : undefined;
    });
    await sales.rep('ana', { team: 'emea-north' });
    await sales.rep('bo');

    const ghostPolicy = await sales.app.request('PUT', '/distribution-policies/ghost-team', {
      token: sales.manager,
      body: { method: 'shark_tank' },
    });
    expect([ghostPolicy.status, ghostPolicy.body.code]).toEqual([404, 'TEAM_NOT_FOUND']);
    await sales.policy({ method: 'shark_tank' }, 'emea-north');

    const putRules = (rules: unknown) =>
      sales.app.request('PUT', '/routing-rules', { token: sales.manager, body: { rules } });
    const ghostRule = await putRules([{ id: 'ghosts', regions: ['EMEA'], team: 'ghost-team' }]);
    expect([ghostRule.status, ghostRule.body.code]).toEqual([404, 'TEAM_NOT_FOUND']);
    const saved = await putRules([{ id: 'nordics', regions: ['EMEA'], team: 'emea-north' }]);
    expect(saved.status).toBe(200);
    const rules = await sales.app.request('GET', '/routing-rules', { token: sales.manager });
    expect(rules.body).toMatchObject({ version: 1, rules: [{ id: 'nordics', regions: ['EMEA'], team: 'emea-north' }] });

    const byRule = await sales.capture({ region: 'EMEA' });
    expect((await sales.waitFor(byRule, 'LeadTeamSet')).data).toMatchObject({ team: 'emea-north', ruleId: 'nordics' });
    const pooled = await sales.waitFor(byRule, 'LeadPooled');
    expect(pooled.data).toMatchObject({ method: 'shark_tank', notifiedRepIds: ['ana'] });
    expect(pooled.data.reason).toContain('policy v1');

    const given = await sales.capture({ region: 'APAC', team: 'emea-north' });
    expect((await sales.waitFor(given, 'LeadPooled')).data).toMatchObject({ method: 'shark_tank' });
    const untouched = await sales.capture({ region: 'APAC' });
    expect((await sales.waitFor(untouched, 'LeadAssigned')).data.reason).toContain('round robin (default policy)');

    // The team shows on the lead and filters the list: set by a rule or given at capture.
    const teamOf = async (id: string) =>
      (await sales.app.request('GET', `/leads/${id}`, { token: sales.manager })).body.team;
    await eventually(async () => ((await teamOf(byRule)) === 'emea-north' ? true : undefined));
    expect([await teamOf(byRule), await teamOf(given), await teamOf(untouched)]).toEqual([
      'emea-north',
      'emea-north',
      null,
    ]);
    const listed = await sales.app.request('GET', '/leads?team=emea-north', { token: sales.manager });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((lead: { id: string }) => lead.id).sort()).toEqual([byRule, given].sort());

    const unknown = await sales.app.request('POST', '/leads', {
      token: sales.manager,
      body: { name: 'Ghost', source: 'website', email: 'ghost@nordfrakt.example', team: 'ghost-team' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'team' })]);
  }, 60_000);
});
