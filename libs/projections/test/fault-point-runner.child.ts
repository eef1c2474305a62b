import { SqliteEventStore } from '#ltc/event-store';
import { ProjectionRunner, openReadModelDb, type ReadModelDbOptions } from '#ltc/projections';
import { EventLogProjection, StreamCountsProjection } from './test-projections.js';

/**
 * A runner in a process of its own, so that a fault point can SIGKILL it for real:
 * feeds the crash suite's two projections from the store file in LTC_TEST_STORE into the
 * read model described by LTC_TEST_READ_MODEL (JSON), and exits 0 once both reach the head.
 */
const storeFile = process.env.LTC_TEST_STORE;
const readModel = process.env.LTC_TEST_READ_MODEL;
if (!storeFile || !readModel) throw new Error('LTC_TEST_STORE and LTC_TEST_READ_MODEL are required');

const store = new SqliteEventStore({ filename: storeFile, durability: 'normal', pollIntervalMs: 20 });
const handle = await openReadModelDb(JSON.parse(readModel) as ReadModelDbOptions);
const runner = new ProjectionRunner({
  store,
  db: handle.db,
  projections: [new EventLogProjection(), new StreamCountsProjection()],
  batchSize: 50,
});
await runner.start();
const head = await store.readHeadPosition();
await runner.waitFor('event_log', head);
await runner.waitFor('stream_counts', head);
await runner.stop();
await handle.close();
await store.close();
process.stdout.write('caught up\n');
