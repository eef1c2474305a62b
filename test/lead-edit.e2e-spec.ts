import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import { expectExactlyOne } from '#ltc/testing';
import { eventually, startTestApp, type TestApp } from './support/test-app.js';

let seq = 0;
const newLead = (overrides: Record<string, unknown> = {}) => ({
  name: `Cold-chain sensors ${++seq}`,
  company: 'Nordfrakt AB',
  email: `buyer${seq}@nordfrakt.example`,
  source: 'website',
  estimatedDealSize: 90000,
  ...overrides,
});

describe('Editing a lead over HTTP (PATCH /leads/{id})', () => {
  let app: TestApp;
  let token: string;
  let auditor: string;
  beforeAll(async () => {
    app = await startTestApp();
    token = await app.token(['sales_manager'], 'mgr');
    auditor = await app.token(['auditor']);
  });
  afterAll(async () => app.destroy());

  const capture = async (body: Record<string, unknown>): Promise<string> => {
    const response = await app.request('POST', '/leads', { token, body });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };
  const eventsOf = async (id: string): Promise<{ type: string; data: Record<string, unknown> }[]> =>
    (await app.request('GET', `/streams/lead-${id}`, { token: auditor })).body.events;
  const leadView = (id: string, until: (lead: Record<string, unknown>) => boolean) =>
    eventually(async () => {
      const found = await app.request('GET', `/leads/${id}`, { token });
      return found.status === 200 && until(found.body) ? found.body : undefined;
    });

  it('changes only the fields sent, records each with before and after, and lists the exact deal size', async () => {
    const id = await capture(newLead());
    const edited = await app.request('PATCH', `/leads/${id}`, {
      token,
      body: {
        company: 'Nordfrakt Logistik AB',
        region: 'Nordics',
        dealSize: { amountMinor: 1_250_000_50, currency: 'SEK' },
      },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.events.map((e: { type: string }) => e.type)).toEqual(['LeadDetailsEdited']);
    const stored = (await eventsOf(id)).find((e) => e.type === 'LeadDetailsEdited');
    expect(stored?.data['changes']).toEqual({
      company: { before: 'Nordfrakt AB', after: 'Nordfrakt Logistik AB' },
      region: { before: null, after: 'Nordics' },
      estimatedDealSize: {
        before: { amountMinor: 90000_00, currency: 'EUR' },
        after: { amountMinor: 1_250_000_50, currency: 'SEK' },
      },
    });
    const lead = await leadView(id, (l) => l['company'] === 'Nordfrakt Logistik AB');
    expect(lead).toMatchObject({
      region: 'Nordics',
      dealSize: { amountMinor: 1_250_000_50, currency: 'SEK' },
      estimatedDealSize: 1_250_000.5,
    });
  });

  it('a stale If-Match is a 412 and writes nothing', async () => {
    const id = await capture(newLead());
    await app.request('PATCH', `/leads/${id}`, { token, body: { notes: 'first' } });
    const before = await eventsOf(id);
    const stale = await app.request('PATCH', `/leads/${id}`, {
      token,
      body: { notes: 'second' },
      headers: { 'if-match': '"0"' },
    });
    expect([stale.status, stale.body.code]).toEqual([412, 'REVISION_MISMATCH']);
    expect(await eventsOf(id)).toEqual(before);
  });

  it('moving to a new email frees the old one and guards the new one', async () => {
    const old = `old${++seq}@nordfrakt.example`;
    const id = await capture(newLead({ email: old }));
    const moved = await app.request('PATCH', `/leads/${id}`, { token, body: { email: `New${seq}@Nordfrakt.example` } });
    expect(moved.status).toBe(200);
    expect(moved.body.events.map((e: { type: string }) => e.type)).toEqual(['LeadContactChanged']);
    const again = await app.request('POST', '/leads', {
      token,
      body: newLead({ email: `new${seq}@nordfrakt.example` }),
    });
    expect([again.status, again.body.code, again.body.details?.existingLeadId]).toEqual([409, 'LEAD_DUPLICATE', id]);
    expect((await app.request('POST', '/leads', { token, body: newLead({ email: old }) })).status).toBe(201);
  });

  it('an email another lead holds is refused with 409 LEAD_DUPLICATE and nothing is written anywhere', async () => {
    const taken = `taken${++seq}@nordfrakt.example`;
    const holder = await capture(newLead({ email: taken }));
    const id = await capture(newLead({ phone: `+46 8 555 ${seq}` }));
    const store = app.app.get<symbol, EventStore>(EVENT_STORE, { strict: false });
    const contactEvents = async () =>
      (await store.readAll({ filter: { streamPrefixes: ['leadContact-'] } })).map((e) => e.id);
    const [leadBefore, contactsBefore] = [await eventsOf(id), await contactEvents()];
    const refused = await app.request('PATCH', `/leads/${id}`, {
      token,
      body: { email: taken, phone: '+46 8 999 000', name: 'Renamed' },
    });
    expect([refused.status, refused.body.code, refused.body.details]).toEqual([
      409,
      'LEAD_DUPLICATE',
      { existingLeadId: holder, matchedOn: 'email' },
    ]);
    expect(await eventsOf(id)).toEqual(leadBefore);
    expect(await contactEvents()).toEqual(contactsBefore);
  });

  it('two leads moving to one email at once: exactly one gets it', async () => {
    const [a, b] = [await capture(newLead()), await capture(newLead())];
    const email = `contested${++seq}@nordfrakt.example`;
    const results = await Promise.all(
      [a, b].map((id) => app.request('PATCH', `/leads/${id}`, { token, body: { email } })),
    );
    const winner = expectExactlyOne(results, { winner: 200, losers: [409, 'LEAD_DUPLICATE'] });
    const loser = results.find((r) => r !== winner);
    expect(loser?.body.details.existingLeadId).toBe(winner.body.id);
  });

  it('bad input is a 400 naming the field; an unknown lead is a 404', async () => {
    const id = await capture(newLead());
    const cases: [unknown, string][] = [
      [{ dealSize: { amountMinor: 10.5, currency: 'EUR' } }, 'dealSize.amountMinor'],
      [{ dealSize: { amountMinor: 100, currency: 'EURO' } }, 'dealSize.currency'],
      [{ name: null }, 'name'],
      [{ estimatedDealSize: 1.005 }, 'estimatedDealSize'],
    ];
    for (const [body, field] of cases) {
      const response = await app.request('PATCH', `/leads/${id}`, { token, body });
      expect([response.status, response.body.errors?.[0]?.field]).toEqual([400, field]);
    }
    const missing = await app.request('PATCH', '/leads/00000000-0000-4000-8000-000000000000', {
      token,
      body: { notes: 'x' },
    });
    expect([missing.status, missing.body.code]).toEqual([404, 'LEAD_NOT_FOUND']);
  });
});
