import { eventually } from '../../projections/test/fixtures.js';
import { Downstream } from './downstream.js';
import { effects, sqlitePlace, timerEvents, timerSuiteSupport } from './timer-suite.js';
import { escalate, timerContext as context } from './timer-world.js';

/**
 * A process that loses the background-jobs lease stops its scheduler, and the one that takes the
 * lease (or this one, on getting it back) starts a scheduler on the same timers. Between the two,
 * no timer may be sent twice or left behind; and a read model that lags behind the timer streams
 * must not make the scheduler send a command for a timer already closed.
 */
describe('Timer scheduler › stopping and lagging', () => {
  const { setup } = timerSuiteSupport(sqlitePlace);

  async function bootWithDownstream() {
    const support = await setup();
    let downstream: Downstream | undefined;
    const world = await support.boot({ schedulerDispatcher: (path) => (downstream = new Downstream(path)) });
    if (!downstream) throw new Error('the world was booted without its downstream service');
    return { ...support, world, downstream };
  }

  it('finishes the timer in hand when stopped, fires no other, and a restart fires the rest once each', async () => {
    const { clock, world, downstream } = await bootWithDownstream();
    const release = downstream.hold('a-first');
    const dueAt = clock.now();
    for (const timerId of ['a-first', 'b-second', 'c-third']) {
      await world.service.schedule({ timerId, dueAt, command: escalate(timerId), context });
    }
    await world.settle();
    await eventually(() => downstream.triesOf('a-first') === 1, 2000, 'the first timer in flight');

    const stopped = world.scheduler.stop();
    release();
    await stopped;
    // The timer in hand is sent and recorded; the scheduler took no other.
    expect(await timerEvents(world.store, 'a-first')).toEqual(['TimerScheduled', 'TimerFired']);
    expect(downstream.tries).toEqual(['a-first']);
    expect(await timerEvents(world.store, 'b-second')).toEqual(['TimerScheduled']);

    // Started twice (the lease can be reported regained twice): still one loop, one send per timer.
    world.scheduler.start();
    world.scheduler.start();
    for (const timerId of ['b-second', 'c-third']) {
      await eventually(async () => (await timerEvents(world.store, timerId)).length === 2, 2000, `${timerId} fired`);
    }
    expect([...downstream.tries].sort()).toEqual(['a-first', 'b-second', 'c-third']);
    for (const target of ['a-first', 'b-second', 'c-third']) expect(await effects(world.store, target)).toBe(1);
  });

  it('does not send the command of a timer cancelled while due_timers still lists it', async () => {
    const { clock, world, downstream } = await bootWithDownstream();
    const dueAt = new Date(clock.now().getTime() + 60_000);
    await world.service.schedule({ timerId: 'a-cancelled', dueAt, command: escalate('a-cancelled'), context });
    await world.service.schedule({ timerId: 'b-pending', dueAt, command: escalate('b-pending'), context });
    await world.settle();
    // The projection stops here: its rows no longer follow the timer streams.
    await world.runner.stop();
    expect(await world.service.cancel('a-cancelled')).toBe(true);

    clock.set(dueAt);
    // Both rows are read in one pass, "a-cancelled" first: by the time "b-pending" is sent, it was passed over.
    await eventually(async () => (await timerEvents(world.store, 'b-pending')).length === 2, 2000, 'b-pending fired');
    expect(downstream.tries).toEqual(['b-pending']);
    expect(await timerEvents(world.store, 'a-cancelled')).toEqual(['TimerScheduled', 'TimerCancelled']);
    expect(await effects(world.store, 'a-cancelled')).toBe(0);
  });
});
