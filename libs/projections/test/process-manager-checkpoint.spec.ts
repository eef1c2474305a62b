import { CheckpointStore, ProjectionRunner, type ProcessManager } from '#ltc/projections';
import { describeWithPostgres } from '#ltc/testing';
import { openStore, postgresTarget, sqliteTarget, tempDir, writeEvents, type ReadModelTarget } from './fixtures.js';
import { Cleanup } from './suite-support.js';

function checkpointSuite(makeTarget: () => ReadModelTarget): void {
  const target = makeTarget();
  const cleanup = new Cleanup();
  afterAll(() => target.cleanup());
  afterEach(() => cleanup.run());

  it('a stale runner finishing late never pulls a process manager checkpoint back', async () => {
    const dir = tempDir('pm-checkpoint');
    const store = openStore(dir.path);
    const location = await target.create();
    const fast = await location.open();
    const slow = await location.open();
    cleanup.add(dir.cleanup);
    cleanup.add(() => store.close());
    cleanup.add(() => fast.close());
    cleanup.add(() => slow.close());
    const head = await writeEvents(store, 10);
    const first = (await store.readAll({ maxCount: 1 }))[0];
    if (!first) throw new Error('no events');

    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    let entered = (): void => undefined;
    const blocked = new Promise<void>((resolve) => (entered = resolve));
    const stalling: ProcessManager = {
      name: 'notifier',
      filter: { streamPrefixes: ['order-'] },
      async handle() {
        entered();
        await released;
      },
    };
    const quick: ProcessManager = {
      name: 'notifier',
      filter: { streamPrefixes: ['order-'] },
      handle: async () => undefined,
    };

    // The stale runner loads the checkpoint first and stalls on the first event.
    const stale = new ProjectionRunner({ store, db: slow.db, processManagers: [stalling] });
    cleanup.add(() => stale.stop());
    await stale.start();
    await blocked;
    const current = new ProjectionRunner({ store, db: fast.db, processManagers: [quick] });
    cleanup.add(() => current.stop());
    await current.start();
    await current.waitFor('notifier', head);
    const checkpoints = new CheckpointStore();
    expect((await checkpoints.load(fast.db, 'notifier'))?.position).toBe(head);

    // Stopping finishes the event in hand and saves its position: the first event's.
    const stopping = stale.stop();
    release();
    await stopping;
    expect((await checkpoints.load(fast.db, 'notifier'))?.position).toBe(head);
    expect(first.position).toBeLessThan(head);
  });

  it('saveForward compares positions as numbers, beyond 2^63 and across digit counts', async () => {
    const location = await target.create();
    const handle = await location.open();
    cleanup.add(() => handle.close());
    const checkpoints = new CheckpointStore();
    await checkpoints.setup(handle.db);
    const steps: [bigint, boolean, bigint][] = [
      [99n, true, 99n],
      [100n, true, 100n],
      [99n, false, 100n],
      [100n, false, 100n],
      [18446744073709551000n, true, 18446744073709551000n],
      [9223372036854775808n, false, 18446744073709551000n],
      [18446744073709551001n, true, 18446744073709551001n],
    ];
    for (const [to, moved, stored] of steps) {
      expect(await checkpoints.saveForward(handle.db, 'pm', 1, to)).toBe(moved);
      expect((await checkpoints.load(handle.db, 'pm'))?.position).toBe(stored);
    }
  });
}

describe('process-manager checkpoints on SQLite', () => checkpointSuite(sqliteTarget));

await describeWithPostgres('process-manager checkpoints on PostgreSQL', (url) =>
  checkpointSuite(() => postgresTarget(url)),
);
