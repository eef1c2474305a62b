import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import { eventually, startTestApp, type TestApp } from './support/test-app.js';

/** The service configuration routes over real HTTP, on real files. */

const day = [{ from: '08:00', to: '17:00' }];
const stockholm = {
  name: 'Stockholm office',
  timeZone: 'Europe/Stockholm',
  week: { '1': day, '2': day, '3': day, '4': day, '5': day },
  holidays: ['2026-12-24'],
};
const target = (responseMinutes: number, resolutionMinutes: number) => ({ responseMinutes, resolutionMinutes });
const gold = {
  name: 'Gold',
  targets: { P1: target(15, 120), P2: target(30, 240), P3: target(120, 960), P4: target(240, 1920) },
  calendarId: 'stockholm',
  pauseOn: ['customer'],
  escalations: [{ on: 'breach', clock: 'any', action: 'escalate_line' }],
  ola: { byLine: { '1': 60, '2': 120, '3': 240 } },
  independentVerification: true,
};

describe('Service configuration routes', () => {
  let app: TestApp;
  let manager: string;
  let agent: string;
  let otherTenant: string;

  beforeAll(async () => {
    app = await startTestApp();
    manager = await app.token(['service_manager'], 'sven');
    agent = await app.token(['service_agent'], 'olle');
    otherTenant = await app.token(['service_manager'], 'gus', 'globex');
  });
  afterAll(async () => {
    await app.destroy();
  });

  it('refuses a policy naming an unknown calendar with 400 calendarId, then stores it once the calendar exists', async () => {
    const early = await app.request('PUT', '/sla-policies/gold', { token: manager, body: gold });
    expect([early.status, early.body.errors?.[0]?.field]).toEqual([400, 'calendarId']);
    const calendar = await app.request('PUT', '/calendars/stockholm', { token: manager, body: stockholm });
    expect([calendar.status, calendar.body.version]).toEqual([200, 1]);
    const stored = await app.request('PUT', '/sla-policies/gold', { token: manager, body: gold });
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ id: 'gold', revision: 0, version: 1 });
    const again = await app.request('PUT', '/sla-policies/gold', { token: manager, body: gold });
    expect([again.status, again.body.events, again.body.version]).toEqual([200, [], 1]);
    const read = await app.request('GET', '/sla-policies/gold', { token: agent });
    expect([read.status, read.headers.get('etag'), read.body.warnAtPercent, read.body.reopenWindowDays]).toEqual([
      200,
      '"0"',
      75,
      7,
    ]);
    expect(read.body.ola).toEqual({ byLine: { '1': 60, '2': 120, '3': 240 }, byKind: {} });
  });

  it('answers the built-in default policy, lists it, and refuses a stale If-Match with 412', async () => {
    const builtIn = await app.request('GET', '/sla-policies/default', { token: agent });
    expect([builtIn.status, builtIn.body.version, builtIn.body.calendarId]).toEqual([200, 0, null]);
    await eventually(async () => {
      const list = await app.request('GET', '/sla-policies', { token: agent });
      const ids = (list.body.items as { policyId: string }[]).map((p) => p.policyId);
      return ids.includes('gold') ? ids : undefined;
    });
    const stale = await app.request('PUT', '/sla-policies/gold', {
      token: manager,
      body: { ...gold, warnAtPercent: 50 },
      headers: { 'if-match': '"7"' },
    });
    expect(stale.status).toBe(412);
    expect((await app.request('GET', '/sla-policies/nope', { token: agent })).status).toBe(404);
  });

  it('refuses a calendar with every problem named, and a policy whose fields break the rules', async () => {
    const bad = await app.request('PUT', '/calendars/mars', {
      token: manager,
      body: { ...stockholm, timeZone: 'Mars/Olympus', week: { '1': [{ from: '17:00', to: '08:00' }] } },
    });
    expect(bad.status).toBe(400);
    expect((bad.body.errors as { field: string }[]).map((e) => e.field)).toEqual(['timeZone', 'week.1[0]']);
    const empty = await app.request('PUT', '/calendars/idle', { token: manager, body: { ...stockholm, week: {} } });
    expect([empty.status, empty.body.errors?.[0]?.field]).toEqual([400, 'week']);
    const noP4 = await app.request('PUT', '/sla-policies/silver', {
      token: manager,
      body: { ...gold, calendarId: null, targets: { ...gold.targets, P4: undefined } },
    });
    expect([noP4.status, noP4.body.errors?.[0]?.field]).toEqual([400, 'targets.P4']);
    const warn = await app.request('PUT', '/sla-policies/silver', {
      token: manager,
      body: { ...gold, calendarId: null, warnAtPercent: 100 },
    });
    expect([warn.status, warn.body.errors?.[0]?.field]).toEqual([400, 'warnAtPercent']);
    expect((await app.request('PUT', '/calendars/x', { token: agent, body: stockholm })).status).toBe(403);
  });

  it('keeps service groups and answers who is in them', async () => {
    const group = { name: 'Hotline', line: 1, lead: 'lena', members: ['olle'] };
    const stored = await app.request('PUT', '/service-groups/hotline', { token: manager, body: group });
    expect([stored.status, stored.body.version]).toEqual([200, 1]);
    const unknownCalendar = await app.request('PUT', '/service-groups/experts', {
      token: manager,
      body: { ...group, line: 2, calendarId: 'oslo' },
    });
    expect([unknownCalendar.status, unknownCalendar.body.errors?.[0]?.field]).toEqual([400, 'calendarId']);
    const read = await app.request('GET', '/service-groups/hotline', { token: agent });
    expect(read.body).toEqual({ groupId: 'hotline', version: 1, ...group, calendarId: null });
    expect((await app.request('GET', '/service-groups/hotline', { token: otherTenant })).status).toBe(404);
  });

  it("records a contract's entitlement only in the contract's tenant, with a known policy", async () => {
    const contractId = randomUUID();
    const store = app.app.get<EventStore>(EVENT_STORE);
    await store.appendToStream(`contract-${contractId}`, [
      {
        type: 'ContractDrafted',
        data: {
          contractId,
          dealId: contractId,
          quoteVersion: 1,
          quoteTotal: { amountMinor: 100, currency: 'EUR' },
          triangle: { ar: 'ann', sr: null, fr: null, sponsor: null },
          actor: 'ann',
          at: '2026-03-01T09:00:00.000Z',
        },
        metadata: {
          actor: { userId: 'ann', role: 'ar' },
          correlationId: 'c',
          causationId: 'c',
          commandId: randomUUID(),
          tenantId: 'acme',
          schemaVersion: 1,
        },
      },
    ]);
    const path = `/service-entitlements/${contractId}`;
    expect((await app.request('GET', path, { token: agent })).body.code).toBe('SERVICE_ENTITLEMENT_NOT_FOUND');
    const unknownPolicy = await app.request('PUT', path, {
      token: manager,
      body: { policyId: 'platinum', warrantyEndsOn: null },
    });
    expect([unknownPolicy.status, unknownPolicy.body.errors?.[0]?.field]).toEqual([400, 'policyId']);
    const body = { policyId: 'gold', warrantyEndsOn: '2028-06-30' };
    const recorded = await app.request('PUT', path, { token: manager, body });
    expect([recorded.status, recorded.body.version]).toEqual([200, 1]);
    const read = await app.request('GET', path, { token: agent });
    expect(read.body).toEqual({ contractId, version: 1, ...body });
    const foreign = await app.request('PUT', path, {
      token: otherTenant,
      body: { policyId: 'default', warrantyEndsOn: null },
    });
    expect([foreign.status, foreign.body.code]).toEqual([404, 'CONTRACT_NOT_FOUND']);
    const none = await app.request('PUT', `/service-entitlements/${randomUUID()}`, { token: manager, body });
    expect(none.status).toBe(404);
  });
});
