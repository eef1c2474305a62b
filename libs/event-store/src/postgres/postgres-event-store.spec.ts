import pg from 'pg';
import { createTestSchema, describeWithPostgres, type TestSchema } from '#ltc/testing';
import { SubscriptionReader, anEvent, someEvents } from '../../test/contract.helpers.js';
import { describeEventStoreContract } from '../../test/event-store.contract.js';
import { describeGroupCommitContract } from '../../test/group-commit.contract.js';
import { EventStoreUnavailableError } from '../errors.js';
import { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store.js';

await describeWithPostgres('PostgresEventStore on PostgreSQL', (url) => {
  const schemas: TestSchema[] = [];
  const stores: PostgresEventStore[] = [];

  /** A URL naming a schema of this test's own, dropped after it. */
  async function freshUrl(): Promise<string> {
    const schema = await createTestSchema(url, 'evstore');
    schemas.push(schema);
    return withSchema(url, schema.name);
  }

  function openStore(options: Partial<PostgresEventStoreOptions> & { url: string }): PostgresEventStore {
    const store = new PostgresEventStore({ poolSize: 4, pollIntervalMs: 50, ...options });
    stores.push(store);
    return store;
  }

  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    for (const schema of schemas.splice(0)) await schema.drop();
  });

  describeEventStoreContract('PostgresEventStore', async () => {
    const store = openStore({ url: await freshUrl() });
    return { store, dispose: () => store.close() };
  });

  describeGroupCommitContract('PostgresEventStore', async () => openStore({ url: await freshUrl() }));

  function positionsOf(count: number): bigint[] {
    return Array.from({ length: count }, (_, index) => BigInt(index + 1));
  }

  it('gives 100 concurrent appends to different streams the gap-free positions 1..100', async () => {
    const store = openStore({ url: await freshUrl() });
    await Promise.all(Array.from({ length: 100 }, (_, index) => store.appendToStream(`lead-${index}`, someEvents(1))));
    expect((await store.readAll()).map((e) => e.position)).toEqual(positionsOf(100));
  });

  it('lets two processes that start together on a fresh schema create it once and share the log without gaps', async () => {
    const shared = await freshUrl();
    const [api, worker] = [openStore({ url: shared }), openStore({ url: shared })];
    await Promise.all(
      Array.from({ length: 60 }, (_, index) =>
        (index % 2 === 0 ? api : worker).appendToStream(`lead-${index % 7}`, someEvents(2)),
      ),
    );
    expect((await worker.readAll()).map((e) => e.position)).toEqual(positionsOf(120));
    const revisions = (await api.readStream('lead-0')).map((e) => e.revision);
    expect(revisions).toEqual(revisions.map((_, index) => BigInt(index)));
  });

  it('wakes a subscriber in another process through NOTIFY, without waiting for its poll', async () => {
    const shared = await freshUrl();
    const api = openStore({ url: shared });
    const worker = openStore({ url: shared, pollIntervalMs: 60_000 });
    await api.appendToStream('lead-1', someEvents(1));
    const reader = new SubscriptionReader(worker.subscribeToAll());
    expect((await reader.next())?.position).toBe(1n);
    // The listen connection may still be starting; the first live event can wait for it.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    await api.appendToStream('lead-2', [anEvent('Ticked')]);
    expect((await reader.next(2_000))?.stream).toBe('lead-2');
    expect(Date.now() - started).toBeLessThan(1_000);
    await reader.close();
  });

  it('goes on delivering when its LISTEN connection is killed, through the poll, and listens again', async () => {
    const shared = await freshUrl();
    const api = openStore({ url: shared });
    const worker = openStore({ url: shared, pollIntervalMs: 50 });
    const reader = new SubscriptionReader(worker.subscribeToAll());
    await api.appendToStream('lead-1', someEvents(1));
    expect((await reader.next())?.position).toBe(1n);
    const channel = `ltc_events_${new URL(shared).searchParams.get('schema') ?? ''}`;
    const listening = `select pid from pg_stat_activity where query = 'listen "${channel}"'`;
    const killed = await query(url, `select pg_terminate_backend(pid) from (${listening}) l`);
    expect(killed).toHaveLength(1);
    await api.appendToStream('lead-2', someEvents(1));
    expect((await reader.next(2_000))?.stream).toBe('lead-2');
    // The next poll opens a new listen connection.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await query(url, listening)).toHaveLength(1);
    await reader.close();
  });

  it('serves a live subscriber from the shared window and one that fell out of it from the server, each in order', async () => {
    const store = openStore({ url: await freshUrl(), recentEventsKept: 5 });
    const live = new SubscriptionReader(store.subscribeToAll());
    const late = new SubscriptionReader(store.subscribeToAll({ filter: { streamPrefixes: ['lead-'] } }));
    const seen: bigint[] = [];
    for (let round = 0; round < 8; round += 1) {
      await store.appendToStream(`lead-${round}`, someEvents(2));
      await store.appendToStream(`ticket-${round}`, someEvents(1));
      seen.push(...(await live.take(3)).map((e) => e.position));
    }
    expect(seen).toEqual(positionsOf(24));
    // The late one reads only now, 24 events behind a window of 5.
    const leads = (await late.take(16)).map((e) => e.position);
    expect(leads).toEqual(positionsOf(24).filter((position) => position % 3n !== 0n));
    await store.appendToStream('lead-live', someEvents(1));
    expect([(await live.next())?.position, (await late.next())?.position]).toEqual([25n, 25n]);
    await Promise.all([live.close(), late.close()]);
  });

  it('keeps its tables in the schema the URL names and leaves public alone', async () => {
    const schemaUrl = await freshUrl();
    const store = openStore({ url: schemaUrl });
    await store.appendToStream('lead-1', someEvents(1));
    const name = new URL(schemaUrl).searchParams.get('schema');
    const tables = await query<{ table_schema: string; table_name: string }>(
      url,
      `select table_schema, table_name from information_schema.tables where table_name in ('events', 'store_schema') and table_schema = $1 order by table_name`,
      [name],
    );
    expect(tables.map((t) => t.table_name)).toEqual(['events', 'store_schema']);
  });

  it('refuses a schema that a newer build has written', async () => {
    const schemaUrl = await freshUrl();
    await openStore({ url: schemaUrl }).readHeadPosition();
    const name = new URL(schemaUrl).searchParams.get('schema') ?? '';
    await query(url, `update ${name}.store_schema set version = 99`);
    const error = await openStore({ url: schemaUrl })
      .readHeadPosition()
      .catch((failure: unknown) => failure);
    expect((error as Error & { cause?: Error }).cause?.message).toMatch(/schema 99/);
  });

  it('answers EventStoreUnavailableError, from calls and from a subscription, when the server cannot be reached', async () => {
    // Port 1 on the loopback: nothing listens there, so every connection is refused at once.
    const store = openStore({ url: 'postgres://postgres@127.0.0.1:1/test' });
    await expect(store.ping()).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(store.appendToStream('lead-1', someEvents(1))).rejects.toBeInstanceOf(EventStoreUnavailableError);
    const failure = await new SubscriptionReader(store.subscribeToAll()).next().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(EventStoreUnavailableError);
  });

  it('keeps positions beyond 2^53 exact', async () => {
    const schemaUrl = await freshUrl();
    const store = openStore({ url: schemaUrl });
    await store.appendToStream('lead-big', someEvents(1));
    const name = new URL(schemaUrl).searchParams.get('schema') ?? '';
    const huge = 2n ** 53n + 1n; // the first integer a double cannot hold
    await query(url, `update ${name}.events set position = $1`, [huge.toString()]);
    expect(await store.readHeadPosition()).toBe(huge);
    const result = await store.appendToStream('lead-big', someEvents(1), { expectedRevision: 0n });
    expect(result.position).toBe(huge + 1n);
    expect((await store.readAll({ after: huge })).map((e) => e.position)).toEqual([huge + 1n]);
  });
});

function withSchema(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('schema', schema);
  return parsed.toString();
}

async function query<Row extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}
