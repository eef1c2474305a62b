import type { Clock } from '#ltc/clock';
import { join } from 'node:path';
import { SqliteEventStore, type EventStore } from '#ltc/event-store';
import type { CommandDispatcher } from '#ltc/commanding';
import { ProjectionRunner, type ProcessManager, type ReadModelHandle } from '#ltc/projections';
import { DueTimersProjection, TimerScheduler, TimerService, type TimerSchedulerOptions } from '#ltc/timers';
import { EffectDispatcher, type DispatchCall } from '../../projections/test/effect-dispatcher.js';
import type { ReadModelLocation } from '../../projections/test/fixtures.js';

/** The context of the lead event that scheduled the test timers. */
export const timerContext = { tenantId: 'tenant-7', correlationId: 'corr-lead-1', causationId: 'evt-lead-1' };
/** The command test timers carry; the test dispatcher applies it to `effect-<target>`. */
export const escalate = (target: string) => ({ type: 'lead.escalateResponse', payload: { target } });

/** One running engine process: store, read model, runner with due_timers, scheduler. */
export interface TimerWorld {
  readonly store: EventStore;
  readonly readModel: ReadModelHandle;
  readonly runner: ProjectionRunner;
  readonly scheduler: TimerScheduler;
  readonly service: TimerService;
  /** Waits until due_timers (and any process manager) has seen everything appended so far. */
  settle(): Promise<void>;
  shutdown(): Promise<void>;
}

export interface BootOptions {
  readonly storeDir: string;
  readonly location: ReadModelLocation;
  readonly clock: Clock;
  /** Shared across boots, so a restart's calls add to the first run's. */
  readonly calls: DispatchCall[];
  /** Lets a test break the scheduler's view of the store (e.g. TimerFired appends). */
  readonly schedulerStore?: (store: EventStore) => EventStore;
  readonly processManagers?: (service: TimerService) => ProcessManager[];
  /** Runs after each dispatched command has taken effect (a child process crashes itself there). */
  readonly afterDispatch?: () => Promise<void>;
  /** Puts something between the scheduler and the command path (e.g. a service that is down). */
  readonly schedulerDispatcher?: (dispatcher: CommandDispatcher) => CommandDispatcher;
  /** The scheduler's tuning; retries are 50 ms apart unless a test says otherwise. */
  readonly scheduler?: Pick<
    TimerSchedulerOptions,
    'safetyIntervalMs' | 'batchSize' | 'maxAttempts' | 'retryDelayMs' | 'logger'
  >;
}

/** Starts a fresh set of instances on the given files, as a process start would. */
export async function bootTimerWorld(options: BootOptions): Promise<TimerWorld> {
  // As the fixtures' openStore, without importing them: a child process (timer-process.ts)
  // boots this world too, and should not load the test servers the fixtures pull in.
  const store = new SqliteEventStore({
    filename: join(options.storeDir, 'events.db'),
    durability: 'normal',
    pollIntervalMs: 20,
  });
  const readModel = await options.location.open();
  const service = new TimerService(store, options.clock);
  const dispatcher = new EffectDispatcher(store, options.calls);
  dispatcher.afterDispatch = options.afterDispatch;
  const dueTimers = new DueTimersProjection();
  const managers = options.processManagers?.(service) ?? [];
  const runner = new ProjectionRunner({
    store,
    db: readModel.db,
    projections: [dueTimers],
    processManagers: managers,
    dispatcher,
    timers: service,
  });
  await runner.start();
  const scheduler = new TimerScheduler({
    store: options.schedulerStore?.(store) ?? store,
    db: readModel.db,
    dueTimers,
    dispatcher: options.schedulerDispatcher?.(dispatcher) ?? dispatcher,
    clock: options.clock,
    retryDelayMs: 50,
    ...options.scheduler,
  });
  scheduler.start();
  return {
    store,
    readModel,
    runner,
    scheduler,
    service,
    async settle() {
      const head = await store.readHeadPosition();
      await runner.waitFor('due_timers', head);
      for (const manager of managers) await runner.waitFor(manager.name, head);
    },
    async shutdown() {
      await scheduler.stop();
      await runner.stop();
      await readModel.close();
      await store.close();
    },
  };
}
