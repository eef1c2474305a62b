import type { EventStore } from '#ltc/event-store';
import { dueTimerTables } from '#ltc/timers';
import { eventually } from '../../projections/test/fixtures.js';
import { Downstream, recordingLogger } from './downstream.js';
import { effects, keys, sqlitePlace, timerEvents, timerSuiteSupport } from './timer-suite.js';
import { escalate, timerContext as context, type BootOptions } from './timer-world.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/**
 * When the service a timer's command goes to is down, the scheduler tries again later,
 * each wait twice the one before and never more than a minute, and after `maxAttempts`
 * closes the timer with a failed TimerFired instead of trying for ever. Meanwhile the
 * other timers go on firing on time.
 */
describe('Timer scheduler › a command that fails', () => {
  const { setup, passesDone } = timerSuiteSupport(sqlitePlace);

  async function bootWith(overrides: Partial<BootOptions>) {
    const support = await setup();
    let downstream: Downstream | undefined;
    const logger = recordingLogger();
    const world = await support.boot({
      ...overrides,
      scheduler: { logger, ...overrides.scheduler },
      schedulerDispatcher: (commandPath) => (downstream = new Downstream(commandPath)),
    });
    if (!downstream) throw new Error('the world was booted without its downstream service');
    return { ...support, world, downstream, logger };
  }

  it('tries again 20 s, 40 s, then 60 s apart (doubling, capped at a minute), and gives up after maxAttempts', async () => {
    const { clock, calls, world, downstream, logger } = await bootWith({
      scheduler: { retryDelayMs: 20 * SECOND, maxAttempts: 5 },
    });
    downstream.down.add('crm');
    const start = clock.now().getTime();
    await world.service.schedule({ timerId: 'crm', dueAt: new Date(start), command: escalate('crm'), context });
    await world.settle();
    await eventually(() => downstream.triesOf('crm') === 1, 2000, 'the first try');

    let at = start;
    for (const [wait, attempt] of [
      [20 * SECOND, 2],
      [40 * SECOND, 3],
      [60 * SECOND, 4], // 80 s doubled, capped
      [60 * SECOND, 5],
    ] as const) {
      at += wait;
      // Not a millisecond early (the barriers leave the clock 1 ms before), then exactly on time.
      clock.set(new Date(at - 3));
      await passesDone(world, clock, calls);
      expect(downstream.triesOf('crm')).toBe(attempt - 1);
      clock.set(new Date(at));
      await eventually(() => downstream.triesOf('crm') === attempt, 2000, `try ${attempt}`);
    }

    // The fifth failure closes the timer: the failure is recorded, and nothing took effect.
    await eventually(async () => (await timerEvents(world.store, 'crm')).length === 2, 2000, 'the failed TimerFired');
    const [, fired] = await world.store.readStream('timer-crm');
    expect(fired?.data).toEqual({
      timerId: 'crm',
      firedAt: new Date(at).toISOString(),
      failure: 'Gave up after 5 attempts: crm is down',
    });
    expect(await effects(world.store, 'crm')).toBe(0);
    const warned = logger.lines.filter(([level]) => level === 'warn');
    expect(warned).toEqual(
      [1, 2, 3, 4, 5].map((attempt) => [
        'warn',
        { timerId: 'crm', attempt, error: 'crm is down' },
        'timer command failed',
      ]),
    );

    // Closed for good: gone from due_timers, and never tried again.
    await world.settle();
    expect(await dueTimerTables(world.readModel.db).selectFrom('due_timers').selectAll().execute()).toEqual([]);
    clock.advance(10 * MINUTE);
    await passesDone(world, clock, calls);
    expect(downstream.triesOf('crm')).toBe(5);
  });

  it('sends the command once the service is back, with the same key, and records an ordinary TimerFired', async () => {
    const { clock, calls, world, downstream } = await bootWith({ scheduler: { retryDelayMs: SECOND } });
    downstream.down.add('crm');
    await world.service.schedule({ timerId: 'crm', dueAt: clock.now(), command: escalate('crm'), context });
    await world.settle();
    await eventually(() => downstream.triesOf('crm') === 1, 2000, 'the first try');
    clock.advance(SECOND);
    await eventually(() => downstream.triesOf('crm') === 2, 2000, 'the second try');
    downstream.down.delete('crm');
    clock.advance(2 * SECOND);
    await eventually(async () => (await timerEvents(world.store, 'crm')).length === 2, 2000, 'TimerFired');

    const [, fired] = await world.store.readStream('timer-crm');
    expect(fired?.data).toEqual({ timerId: 'crm', firedAt: clock.now().toISOString() });
    expect(keys(calls)).toEqual(['timer:crm']);
    expect(await effects(world.store, 'crm')).toBe(1);
    clock.advance(10 * MINUTE);
    const fenced = await passesDone(world, clock, calls);
    expect(keys(calls)).toEqual(['timer:crm', ...fenced]);
    expect(downstream.triesOf('crm')).toBe(3);
  });

  it('fires the timers due behind one that is backing off, even one at a time', async () => {
    const { clock, world, downstream } = await bootWith({ scheduler: { batchSize: 1, retryDelayMs: MINUTE } });
    downstream.down.add('a-crm');
    const dueAt = clock.now();
    // Same due time; "a-crm" sorts first and fills the batch of one on every pass.
    await world.service.schedule({ timerId: 'a-crm', dueAt, command: escalate('a-crm'), context });
    await world.service.schedule({ timerId: 'b-mail', dueAt, command: escalate('b-mail'), context });
    await world.settle();
    // No clock move: the next pass must look past the timer that waits for its retry.
    await eventually(() => downstream.triesOf('b-mail') === 1, 2000, 'the timer behind to fire');
    expect(downstream.triesOf('a-crm')).toBe(1);
  });

  it('wakes for a timer due before the retry it is waiting for', async () => {
    // A long safety interval: only the computed wake time can bring the scheduler back in time.
    const { clock, world, downstream } = await bootWith({
      scheduler: { safetyIntervalMs: 60 * MINUTE, retryDelayMs: MINUTE },
    });
    downstream.down.add('crm');
    const start = clock.now().getTime();
    await world.service.schedule({ timerId: 'crm', dueAt: new Date(start), command: escalate('crm'), context });
    await world.service.schedule({
      timerId: 'mail',
      dueAt: new Date(start + 30 * SECOND),
      command: escalate('mail'),
      context,
    });
    await world.settle();
    await eventually(() => downstream.triesOf('crm') === 1, 2000, 'the first try');
    clock.set(new Date(start + 30 * SECOND));
    await eventually(() => downstream.triesOf('mail') === 1, 2000, 'the timer due before the retry');
    expect(downstream.triesOf('crm')).toBe(1);
  });

  it('dispatches again with the same key after the retry delay when TimerFired could not be written, with one effect', async () => {
    let lost = 0;
    const losesFirstTimerFired = (store: EventStore): EventStore =>
      Object.assign(Object.create(store) as EventStore, {
        appendToStream: (async (stream, events, options) => {
          if (lost === 0 && events.some((event) => event.type === 'TimerFired')) {
            lost += 1;
            throw new Error('disk full');
          }
          return store.appendToStream(stream, events, options);
        }) satisfies EventStore['appendToStream'],
      });
    const { clock, calls, world, downstream, logger } = await bootWith({
      schedulerStore: losesFirstTimerFired,
      scheduler: { retryDelayMs: 5 * SECOND },
    });
    const start = clock.now().getTime();
    await world.service.schedule({ timerId: 'crm', dueAt: new Date(start), command: escalate('crm'), context });
    await world.settle();
    await eventually(() => lost === 1, 2000, 'the lost TimerFired');
    expect(logger.lines).toContainEqual([
      'warn',
      { timerId: 'crm', error: 'disk full' },
      'could not record TimerFired; will fire again',
    ]);

    clock.set(new Date(start + 5 * SECOND - 3));
    await passesDone(world, clock, calls);
    expect(downstream.triesOf('crm')).toBe(1);
    clock.set(new Date(start + 5 * SECOND));
    await eventually(async () => (await timerEvents(world.store, 'crm')).length === 2, 2000, 'TimerFired');
    expect(downstream.triesOf('crm')).toBe(2);
    expect(calls.filter((call) => call.context.idempotencyKey === 'timer:crm')).toHaveLength(2);
    expect(await effects(world.store, 'crm')).toBe(1);
  });

  it('survives a pass that cannot read the store: it says so and fires after the safety interval', async () => {
    let storeDown = true;
    const unreadable = (store: EventStore): EventStore =>
      Object.assign(Object.create(store) as EventStore, {
        readStream: (async (stream, options) => {
          if (storeDown) throw new Error('store unreachable');
          return store.readStream(stream, options);
        }) satisfies EventStore['readStream'],
      });
    const { clock, world, downstream, logger } = await bootWith({
      schedulerStore: unreadable,
      scheduler: { safetyIntervalMs: 10 * SECOND },
    });
    await world.service.schedule({ timerId: 'crm', dueAt: clock.now(), command: escalate('crm'), context });
    await world.settle();
    await eventually(() => logger.lines.length > 0, 2000, 'the failed pass to be logged');
    expect(logger.lines[0]).toEqual(['error', { error: 'store unreachable' }, 'timer scheduler pass failed']);
    storeDown = false;
    clock.advance(10 * SECOND);
    await eventually(async () => (await timerEvents(world.store, 'crm')).length === 2, 2000, 'TimerFired');
    expect(downstream.triesOf('crm')).toBe(1);
    expect(await effects(world.store, 'crm')).toBe(1);
  });
});
