import { createHash, randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import { expectEvery, expectExactlyOne } from '#ltc/testing';
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
    expectEvery(responses, 201);
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
    const before = await eventLog(app);
    const reused = await app.request('POST', '/leads', { token, body: { ...lead, name: 'Other' }, headers });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await eventLog(app)).toEqual(before);
  });

  it('a key reused with another contact is refused with 422, reserves nothing, and the contact stays free', async () => {
    app = await startTestApp();
    const token = await app.token(['ar']);
    const headers = { 'idempotency-key': 'k1' };
    expect((await app.request('POST', '/leads', { token, body: lead, headers })).status).toBe(201);
    const before = await eventLog(app);
    const other = { ...lead, email: 'b@lumen.example', phone: '+49 30 1234' };
    const reused = await app.request('POST', '/leads', { token, body: other, headers });
    expect([reused.status, reused.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(await eventLog(app)).toEqual(before);
    const fresh = await app.request('POST', '/leads', { token, body: other });
    expect(fresh.status).toBe(201);
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
    const winner = expectExactlyOne(results, { winner: 201, losers: [409, 'LEAD_DUPLICATE'] });
    const named = new Set(results.filter((r) => r !== winner).map((r) => r.body.details.existingLeadId));
    expect(named).toEqual(new Set([winner.body.id]));
    const existing = await eventually(async () => {
      const found = await app.request('GET', `/leads/${winner.body.id as string}`, { token });
      return found.status === 200 ? found : undefined;
    });
    expect(existing.body.id).toBe(winner.body.id);
  });

  it('two captures sharing a phone at once: one wins, and the loser leaves its email free (10 rounds)', async () => {
    app = await startTestApp();
    const token = await app.token(['ar']);
    for (let round = 0; round < 10; round++) {
      const phone = `+49 30 555 ${round}`;
      const x = { ...lead, email: `x${round}@lumen.example`, phone };
      const y = { ...lead, email: `y${round}@lumen.example`, phone };
      const results = await Promise.all([x, y].map((body) => app.request('POST', '/leads', { token, body })));
      const winner = expectExactlyOne(results, { winner: 201, losers: [409, 'LEAD_DUPLICATE'] });
      const loserEmail = winner === results[0] ? y.email : x.email;
      const fresh = await app.request('POST', '/leads', { token, body: { ...lead, email: loserEmail } });
      expect([round, fresh.status]).toEqual([round, 201]);
    }
  });

  it('a reservation left by a capture that never wrote its lead does not block the contact, however young', async () => {
    app = await startTestApp();
    const token = await app.token(['ar']);
    // A capture that reserved the email a moment ago and then died before writing its lead.
    const orphanLeadId = randomUUID();
    const store = app.app.get<symbol, EventStore>(EVENT_STORE, { strict: false });
    const hash = createHash('sha256').update('acme\u0000email\u0000crashed@lumen.example').digest('hex');
    await store.appendToStream(
      `leadContact-${hash.slice(0, 40)}`,
      [{ type: 'LeadContactClaimed', data: { leadId: orphanLeadId, kind: 'email' }, metadata: metadataFor('acme') }],
      { expectedRevision: 'no_stream' },
    );

    const crashed = { ...lead, email: 'crashed@lumen.example' };
    const next = await app.request('POST', '/leads', { token, body: crashed });
    expect(next.status).toBe(201);
    const voided = await store.readStream(`lead-${orphanLeadId}`);
    expect(voided.map((e) => e.type)).toEqual(['LeadCaptureVoided']);
    expect((await app.request('GET', `/leads/${orphanLeadId}`, { token })).status).toBe(404);
    const again = await app.request('POST', '/leads', { token, body: { ...crashed, name: 'Third try' } });
    expect([again.status, again.body.code, again.body.details?.existingLeadId]).toEqual([
      409,
      'LEAD_DUPLICATE',
      next.body.id,
    ]);
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

/**
 * Every event in the store, in order, once the background jobs (scoring, routing) have caught
 * up with the head: "writes nothing" means this list did not change.
 */
async function eventLog(testApp: TestApp): Promise<string[]> {
  const admin = await testApp.token(['admin']);
  await eventually(async () => {
    const jobs = (await testApp.request('GET', '/projections', { token: admin })).body as { lag: unknown }[];
    return jobs.every((job) => String(job.lag) === '0') ? true : undefined;
  }, 15_000);
  const store = testApp.app.get<symbol, EventStore>(EVENT_STORE, { strict: false });
  return (await store.readAll()).map((e) => `${e.stream} ${e.type} ${e.id}`);
}

function metadataFor(tenantId: string) {
  return {
    actor: { userId: 'crashed-capture', role: 'ar' },
    correlationId: randomUUID(),
    causationId: 'cmd_crashed',
    commandId: 'cmd_crashed',
    tenantId,
    schemaVersion: 1,
  };
}
