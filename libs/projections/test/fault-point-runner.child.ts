import { ProjectionRunner } from '#ltc/projections';
import { openChildWorld } from './child-world.js';
import { EventLogProjection, StreamCountsProjection } from './test-projections.js';

/**
 * A runner in a process of its own, so that a fault point can SIGKILL it for real:
 * feeds the crash suite's two projections from the store file in LTC_TEST_STORE into the
 * read model described by LTC_TEST_READ_MODEL (JSON), and exits 0 once both reach the head.
 */
const { store, handle } = await openChildWorld();
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
