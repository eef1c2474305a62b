/**
 * A timer engine in a process of its own, for tests that kill it with SIGKILL: it boots
 * the real SQLite store, the read model, the due_timers projection and the scheduler on
 * the files it is given, does one scenario, prints `READY` and waits to be killed.
 *
 *   schedule   schedules `projected` and waits until due_timers holds it, stops projecting,
 *              then schedules `unprojected` (in the log only), both due in 30 minutes.
 *   fire       schedules `tx`, due now, and kills itself inside the dispatcher, after the
 *              command took effect and before TimerFired is written.
 */
import { ManualClock } from '#ltc/clock';
import { openReadModelDb, type ReadModelDbOptions } from '#ltc/projections';
import type { DispatchCall } from '../../projections/test/effect-dispatcher.js';
import { bootTimerWorld, escalate, timerContext } from './timer-world.js';

export interface TimerProcessArgs {
  readonly scenario: 'schedule' | 'fire';
  readonly storeDir: string;
  readonly readModel: ReadModelDbOptions;
  /** The child's clock: a manual clock that never moves, so nothing fires unless due at start. */
  readonly startAt: string;
}

async function main(args: TimerProcessArgs): Promise<void> {
  const clock = new ManualClock(args.startAt);
  const calls: DispatchCall[] = [];
  const world = await bootTimerWorld({
    storeDir: args.storeDir,
    location: {
      options: args.readModel,
      open: () => openReadModelDb(args.readModel),
      kill: (handle) => handle.close(),
    },
    clock,
    calls,
    afterDispatch:
      args.scenario === 'fire'
        ? async () => {
            process.kill(process.pid, 'SIGKILL');
          }
        : undefined,
  });
  const now = clock.now().getTime();
  if (args.scenario === 'schedule') {
    const dueAt = new Date(now + 30 * 60_000);
    await world.service.schedule({ timerId: 'projected', dueAt, command: escalate('a'), context: timerContext });
    await world.settle();
    await world.runner.stop();
    await world.service.schedule({ timerId: 'unprojected', dueAt, command: escalate('b'), context: timerContext });
  } else {
    await world.service.schedule({
      timerId: 'tx',
      dueAt: new Date(now),
      command: escalate('x'),
      context: timerContext,
    });
  }
  process.stdout.write('READY\n');
  // Keeps the process alive (a manual clock's sleep holds no timer) until it is killed.
  setInterval(() => undefined, 60_000);
}

const raw = process.argv[2];
if (raw !== undefined) {
  main(JSON.parse(raw) as TimerProcessArgs).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
