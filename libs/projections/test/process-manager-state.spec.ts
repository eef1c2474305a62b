import { join } from 'node:path';
import { SqliteEventStore, type EventStore } from '#ltc/event-store';
import { FAULT_POINT_ENV } from '#ltc/kernel';
import { CheckpointStore, ProjectionRunner, type ProcessManager, type ReadModelHandle } from '#ltc/projections';
import { describeWithPostgres, runTypeScriptChild, siblingFile } from '#ltc/testing';
import { EffectDispatcher } from './effect-dispatcher.js';
import { openStore, postgresTarget, sqliteTarget, tempDir, writeEvents, type ReadModelTarget } from './fixtures.js';
import { Cleanup } from './suite-support.js';
import { tallied, tallyManager } from './tally-manager.js';

/**
 * A process manager's own tables, when they are a fold of the log, rebuild like a
 * projection's rows: reset, folded again up to the manager's checkpoint without effects,
 * then live handling goes on from the checkpoint, effects and all.
 */
function stateSuite(makeTarget: () => ReadModelTarget): void {
  const target = makeTarget();
  const cleanup = new Cleanup();
  afterAll(() => target.cleanup());
  afterEach(() => cleanup.run());

  async function world(): Promise<{ store: EventStore; readModel: ReadModelHandle; dispatcher: EffectDispatcher }> {
    const dir = tempDir('pm-state');
    cleanup.add(dir.cleanup);
    const store = openStore(dir.path);
    cleanup.add(() => store.close());
    const readModel = await (await target.create()).open();
    cleanup.add(() => readModel.close());
    return { store, readModel, dispatcher: new EffectDispatcher(store) };
  }

  function runner(
    store: EventStore,
    readModel: ReadModelHandle,
    managers: ProcessManager[],
    dispatcher: EffectDispatcher,
  ) {
    const created = new ProjectionRunner({
      store,
      db: readModel.db,
      processManagers: managers,
      dispatcher,
      batchSize: 20,
    });
    cleanup.add(() => created.stop());
    return created;
  }

  it('a rebuild repairs damaged state from the log, sends no effect again, and goes on live from the checkpoint', async () => {
    const { store, readModel, dispatcher } = await world();
    const head = await writeEvents(store, 90, 6);
    const r = runner(store, readModel, [tallyManager(readModel.db)], dispatcher);
    await r.start();
    await r.waitFor('tally', head);
    const live = await tallied(readModel.db);
    expect(live).toHaveLength(90);
    const sent = dispatcher.calls.length;
    const checkpoint = (await r.status())[0]?.position;
    expect(checkpoint).toBeGreaterThanOrEqual(head);

    // The tables lose rows and gain one the log never had.
    await readModel.db
      .withTables<{ order_tally: { event_id: string; stream: string; position: string } }>()
      .updateTable('order_tally')
      .set({ event_id: 'not-an-event' })
      .where('event_id', '=', live[3] ?? '')
      .execute();
    await r.rebuild('tally');
    expect(await tallied(readModel.db)).toEqual(live);
    expect(dispatcher.calls).toHaveLength(sent);
    const [status] = await r.status();
    expect(status).toMatchObject({ name: 'tally', version: 1, position: checkpoint });

    const later = await writeEvents(store, 10, 2, 'order-late');
    await r.waitFor('tally', later);
    expect(await tallied(readModel.db)).toHaveLength(100);
    expect(dispatcher.calls).toHaveLength(sent + 10);
  });

  it('a process manager without state of its own has nothing to rebuild', async () => {
    const { store, readModel, dispatcher } = await world();
    const stateless: ProcessManager = { name: 'stateless', filter: {}, handle: async () => undefined };
    const r = runner(store, readModel, [stateless], dispatcher);
    await r.start();
    await expect(r.rebuild('stateless')).rejects.toThrow(/not a projection/);
  });
}

describe('Process manager state › SQLite', () => {
  stateSuite(sqliteTarget);
});

await describeWithPostgres('Process manager state › PostgreSQL', (url) => {
  stateSuite(() => postgresTarget(url));
});

describe('Process manager state › a crash in the middle of a rebuild', () => {
  const target = sqliteTarget();
  const cleanup = new Cleanup();
  afterAll(() => target.cleanup());
  afterEach(() => cleanup.run());

  it('SIGKILLed after part of the log is folded again: the next start rebuilds it whole before handling anything', async () => {
    const dir = tempDir('pm-state-crash');
    cleanup.add(dir.cleanup);
    const storeFile = join(dir.path, 'events.db');
    const store = new SqliteEventStore({ filename: storeFile, durability: 'normal', pollIntervalMs: 20 });
    cleanup.add(() => store.close());
    await writeEvents(store, 300, 7);
    const location = await target.create();
    const env = { LTC_TEST_STORE: storeFile, LTC_TEST_READ_MODEL: JSON.stringify(location.options) };
    const child = siblingFile(import.meta.url, 'process-manager-state.child.ts');
    expect(await runTypeScriptChild(child, env).exited).toBe(0);

    // Pages of 50: killed after the second, with a third of the log folded again.
    const point = 'process-manager.mid-state-rebuild@tally';
    const doomed = runTypeScriptChild(child, { ...env, LTC_TEST_REBUILD: '1', [FAULT_POINT_ENV]: `${point}:2` });
    expect(await doomed.exited).toBe('SIGKILL');
    const dead = await location.open();
    expect(await tallied(dead.db)).toHaveLength(100);
    expect((await new CheckpointStore().load(dead.db, 'tally'))?.version).toBe(0);
    await dead.close();

    const revived = runTypeScriptChild(child, env);
    expect(await revived.exited).toBe(0);
    const after = await location.open();
    cleanup.add(() => after.close());
    expect(await tallied(after.db)).toEqual(
      (await store.readAll({ filter: { streamPrefixes: ['order-'] } })).map((e) => e.id),
    );
    expect((await new CheckpointStore().load(after.db, 'tally'))?.version).toBe(1);
  }, 120_000);
});
