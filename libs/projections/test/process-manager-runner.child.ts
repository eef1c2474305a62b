import { ProjectionRunner } from '#ltc/projections';
import { openChildWorld } from './child-world.js';
import { EffectDispatcher } from './effect-dispatcher.js';

/**
 * A process manager in a process of its own, so that a fault point can SIGKILL it for
 * real: reacts to every `order-` event in the store file LTC_TEST_STORE with one command
 * (`effect-<event id>`), several streams at a time, checkpoint in the read model described
 * by LTC_TEST_READ_MODEL (JSON); exits 0 once it reaches the head.
 */
const { store, handle } = await openChildWorld();
const runner = new ProjectionRunner({
  store,
  db: handle.db,
  processManagers: [
    {
      name: 'reactor',
      filter: { streamPrefixes: ['order-'] },
      partitionKey: (event) => event.stream,
      handle: (event, ctx) => ctx.dispatch({ type: 'react', payload: { target: event.id } }),
    },
  ],
  dispatcher: new EffectDispatcher(store),
  batchSize: 50,
});
await runner.start();
const head = await store.readAll({ filter: { streamPrefixes: ['order-'] } });
await runner.waitFor('reactor', head.at(-1)?.position ?? 0n);
await runner.stop();
await handle.close();
await store.close();
process.stdout.write('caught up\n');
