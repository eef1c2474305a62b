import { rmSync } from 'node:fs';
import { Sales } from './support/sales-world.js';
import { eventually } from './support/test-app.js';

/**
 * A person whose lead contact was erased is unknown to the engine from then on (ADR 0029):
 * when they enquire again, duplicate detection must not fold the new enquiry into the erased
 * lead (whose new notes could never be read) but capture a new lead, with its contact readable.
 */
describe('An erased contact who comes back', () => {
  let sales: Sales;
  beforeAll(async () => {
    sales = await Sales.start();
  });
  afterAll(async () => {
    await sales.app.close();
    rmSync(sales.app.dataDir, { recursive: true, force: true });
  });

  it('is captured as a new lead, while the erased lead keeps its non-personal facts', async () => {
    const email = 'returning.person@lumen-privacy.example';
    const first = await sales.app.request('POST', '/leads', {
      token: sales.manager,
      body: { name: 'First enquiry', email, source: 'website', notes: 'Asked about pricing' },
    });
    expect(first.status).toBe(201);
    const firstId = first.body.id as string;
    const duplicate = await sales.app.request('POST', '/leads', {
      token: sales.manager,
      body: { name: 'Same person', email, source: 'website' },
    });
    expect([duplicate.status, duplicate.body.code]).toEqual([409, 'LEAD_DUPLICATE']);

    const admin = await sales.app.token(['admin'], 'privacy-officer');
    const erased = await sales.app.request('POST', `/data-subjects/lead-${firstId}/erase`, {
      token: admin,
      body: { reason: 'Art. 17 request PRIV-2050' },
    });
    expect(erased.status).toBe(200);

    const again = await sales.app.request('POST', '/leads', {
      token: sales.manager,
      body: { name: 'Back again', email: email.toUpperCase(), source: 'webinar', onDuplicate: 'touch' },
    });
    expect(again.status).toBe(201);
    const secondId = again.body.id as string;
    expect(secondId).not.toBe(firstId);
    const lead = await eventually(async () => {
      const found = await sales.app.request('GET', `/leads/${secondId}`, { token: sales.manager });
      return found.status === 200 ? found.body : undefined;
    });
    expect(lead).toMatchObject({ email, source: 'webinar' });
    // Known again from now on: the next enquiry is a duplicate of the new lead.
    const third = await sales.app.request('POST', '/leads', {
      token: sales.manager,
      body: { name: 'Third time', email, source: 'website' },
    });
    expect([third.status, third.body.code, third.body.details?.existingLeadId]).toEqual([
      409,
      'LEAD_DUPLICATE',
      secondId,
    ]);
    const old = await sales.app.request('GET', `/leads/${firstId}`, { token: sales.manager });
    expect(old.body).toMatchObject({ email: '[erased]', notes: '[erased]', source: 'website' });
    expect((old.body.timeline as { type: string }[]).map((entry) => entry.type)).not.toContain('LeadTouchRecorded');
  });
});
