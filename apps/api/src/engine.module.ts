import {
  Inject,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Logger } from 'pino';
import { CLOCK, type Clock } from '#ltc/clock';
import { COMMAND_DISPATCHER } from '#ltc/commanding';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import {
  LeadRoutingProcessManager,
  SALES_TEAMS,
  SalesOrgRepDirectory,
  type SalesTeams,
  leadAssignmentsProjection,
  leadFunnelProjection,
  leadListProjection,
  leadResponseTimesProjection,
  leadScoringProcessManager,
  leadSourceStatsProjection,
  nurtureProcessManager,
  salesOrgProjection,
  sourceConversionProjection,
  unassignedQueueProjection,
} from '#ltc/leads';
import { orgRepsProjection, orgTeamsProjection, teamExists } from '#ltc/organisation';
import { APP_CONFIG, CommandRegistry, LOGGER, READ_MODEL_DB, type AppConfig } from '#ltc/platform';
import {
  BackgroundJobs,
  CheckpointStore,
  ProjectionRunner,
  type Projection,
  type ReadModelHandle,
} from '#ltc/projections';
import { DueTimersProjection, TimerScheduler, TimerService } from '#ltc/timers';

/** The options the composition root passes down. */
export interface EngineOptions {
  /**
   * False for an API-only process: tables are prepared, but no projection or timer loop
   * runs here. True: the loops run here while this process holds the background-jobs
   * lease, and it stands by otherwise (ADR 0011).
   */
  readonly runLoops: boolean;
  /** Recorded as the lease holder's role (`all`, `worker`); default `all`. */
  readonly processRole?: string;
}

export const ENGINE_OPTIONS = Symbol('EngineOptions');

/** Every read model of the engine; a new bounded context adds its projections here. */
export function engineProjections(dueTimers: DueTimersProjection): Projection[] {
  return [
    leadListProjection,
    leadSourceStatsProjection,
    sourceConversionProjection,
    leadResponseTimesProjection,
    leadFunnelProjection,
    leadAssignmentsProjection,
    unassignedQueueProjection,
    salesOrgProjection,
    orgRepsProjection,
    orgTeamsProjection,
    dueTimers,
  ];
}

/**
 * Starts and stops the worker's loops with the application: the projection runner
 * (projections and process managers) and the durable-timer scheduler, in whichever
 * process holds the background-jobs lease. On shutdown the loops stop first (current
 * batches commit or roll back) and the lease is released, then the store closes.
 */
export class EngineLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(ENGINE_OPTIONS) private readonly options: EngineOptions,
    @Inject(BackgroundJobs) private readonly jobs: BackgroundJobs,
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelHandle,
    @Inject(DueTimersProjection) private readonly dueTimers: DueTimersProjection,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Every process serves reads, so the tables must exist before the lease holder fills them.
    await new CheckpointStore().setup(this.readModels.db);
    for (const projection of engineProjections(this.dueTimers)) await projection.setup(this.readModels.db);
    if (!this.options.runLoops) return;
    await this.jobs.begin();
    if (this.jobs.currentRole === 'active') this.logger.info('Projections, process managers and timers are running');
    else this.logger.warn('Another process runs the background jobs on this data; standing by to take over');
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (!this.options.runLoops) return;
    await this.jobs.end();
  }
}

/** Wires the worker side of the engine: dispatch registry, timers, projection runner. */
@Module({})
export class EngineModule {
  static forRoot(options: EngineOptions): DynamicModule {
    return {
      module: EngineModule,
      global: true,
      providers: [
        { provide: ENGINE_OPTIONS, useValue: options },
        CommandRegistry,
        { provide: COMMAND_DISPATCHER, useExisting: CommandRegistry },
        { provide: DueTimersProjection, useFactory: () => new DueTimersProjection() },
        {
          // Leads ask the organisation about teams through this port: from the team's stream, not a lagging read model.
          provide: SALES_TEAMS,
          useFactory: (store: EventStore): SalesTeams => ({
            exists: (tenantId, teamId) => teamExists(store, tenantId, teamId),
          }),
          inject: [EVENT_STORE],
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
            clock: Clock,
            logger: Logger,
            config: AppConfig,
          ) =>
            new ProjectionRunner({
              store,
              db: readModels.db,
              projections: engineProjections(dueTimers),
              processManagers: config.processManagers
                ? [
                    leadScoringProcessManager({ store, db: readModels.db, clock }),
                    nurtureProcessManager,
                    new LeadRoutingProcessManager({
                      store,
                      db: readModels.db,
                      directory: new SalesOrgRepDirectory(readModels.db),
                      clock,
                      logger: logger.child({ component: 'lead-routing' }),
                    }),
                  ]
                : [],
              dispatcher: registry,
              timers,
              clock,
              logger: logger.child({ component: 'projections' }),
            }),
          inject: [
            EVENT_STORE,
            READ_MODEL_DB,
            CommandRegistry,
            TimerService,
            DueTimersProjection,
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
              processRole: options.processRole ?? 'all',
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
        SALES_TEAMS,
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
