import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import type { Logger } from 'pino';
import type { Clock } from '#ltc/clock';
import {
  AuthGuard,
  CoreModule,
  ErrorFilter,
  HealthController,
  LOGGER,
  PERMISSION_MATRIX,
  PermissionCoverageCheck,
  ReadAuditModule,
  StreamsController,
  WriteRateLimitInterceptor,
  type AppConfig,
  type ProcessRole,
} from '#ltc/platform';
import { checkContexts, contextModules } from './context-catalogue.js';
import { EngineRuntimeModule } from './engine-runtime.module.js';
import { permissionMatrixOf } from './engine.permissions.js';
import type { EngineContexts } from './engine-options.js';
import { LiveController } from './live/live.controller.js';
import { ProjectionsController } from './projections.controller.js';
import { EngineGauges } from './engine-gauges.js';
import { MetricsController } from './metrics.controller.js';

export interface EngineRootOptions {
  /** The bounded contexts to compose (`ENGINE_CONTEXTS` in production), each declared with `defineContext`. */
  readonly contexts: EngineContexts;
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly clock?: Clock;
  /** Overrides config.role; `api` serves HTTP only, `all` also runs projections and timers. */
  readonly role?: ProcessRole;
}

/**
 * The composition root of every process: the shared core, the engine's runtime, and the
 * contexts' modules. The HTTP API boots it as an application (with the worker's loops in
 * the same process unless the role is `api`); the worker boots it without HTTP.
 */
@Module({})
export class EngineModule {
  static forRoot(options: EngineRootOptions): DynamicModule {
    checkContexts(options.contexts);
    const role = options.role ?? options.config.role;
    return {
      module: EngineModule,
      imports: [
        CoreModule.forRoot(options),
        CqrsModule.forRoot(),
        DiscoveryModule,
        EngineRuntimeModule.forRoot({ contexts: options.contexts, runLoops: role !== 'api', processRole: role }),
        ...contextModules(options.contexts),
        ReadAuditModule,
      ],
      controllers: [HealthController, StreamsController, ProjectionsController, LiveController, MetricsController],
      providers: [
        { provide: PERMISSION_MATRIX, useValue: permissionMatrixOf(options.contexts) },
        PermissionCoverageCheck,
        EngineGauges,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_INTERCEPTOR, useClass: WriteRateLimitInterceptor },
        { provide: APP_FILTER, useFactory: (logger: Logger) => new ErrorFilter(logger), inject: [LOGGER] },
      ],
    };
  }
}
