import { eventually } from './support/test-app.js';
import { Sales } from './support/sales-world.js';

/** Only an active rep with a sales role (AR or SR) can own a lead; a refused command writes nothing. */
describe('Lead ownership › only active sales reps own leads', () => {
  let sales: Sales;
  afterEach(() => sales.app.destroy());

  it('refuses a claim by a non-rep and assignments to unknown, inactive or non-sales reps, writing nothing', async () => {
    sales = await Sales.start();
    await sales.rep('ana');
    await sales.rep('fritz', { roles: ['fr'] });
    await sales.rep('cleo');
    const deactivated = await sales.app.request('POST', '/reps/cleo/deactivate', {
      token: sales.manager,
      body: { reason: 'Left the company' },
    });
    expect(deactivated.status).toBe(200);
    await eventually(async () => {
      const cleo = await sales.app.request('GET', '/reps/cleo', { token: sales.manager });
      return cleo.body.active === false ? true : undefined;
    });
    await sales.policy({ method: 'cherry_pick' });
    const leadId = await sales.capture();
    await sales.waitFor(leadId, 'LeadPooled');
    const before = await sales.events(`lead-${leadId}`);

    const admin = await sales.app.token(['admin'], 'admin');
    const outcomes = [
      await sales.app.request('POST', `/leads/${leadId}/claim`, { token: admin }),
      await sales.app.request('POST', `/leads/${leadId}/claim`, { token: await sales.app.token(['ar'], 'stranger') }),
      await sales.app.request('POST', `/leads/${leadId}/claim`, { token: await sales.app.token(['ar'], 'fritz') }),
      await sales.app.request('POST', `/leads/${leadId}/claim`, { token: await sales.repToken('cleo') }),
      await sales.app.request('POST', `/leads/${leadId}/assign`, { token: sales.manager, body: { repId: 'ghost' } }),
      await sales.app.request('POST', `/leads/${leadId}/assign`, { token: sales.manager, body: { repId: 'fritz' } }),
      await sales.app.request('POST', `/leads/${leadId}/assign`, { token: sales.manager, body: { repId: 'cleo' } }),
    ];
    expect(outcomes.map((r) => [r.status, r.body.code])).toEqual([
      [409, 'OWNER_NOT_A_REP'],
      [409, 'OWNER_NOT_A_REP'],
      [409, 'OWNER_NOT_A_REP'],
      [409, 'REP_INACTIVE'],
      [404, 'REP_NOT_FOUND'],
      [409, 'OWNER_NOT_A_REP'],
      [409, 'REP_INACTIVE'],
    ]);
    expect(await sales.events(`lead-${leadId}`)).toEqual(before);

    const claimed = await sales.app.request('POST', `/leads/${leadId}/claim`, { token: await sales.repToken('ana') });
    expect(claimed.status).toBe(200);
    expect((await sales.waitFor(leadId, 'LeadAssigned')).data.repId).toBe('ana');
  }, 60_000);
});
