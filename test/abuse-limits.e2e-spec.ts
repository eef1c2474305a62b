import { startTestApp, type TestApp } from './support/test-app.js';

let phone = 3000;
const lead = () => ({ name: 'Sensors', company: 'Frost AB', phone: `+46 8 555 ${phone++}`, source: 'tradeshow' });

describe('Abuse limits and security headers', () => {
  describe('a server with LTC_RATE_LIMIT and a small LTC_MAX_BODY_BYTES', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp({ env: { LTC_RATE_LIMIT: '3/h', LTC_MAX_BODY_BYTES: '4096' } });
    });
    afterAll(() => app.destroy());

    it('answers a command beyond the caller’s budget with 429 RATE_LIMITED and Retry-After, others unaffected', async () => {
      const alice = await app.token(['ar'], 'alice');
      const statuses = [];
      for (let i = 0; i < 3; i += 1)
        statuses.push((await app.request('POST', '/leads', { token: alice, body: lead() })).status);
      expect(statuses).toEqual([201, 201, 201]);
      const limited = await app.request('POST', '/leads', { token: alice, body: lead() });
      expect(limited.status).toBe(429);
      // One token back every 20 minutes: the wait is close to that however slow this machine is.
      const wait = Number(limited.headers.get('retry-after'));
      expect(limited.body).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: wait } });
      expect(wait).toBeGreaterThan(1100);
      expect(wait).toBeLessThanOrEqual(1200);
      // A second token of the same caller shares the budget; reads and other callers are not limited.
      const aliceAgain = await app.token(['ar'], 'alice');
      expect((await app.request('POST', '/leads', { token: aliceAgain, body: lead() })).status).toBe(429);
      expect((await app.request('GET', '/leads', { token: alice })).status).toBe(200);
      const bob = await app.token(['ar'], 'bob');
      expect((await app.request('POST', '/leads', { token: bob, body: lead() })).status).toBe(201);
    });

    it('answers a JSON body over the limit with 413 PAYLOAD_TOO_LARGE', async () => {
      const token = await app.token(['ar'], 'carol');
      const response = await app.request('POST', '/leads', { token, body: { ...lead(), notes: 'x'.repeat(5000) } });
      expect(response.status).toBe(413);
      expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('lets a lead import through above the JSON limit: it has a limit of its own', async () => {
      const token = await app.token(['sales_manager'], 'dave');
      const rows = Array.from({ length: 120 }, (_, i) => `Lead ${i},Frost AB,+46 8 556 ${1000 + i},tradeshow`);
      const csv = `name,company,phone,source\n${rows.join('\n')}\n`;
      expect(csv.length).toBeGreaterThan(4096);
      const response = await fetch(`${app.baseUrl}/leads/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
        body: csv,
      });
      expect(response.status).not.toBe(413);
      expect(response.status).toBeLessThan(300);
    });
  });

  describe('a server with the defaults', () => {
    let app: TestApp;
    beforeAll(async () => (app = await startTestApp()));
    afterAll(() => app.destroy());

    it('does not limit commands', async () => {
      const token = await app.token(['ar'], 'erin');
      for (let i = 0; i < 5; i += 1) {
        expect((await app.request('POST', '/leads', { token, body: lead() })).status).toBe(201);
      }
    });

    it('sends security headers on answers and errors alike, and no HSTS over plain HTTP', async () => {
      for (const response of [await app.request('GET', '/health'), await app.request('GET', '/leads')]) {
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('x-frame-options')).toBe('DENY');
        expect(response.headers.get('referrer-policy')).toBe('no-referrer');
        expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
        expect(response.headers.get('strict-transport-security')).toBeNull();
      }
    });
  });
});
