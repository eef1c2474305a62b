import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import type { Logger } from 'pino';
import type { Clock } from '#ltc/clock';
import { LeadsModule, ScoringModule } from '#ltc/leads';
import { OrganisationModule } from '#ltc/organisation';
import {
  AuthGuard,
  CoreModule,
  ErrorFilter,
  HealthController,
  LOGGER,
  StreamsController,
  type AppConfig,
  type ProcessRole,
} from '#ltc/platform';
import { EngineModule } from './engine.module.js';
import { ProjectionsController } from './projections.controller.js';

export interface AppOptions {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly clock?: Clock;
  /** Overrides config.role; `api` serves HTTP only, `all` also runs projections and timers. */
  readonly role?: ProcessRole;
}

/** The HTTP API, with the worker's loops in the same process unless the role is `api`. */
@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    const role = options.role ?? options.config.role;
    const imports: (DynamicModule | Type)[] = [
      CoreModule.forRoot(options),
      CqrsModule.forRoot(),
      EngineModule.forRoot({ runLoops: role !== 'api', processRole: role }),
      LeadsModule,
      ScoringModule,
      OrganisationModule,
    ];
    return {
      module: AppModule,
      imports,
      controllers: [HealthController, StreamsController, ProjectionsController],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useFactory: (logger: Logger) => new ErrorFilter(logger), inject: [LOGGER] },
      ],
    };
  }
}
