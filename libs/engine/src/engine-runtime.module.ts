import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import type { Logger } from 'pino';
import { CLOCK, type Clock } from '#ltc/clock';
import { COMMAND_DISPATCHER } from '#ltc/commanding';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import { APP_CONFIG, CommandRegistry, LOGGER, READ_MODEL_DB, type AppConfig } from '#ltc/platform';
import { BackgroundJobs, ProjectionRunner, type ProcessManager, type ReadModelHandle } from '#ltc/projections';
import { DueTimersProjection, TimerScheduler, TimerService } from '#ltc/timers';
import { ContextPorts, engineProcessManagers, engineProjections, providedPorts } from './context-catalogue.js';
import { EngineLifecycle } from './engine-lifecycle.js';
import {
  ENGINE_CONTEXTS,
  ENGINE_OPTIONS,
  ENGINE_PROCESS_MANAGERS,
  type EngineContexts,
  type EngineOptions,
} from './engine-options.js';

/**
 * The engine's runtime, whatever the contexts: the dispatch registry, the ports the
 * contexts provide each other, durable timers, the projection runner and the
 * background-jobs lease that decides which process runs it.
 */
@Module({})
export class EngineRuntimeModule {
  static forRoot(options: EngineOptions & { readonly contexts: EngineContexts }): DynamicModule {
    const { contexts, ...engineOptions } = options;
    const ports = providedPorts(contexts);
    return {
      module: EngineRuntimeModule,
      global: true,
      providers: [
        { provide: ENGINE_OPTIONS, useValue: engineOptions },
        { provide: ENGINE_CONTEXTS, useValue: contexts },
        CommandRegistry,
        { provide: COMMAND_DISPATCHER, useExisting: CommandRegistry },
        { provide: DueTimersProjection, useFactory: () => new DueTimersProjection() },
        {
          provide: ContextPorts,
          useFactory: (store: EventStore, readModels: ReadModelHandle, clock: Clock, logger: Logger) =>
            new ContextPorts(contexts, { store, db: readModels.db, clock, logger }),
          inject: [EVENT_STORE, READ_MODEL_DB, CLOCK, LOGGER],
        },
        // Each port under its own token, so that a consuming context injects it like any provider.
        ...ports.map((port): Provider => ({
          provide: port,
          useFactory: (all: ContextPorts) => all.get(port),
          inject: [ContextPorts],
        })),
        {
          provide: ENGINE_PROCESS_MANAGERS,
          useFactory: (contextPorts: ContextPorts) => engineProcessManagers(contexts, contextPorts),
          inject: [ContextPorts],
        },
        {
          provide: TimerService,
          useFactory: (store: EventStore, clock: Clock) => new TimerService(store, clock),
          inject: [EVENT_STORE, CLOCK],
        },
        {
          provide: ProjectionRunner,
          useFactory: (
            store: EventStore,
            readModels: ReadModelHandle,
            registry: CommandRegistry,
            timers: TimerService,
            dueTimers: DueTimersProjection,
            processManagers: readonly ProcessManager[],
            clock: Clock,
            logger: Logger,
            config: AppConfig,
          ) =>
            new ProjectionRunner({
              store,
              db: readModels.db,
              projections: engineProjections(contexts, dueTimers),
              processManagers: config.processManagers ? processManagers : [],
              dispatcher: registry,
              timers,
              clock,
              logger: logger.child({ component: 'projections' }),
              // Rebuilds fill a scratch database and switch over: readers never see a table empty.
              ...(readModels.openScratch ? { openScratch: readModels.openScratch } : {}),
            }),
          inject: [
            EVENT_STORE,
            READ_MODEL_DB,
            CommandRegistry,
            TimerService,
            DueTimersProjection,
            ENGINE_PROCESS_MANAGERS,
            CLOCK,
            LOGGER,
            APP_CONFIG,
          ],
        },
        {
          provide: TimerScheduler,
          useFactory: (
            store: EventStore,
            readModels: ReadModelHandle,
            dueTimers: DueTimersProjection,
            registry: CommandRegistry,
            clock: Clock,
            logger: Logger,
          ) =>
            new TimerScheduler({
              store,
              db: readModels.db,
              dueTimers,
              dispatcher: registry,
              clock,
              logger: logger.child({ component: 'timers' }),
            }),
          inject: [EVENT_STORE, READ_MODEL_DB, DueTimersProjection, CommandRegistry, CLOCK, LOGGER],
        },
        {
          provide: BackgroundJobs,
          useFactory: (
            readModels: ReadModelHandle,
            runner: ProjectionRunner,
            scheduler: TimerScheduler,
            config: AppConfig,
            logger: Logger,
          ) =>
            new BackgroundJobs({
              lease: readModels.createRunnerLease(),
              db: readModels.db,
              processRole: engineOptions.processRole ?? 'all',
              // The timer scheduler is a background job too: it fires only in the lease holder.
              start: async () => {
                await runner.start();
                if (config.processManagers) scheduler.start();
              },
              stop: async () => {
                await scheduler.stop();
                await runner.stop();
              },
              logger: logger.child({ component: 'background-jobs' }),
            }),
          inject: [READ_MODEL_DB, ProjectionRunner, TimerScheduler, APP_CONFIG, LOGGER],
        },
        EngineLifecycle,
      ],
      exports: [
        ...ports,
        CommandRegistry,
        COMMAND_DISPATCHER,
        TimerService,
        ProjectionRunner,
        BackgroundJobs,
        ENGINE_OPTIONS,
      ],
    };
  }
}
