import { join } from 'node:path';
import { commandIdFromKey } from '#ltc/commanding';
import { SqliteEventStore } from '#ltc/event-store';
import { FAULT_POINT_ENV } from '#ltc/kernel';
import { CheckpointStore } from '#ltc/projections';
import { runTypeScriptChild, siblingFile } from '#ltc/testing';
import { sqliteTarget, tempDir, writeEvents } from './fixtures.js';
import { Cleanup } from './suite-support.js';

/**
 * A process manager killed after a batch took effect (its streams handled side by side,
 * so not in log order across streams) and before the checkpoint: the restart handles the
 * batch again, and every command still takes effect exactly once.
 */
describe('Process manager crash between a batch and its checkpoint', () => {
  const target = sqliteTarget();
  const cleanup = new Cleanup();
  afterAll(() => target.cleanup());
  afterEach(() => cleanup.run());

  it('a process SIGKILLed after the handlers of a batch, before its checkpoint: each effect once after the restart', async () => {
    const dir = tempDir('pm-crash');
    cleanup.add(dir.cleanup);
    const storeFile = join(dir.path, 'events.db');
    const store = new SqliteEventStore({ filename: storeFile, durability: 'normal', pollIntervalMs: 20 });
    cleanup.add(() => store.close());
    const head = await writeEvents(store, 300, 9);
    const location = await target.create();
    const env = { LTC_TEST_STORE: storeFile, LTC_TEST_READ_MODEL: JSON.stringify(location.options) };
    const child = siblingFile(import.meta.url, 'process-manager-runner.child.ts');
    const point = 'process-manager.after-handlers-before-checkpoint@reactor';

    // 300 events in batches of ≤ 50: the 3rd batch's effects are stored, its checkpoint is not.
    const doomed = runTypeScriptChild(child, { ...env, [FAULT_POINT_ENV]: `${point}:3` });
    expect(await doomed.exited).toBe('SIGKILL');
    expect(doomed.output()).toContain(`${FAULT_POINT_ENV}: ${point} hit 3, killing the process`);
    const dead = await location.open();
    const stopped = (await new CheckpointStore().load(dead.db, 'reactor'))?.position;
    await dead.close();
    expect(typeof stopped === 'bigint' && stopped < head).toBe(true);

    const revived = runTypeScriptChild(child, env);
    expect(await revived.exited).toBe(0);
    expect(revived.output()).toContain('caught up');
    for (const event of await store.readAll({ filter: { streamPrefixes: ['order-'] } })) {
      const effects = await store.readStream(`effect-${event.id}`);
      expect(effects.map((effect) => effect.metadata.commandId)).toEqual([
        commandIdFromKey(event.metadata.tenantId, 'system', `reactor:${event.id}`),
      ]);
    }
  }, 120_000);
});
