import { join } from 'node:path';
import { ManualClock } from '#ltc/clock';
import type { EventStore } from '#ltc/event-store';
import { openReadModelDb, type ReadModelDbOptions } from '#ltc/projections';
import { createTestSchema } from '#ltc/testing';
import type { DispatchCall } from '../../projections/test/effect-dispatcher.js';
import { eventually, tempDir, type ReadModelLocation } from '../../projections/test/fixtures.js';
import { Cleanup } from '../../projections/test/suite-support.js';
import { bootTimerWorld, escalate, timerContext as context, type BootOptions, type TimerWorld } from './timer-world.js';

/** Where a read model lives, so that this process and a child process can both open it. */
export type ReadModelPlace = (dir: string) => Promise<ReadModelDbOptions>;

export const sqlitePlace: ReadModelPlace = async (dir) => ({ sqliteFilename: join(dir, 'read-model.db') });

/** A fresh schema per setup on the PostgreSQL at `url`, dropped after the suite. */
export function postgresPlace(url: string): ReadModelPlace {
  const schemas: { drop(): Promise<void> }[] = [];
  afterAll(async () => {
    await Promise.all(schemas.map((schema) => schema.drop()));
  });
  return async () => {
    const schema = await createTestSchema(url, 'rm');
    schemas.push(schema);
    return { url, schema: schema.name, sqliteFilename: 'unused.db' };
  };
}

export interface Setup {
  clock: ManualClock;
  calls: DispatchCall[];
  storeDir: string;
  readModel: ReadModelDbOptions;
  boot(overrides?: Partial<BootOptions>): Promise<TimerWorld>;
}

export async function timerEvents(store: EventStore, timerId: string): Promise<string[]> {
  return (await store.readStream(`timer-${timerId}`)).map((event) => event.type);
}

export async function effects(store: EventStore, target: string): Promise<number> {
  return (await store.readStream(`effect-${target}`)).length;
}

export const keys = (calls: DispatchCall[]) => calls.map((call) => call.context.idempotencyKey);

/** Registers the suite's cleanup and returns what its tests share. */
export function timerSuiteSupport(place: ReadModelPlace) {
  const cleanup = new Cleanup();
  afterEach(() => cleanup.run());

  async function setup(): Promise<Setup> {
    const dir = tempDir('timers');
    cleanup.add(() => dir.cleanup());
    const readModel = await place(dir.path);
    const location: ReadModelLocation = {
      options: readModel,
      open: () => openReadModelDb(readModel),
      kill: (handle) => handle.close(),
    };
    const clock = new ManualClock();
    const calls: DispatchCall[] = [];
    return {
      clock,
      calls,
      storeDir: dir.path,
      readModel,
      async boot(overrides = {}) {
        const world = await bootTimerWorld({ storeDir: dir.path, location, clock, calls, ...overrides });
        let down = false;
        const shutdown = () => world.shutdown();
        const once = async (): Promise<void> => {
          if (down) return;
          down = true;
          await shutdown();
        };
        cleanup.add(once);
        return { ...world, shutdown: once };
      },
    };
  }

  /**
   * Proves that every scheduler pass that started before now has finished, without
   * sleeping: a barrier timer due 1 ms ahead can only fire in a pass that starts after
   * the clock moved, and passes run one after another. Two barriers in turn, because a
   * pass already under way when the first is projected may fire it too. Moves the clock
   * 2 ms; returns the idempotency keys of the barriers, for exact assertions on `calls`.
   */
  let barriers = 0;
  async function passesDone(world: TimerWorld, clock: ManualClock, calls: DispatchCall[]): Promise<string[]> {
    const fired: string[] = [];
    for (let i = 0; i < 2; i++) {
      const timerId = `barrier-${++barriers}`;
      const dueAt = new Date(clock.now().getTime() + 1);
      await world.service.schedule({ timerId, dueAt, command: escalate(timerId), context });
      await world.settle();
      clock.advance(1);
      await eventually(() => keys(calls).includes(`timer:${timerId}`), 3000, `barrier ${timerId}`);
      await eventually(async () => (await timerEvents(world.store, timerId)).length === 2, 3000, 'its TimerFired');
      fired.push(`timer:${timerId}`);
    }
    // Leaves due_timers as it was: the barriers' rows are gone.
    await world.settle();
    return fired;
  }

  return { cleanup, setup, passesDone };
}
