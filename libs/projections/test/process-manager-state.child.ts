import { ProjectionRunner } from '#ltc/projections';
import { openChildWorld } from './child-world.js';
import { EffectDispatcher } from './effect-dispatcher.js';
import { tallyManager } from './tally-manager.js';

/**
 * The tally process manager in a process of its own, so that a fault point can SIGKILL it
 * in the middle of a rebuild of its state: catches up with the store in LTC_TEST_STORE,
 * rebuilds its state when LTC_TEST_REBUILD=1, and exits 0 with "caught up".
 */
const { store, handle } = await openChildWorld();
const runner = new ProjectionRunner({
  store,
  db: handle.db,
  processManagers: [tallyManager(handle.db)],
  dispatcher: new EffectDispatcher(store),
  batchSize: 50,
});
await runner.start();
const head = await store.readAll({ filter: { streamPrefixes: ['order-'] } });
await runner.waitFor('tally', head.at(-1)?.position ?? 0n);
if (process.env.LTC_TEST_REBUILD === '1') await runner.rebuild('tally');
await runner.stop();
await handle.close();
await store.close();
process.stdout.write('caught up\n');
