import { Inject, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER, READ_MODEL_DB } from '#ltc/platform';
import {
  BackgroundJobs,
  CheckpointStore,
  setupSubscriberTables,
  type ProcessManager,
  type ReadModelHandle,
} from '#ltc/projections';
import { DueTimersProjection } from '#ltc/timers';
import { engineProjections } from './context-catalogue.js';
import {
  ENGINE_CONTEXTS,
  ENGINE_OPTIONS,
  ENGINE_PROCESS_MANAGERS,
  type EngineContexts,
  type EngineOptions,
} from './engine-options.js';

/**
 * Starts and stops the worker's loops with the application: the projection runner
 * (projections and process managers) and the durable-timer scheduler, in whichever
 * process holds the background-jobs lease. On shutdown the loops stop first (current
 * batches commit or roll back) and the lease is released, then the store closes.
 */
export class EngineLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(ENGINE_OPTIONS) private readonly options: EngineOptions,
    @Inject(ENGINE_CONTEXTS) private readonly contexts: EngineContexts,
    @Inject(BackgroundJobs) private readonly jobs: BackgroundJobs,
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelHandle,
    @Inject(DueTimersProjection) private readonly dueTimers: DueTimersProjection,
    @Inject(ENGINE_PROCESS_MANAGERS) private readonly processManagers: readonly ProcessManager[],
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Every process serves reads, so the tables must exist before the lease holder fills them.
    await setupSubscriberTables(this.readModels.db, new CheckpointStore(), {
      projections: engineProjections(this.contexts, this.dueTimers),
      processManagers: this.processManagers,
    });
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
