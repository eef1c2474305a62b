import { describeWithPostgres } from '#ltc/testing';
import { eventually, openStore } from '../../projections/test/fixtures.js';
import type { TimerProcessArgs } from './timer-process.js';
import {
  effects,
  keys,
  postgresPlace,
  sqlitePlace,
  timerEvents,
  timerSuiteSupport,
  type ReadModelPlace,
  type Setup,
} from './timer-suite.js';
import { startTsChild, type TsChild } from './ts-child-process.js';

/**
 * Durable timers across a real crash: the process that scheduled or fired a timer is
 * killed with SIGKILL (no shutdown hook runs), and a fresh one takes over its files.
 * Kept apart from timers.spec.ts because each test starts a process (slow under mutation testing).
 */
const MINUTE = 60_000;
/** A child process compiles its sources on start: slow on a busy machine. */
const CHILD_TEST_TIMEOUT = 120_000;
const TIMER_PROCESS = new URL('./timer-process.ts', import.meta.url).pathname;

function crashSuite(place: ReadModelPlace): void {
  const { cleanup, setup, passesDone } = timerSuiteSupport(place);

  /** Runs a scenario of timer-process.ts in a child process on this setup's files; resolves once it is ready. */
  async function startChild(
    { storeDir, readModel, clock }: Setup,
    scenario: TimerProcessArgs['scenario'],
  ): Promise<TsChild> {
    const args: TimerProcessArgs = { scenario, storeDir, readModel, startAt: clock.now().toISOString() };
    const child = startTsChild(TIMER_PROCESS, [JSON.stringify(args)]);
    cleanup.add(async () => {
      child.child.kill('SIGKILL');
      await child.exited;
    });
    return child;
  }

  it(
    'fires once after kill -9 of the process that scheduled it, projected or not',
    async () => {
      const setupDone = await setup();
      const { clock, calls, boot } = setupDone;
      const child = await startChild(setupDone, 'schedule');
      await child.waitForLine('READY');
      // `unprojected` is in the log only: the child had stopped projecting when it scheduled it.
      child.child.kill('SIGKILL');
      expect(await child.exited).toBe('SIGKILL');

      const second = await boot();
      await second.settle();
      const dueAt = clock.now().getTime() + 30 * MINUTE;
      clock.set(new Date(dueAt - 3));
      const before = await passesDone(second, clock, calls);
      expect(clock.now().getTime()).toBe(dueAt - 1);
      expect(keys(calls)).toEqual(before);

      clock.set(new Date(dueAt));
      await eventually(() => calls.length === 4, 3000, 'both timers to fire');
      await eventually(async () => (await timerEvents(second.store, 'unprojected')).length === 2, 2000, 'TimerFired');
      await eventually(async () => (await timerEvents(second.store, 'projected')).length === 2, 2000, 'TimerFired');
      const after = await passesDone(second, clock, calls);
      expect(keys(calls)).toEqual([...before, 'timer:projected', 'timer:unprojected', ...after]);
      for (const [timerId, target] of [
        ['projected', 'a'],
        ['unprojected', 'b'],
      ] as const) {
        expect(await timerEvents(second.store, timerId)).toEqual(['TimerScheduled', 'TimerFired']);
        expect(await effects(second.store, target)).toBe(1);
      }
    },
    CHILD_TEST_TIMEOUT,
  );

  it(
    'after kill -9 between dispatch and TimerFired, fires again with the same key and one effect',
    async () => {
      const setupDone = await setup();
      const { calls, boot } = setupDone;
      const child = await startChild(setupDone, 'fire');
      // The child kills itself inside the dispatcher, once the command has taken effect.
      expect(await child.exited).toBe('SIGKILL');

      // What the killed process left: the effect, and no TimerFired.
      const left = openStore(setupDone.storeDir);
      expect(await effects(left, 'x')).toBe(1);
      expect(await timerEvents(left, 'tx')).toEqual(['TimerScheduled']);
      await left.close();

      const second = await boot();
      await eventually(async () => (await timerEvents(second.store, 'tx')).length === 2, 3000, 'TimerFired');
      expect(keys(calls)).toEqual(['timer:tx']);
      expect(await effects(second.store, 'x')).toBe(1);
      const fired = (await second.store.readStream('timer-tx'))[1];
      expect(fired?.data).toEqual({ timerId: 'tx', firedAt: setupDone.clock.now().toISOString() });
    },
    CHILD_TEST_TIMEOUT,
  );
}

describe('Durable timers across kill -9, on SQLite', () => crashSuite(sqlitePlace));
await describeWithPostgres('Durable timers across kill -9, read model on PostgreSQL', (url) =>
  crashSuite(postgresPlace(url)),
);
