import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestSchema, describeWithPostgres, startEsdbWireDouble } from '#ltc/testing';
import { EsdbEventStore } from '../src/esdb/esdb-event-store.js';
import { PostgresEventStore } from '../src/postgres/postgres-event-store.js';
import { SqliteEventStore } from '../src/sqlite/sqlite-event-store.js';
import { describeExactlyOnceUnderConcurrentWriters, exactlyOnceEvents } from './exactly-once.contract.js';

// 200,000 events from 16 writers, each a store of its own (a process of its own, as far as the
// store can tell: its own connection, its own group commit), while a subscriber catches up.
// LTC_EXACTLY_ONCE_EVENTS changes the count for all three.
const scale = { writers: 16, events: exactlyOnceEvents(200_000), batch: 25, inFlight: 4 };

describeExactlyOnceUnderConcurrentWriters('SqliteEventStore', scale, async (writers) => {
  const folder = mkdtempSync(join(tmpdir(), 'ltc-exactly-once-'));
  const open = (): SqliteEventStore =>
    new SqliteEventStore({ filename: join(folder, 'events.sqlite'), durability: 'normal', pollIntervalMs: 20 });
  const stores = Array.from({ length: writers + 1 }, open);
  return {
    writers: stores.slice(1),
    reader: stores[0] as SqliteEventStore,
    dispose: async () => {
      await Promise.all(stores.map((store) => store.close()));
      rmSync(folder, { recursive: true, force: true });
    },
  };
});

await describeWithPostgres('PostgresEventStore on PostgreSQL, exactly once', (url) => {
  describeExactlyOnceUnderConcurrentWriters('PostgresEventStore', scale, async (writers) => {
    const schema = await createTestSchema(url, 'exactly_once');
    const schemaUrl = new URL(url);
    schemaUrl.searchParams.set('schema', schema.name);
    const open = (): PostgresEventStore => new PostgresEventStore({ url: schemaUrl.toString(), poolSize: 2 });
    const stores = Array.from({ length: writers + 1 }, open);
    return {
      writers: stores.slice(1),
      reader: stores[0] as PostgresEventStore,
      dispose: async () => {
        await Promise.all(stores.map((store) => store.close()));
        await schema.drop();
      },
    };
  });
});

// The wire double keeps its log in this process's memory and answers over gRPC, one event per
// message: 200,000 would take it minutes, so it gets a tenth. What is checked is the adapter's
// catch-up and hand-over to live, which does not change with the count.
describeExactlyOnceUnderConcurrentWriters(
  'EsdbEventStore over the wire double',
  { ...scale, events: Math.ceil(scale.events / 10) },
  async (writers) => {
    const double = await startEsdbWireDouble();
    const stores = Array.from({ length: writers + 1 }, () => new EsdbEventStore(double.connectionString));
    return {
      writers: stores.slice(1),
      reader: stores[0] as EsdbEventStore,
      dispose: async () => {
        await Promise.all(stores.map((store) => store.close()));
        await double.stop();
      },
    };
  },
);
