import {
  createTestSchema,
  describeWithPostgres,
  startEsdbWireDouble,
  type EsdbWireDouble,
  type TestSchema,
} from '#ltc/testing';
import { withSearchPath } from './support/postgres-url.js';
import { eventually, startTestApp, type TestApp, type TestAppOptions } from './support/test-app.js';

/**
 * The same first thread through the engine on each supported deployment: the embedded
 * store with SQLite read models (the default), PostgreSQL read models, EventStoreDB
 * (over the wire-level double) with PostgreSQL read models, and everything in PostgreSQL.
 */
function describeFirstThread(setup: () => Promise<{ options: TestAppOptions; teardown(): Promise<void> }>): void {
  let app: TestApp;
  let teardown: () => Promise<void>;

  beforeAll(async () => {
    const prepared = await setup();
    teardown = prepared.teardown;
    app = await startTestApp(prepared.options);
  });
  afterAll(async () => {
    await app.destroy();
    await teardown();
  });

  it('captures a lead, shows it in the read model and the audit view, and replays a retried key', async () => {
    const token = await app.token(['sales_manager'], 'manager-1');
    const body = {
      name: 'Route optimisation',
      company: 'Kestrel Freight',
      email: 'buyer@kestrel.example',
      source: 'referral_customer',
    };
    const created = await app.request('POST', '/leads', { token, body, headers: { 'idempotency-key': 'k-1' } });
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    const view = await eventually(async () => {
      const response = await app.request('GET', `/leads/${id}`, { token });
      return response.status === 200 ? response.body : undefined;
    });
    expect(view).toMatchObject({
      id,
      status: 'new',
      company: 'Kestrel Freight',
      source: 'referral_customer',
      complete: true,
    });

    const retry = await app.request('POST', '/leads', { token, body, headers: { 'idempotency-key': 'k-1' } });
    expect(retry.body).toEqual(created.body);

    const search = await app.request('GET', '/leads?q=kestrel&source=referral_customer', { token });
    expect(search.body.items.map((l: { id: string }) => l.id)).toEqual([id]);

    const audit = await app.request('GET', `/streams/lead-${id}`, { token: await app.token(['auditor']) });
    expect(audit.body.events.map((e: { type: string }) => e.type)[0]).toBe('LeadCaptured');
    const health = await app.request('GET', '/health');
    expect(health.status).toBe(200);
  });
}

describe('Deployment: embedded SQLite store + SQLite read models (default)', () => {
  describeFirstThread(async () => ({ options: {}, teardown: async () => undefined }));
});

await describeWithPostgres('Deployment: embedded store + PostgreSQL read models', (url) => {
  let schema: TestSchema;
  describeFirstThread(async () => {
    schema = await createTestSchema(url, 'e2e');
    return {
      options: { readModelUrl: withSearchPath(url, schema.name) },
      teardown: () => schema.drop(),
    };
  });
});

await describeWithPostgres('Deployment: EventStoreDB (wire double) + PostgreSQL read models', (url) => {
  let schema: TestSchema;
  let double: EsdbWireDouble;
  describeFirstThread(async () => {
    schema = await createTestSchema(url, 'e2e');
    double = await startEsdbWireDouble();
    return {
      options: { readModelUrl: withSearchPath(url, schema.name), eventStoreUrl: double.connectionString },
      teardown: async () => {
        await double.stop();
        await schema.drop();
      },
    };
  });
});

await describeWithPostgres('Deployment: PostgreSQL event store + PostgreSQL read models', (url) => {
  let readModels: TestSchema;
  let events: TestSchema;
  describeFirstThread(async () => {
    [readModels, events] = [await createTestSchema(url, 'e2e'), await createTestSchema(url, 'e2e_events')];
    const eventStoreUrl = new URL(url);
    eventStoreUrl.searchParams.set('schema', events.name);
    return {
      options: { readModelUrl: withSearchPath(url, readModels.name), eventStoreUrl: eventStoreUrl.toString() },
      teardown: async () => {
        await events.drop();
        await readModels.drop();
      },
    };
  });
});
