import { CheckpointStore, waitUntilProjected } from '#ltc/projections';
import { openStore, sqliteTarget, tempDir, writeEvents } from './fixtures.js';
import { Cleanup } from './suite-support.js';

/** A process manager deciding with a projection's rows waits until they include what came before its event. */
describe('Waiting until a projection has folded the log up to a position', () => {
  const target = sqliteTarget();
  const cleanup = new Cleanup();
  afterAll(() => target.cleanup());
  afterEach(() => cleanup.run());

  async function world() {
    const dir = tempDir('projected-as-of');
    cleanup.add(dir.cleanup);
    const store = openStore(dir.path);
    cleanup.add(() => store.close());
    const readModel = await (await target.create()).open();
    cleanup.add(() => readModel.close());
    const checkpoints = new CheckpointStore();
    await checkpoints.setup(readModel.db);
    return { store, db: readModel.db, checkpoints };
  }

  it('is there once the checkpoint reaches the position, and not before (false when time runs out)', async () => {
    const { store, db, checkpoints } = await world();
    await writeEvents(store, 10, 2);
    const projection = { name: 'orders', filter: { streamPrefixes: ['order-'] } };
    expect(await waitUntilProjected({ store, db }, projection, 6n, { timeoutMs: 60, pollMs: 10 })).toBe(false);
    await checkpoints.save(db, 'orders', 1, 5n);
    expect(await waitUntilProjected({ store, db }, projection, 6n, { timeoutMs: 60, pollMs: 10 })).toBe(false);
    setTimeout(() => void checkpoints.save(db, 'orders', 1, 6n), 30);
    expect(await waitUntilProjected({ store, db }, projection, 6n, { timeoutMs: 2_000, pollMs: 10 })).toBe(true);
  });

  it('a filtered projection is there when none of its events lies between its checkpoint and the position', async () => {
    const { store, db, checkpoints } = await world();
    await writeEvents(store, 3, 1, 'order');
    const lastOrder = await store.readHeadPosition();
    const head = await writeEvents(store, 5, 1, 'invoice');
    const orders = { name: 'orders', filter: { streamPrefixes: ['order-'] } };
    await checkpoints.save(db, 'orders', 1, lastOrder);
    expect(await waitUntilProjected({ store, db }, orders, head, { timeoutMs: 60 })).toBe(true);
    // Nothing of its own at all: there from the beginning.
    const refunds = { name: 'refunds', filter: { streamPrefixes: ['refund-'] } };
    expect(await waitUntilProjected({ store, db }, refunds, head, { timeoutMs: 60 })).toBe(true);
  });
});
