import { startTestApp, eventually, type TestApp } from './support/test-app.js';

const lead = {
  name: 'Warehouse automation',
  company: 'Lumen Logistics',
  email: 'ops@lumen.example',
  source: 'website',
};

describe('Commands over HTTP › safe retries (Idempotency-Key)', () => {
  let app: TestApp;
  afterEach(async () => app.destroy());

  it('a retried key creates one lead, and the retry gets the same response marked as replayed', async () => {
    app = await startTestApp();
    const token = await app.token(['ar']);
    const headers = { 'idempotency-key': 'capture-42' };
    const first = await app.request('POST', '/leads', { token, body: lead, headers });
    const retry = await app.request('POST', '/leads', { token, body: lead, headers });

    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('etag')).toBe('"0"');
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const auditor = await app.token(['auditor']);
    const stream = await app.request('GET', `/streams/lead-${first.body.id as string}`, { token: auditor });
    expect(stream.body.events.filter((e: { type: string }) => e.type === 'LeadCaptured')).toHaveLength(1);
  });

  it('twenty concurrent retries of one key still append exactly one event', async () => {
    app = await startTestApp();
    const token = await app.token(['ar']);
    const headers = { 'idempotency-key': 'double-click' };
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => app.request('POST', '/leads', { token, body: lead, headers })),
    );
    expect(new Set(responses.map((r) => r.status))).toEqual(new Set([201]));
    expect(new Set(responses.map((r) => JSON.stringify(r.body))).size).toBe(1);
    const auditor = await app.token(['auditor']);
    const stream = await app.request('GET', `/streams/lead-${responses[0]?.body.id as string}`, { token: auditor });
    expect(stream.body.events.filter((e: { type: string }) => e.type === 'LeadCaptured')).toHaveLength(1);
  });

  it('a retry after a restart of the server still gets the original response and writes nothing', async () => {
    app = await startTestApp();
    const dataDir = app.dataDir;
    const token = await app.token(['ar']);
    const headers = { 'idempotency-key': 'before-restart' };
    const first = await app.request('POST', '/leads', { token, body: lead, headers });
    await app.close();

    app = await startTestApp({ dataDir });
    const retry = await app.request('POST', '/leads', { token, body: lead, headers });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    const list = await eventually(async () => {
      const page = await app.request('GET', '/leads', { token });
      return page.body.total === 1 ? page.body : undefined;
    });
    expect(list.items[0].id).toBe(first.body.id);
  });

  it('the same key with a different body is refused with 422 and writes nothing', async () => {
    app = await startTestApp();
    const token = await app.token(['ar']);
    const headers = { 'idempotency-key': 'reused' };
    await app.request('POST', '/leads', { token, body: lead, headers });
    const reused = await app.request('POST', '/leads', { token, body: { ...lead, name: 'Other' }, headers });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('keys are scoped to the caller: the same key from two users creates two leads', async () => {
    app = await startTestApp();
    const headers = { 'idempotency-key': 'shared-key' };
    const a = await app.request('POST', '/leads', { token: await app.token(['ar'], 'rep-a'), body: lead, headers });
    const b = await app.request('POST', '/leads', {
      token: await app.token(['ar'], 'rep-b'),
      body: { ...lead, email: 'second@lumen.example' },
      headers,
    });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(a.body.id).not.toBe(b.body.id);
  });

  it('refuses a second lead with the same email (409 LEAD_DUPLICATE naming the existing lead), or records a touch when asked', async () => {
    app = await startTestApp();
    const token = await app.token(['ar']);
    const first = await app.request('POST', '/leads', { token, body: lead });
    const duplicate = await app.request('POST', '/leads', { token, body: { ...lead, email: 'OPS@lumen.example' } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({
      code: 'LEAD_DUPLICATE',
      details: { existingLeadId: first.body.id, matchedOn: 'email' },
    });
    const touch = await app.request('POST', '/leads', {
      token,
      body: { ...lead, source: 'webinar', onDuplicate: 'touch' },
    });
    expect(touch.status).toBe(200);
    expect(touch.body.id).toBe(first.body.id);
    expect(touch.body.events.map((e: { type: string }) => e.type)).toEqual(['LeadTouchRecorded']);
  });

  it('lets only one of many simultaneous captures of one email through', async () => {
    app = await startTestApp();
    const token = await app.token(['ar']);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        app.request('POST', '/leads', { token, body: { ...lead, name: `Try ${i}` } }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'LEAD_DUPLICATE')).toBe(true);
  });

  it('an invalid Idempotency-Key or If-Match is a 400 naming the header', async () => {
    app = await startTestApp();
    const token = await app.token(['ar']);
    const badKey = await app.request('POST', '/leads', {
      token,
      body: lead,
      headers: { 'idempotency-key': 'with space' },
    });
    expect(badKey.status).toBe(400);
    expect(badKey.body.errors[0].field).toBe('Idempotency-Key');
    const badMatch = await app.request('POST', '/leads', { token, body: lead, headers: { 'if-match': 'yesterday' } });
    expect(badMatch.status).toBe(400);
    expect(badMatch.body.errors[0].field).toBe('If-Match');
  });
});
