import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { CLOCK, SystemClock, type Clock } from '#ltc/clock';
import { EVENT_STORE, createEventStore, type EventStore } from '#ltc/event-store';
import { openReadModelDb, type ReadModelHandle } from '#ltc/projections';
import { PERSONAL_DATA, PersonalData, PersonalDataEventStore, openKeyStore } from '#ltc/personal-data';
import { READ_MODEL_DB } from './tokens.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { resolveJwtSecret } from '../auth/jwt-secret.js';
import { TokenService } from '../auth/token.service.js';
import { OidcTokenVerifier } from '../auth/oidc-token.verifier.js';
import { LOGGER } from '../logging/logger.js';
import { ReadAudit } from '../read-audit/read-audit.js';
import { ENGINE_METRICS, EngineMetrics } from '../metrics/engine-metrics.js';
import { MeteredEventStore } from '../metrics/metered-event-store.js';
import { join } from 'node:path';

/** Closes the store and the read-model database after everything that uses them has stopped. */
class StorageLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly readModels: ReadModelHandle,
    @Inject(PERSONAL_DATA) private readonly personalData: PersonalData,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    await this.readModels.close();
    await this.personalData.close();
  }
}

export interface CoreOptions {
  readonly config: AppConfig;
  readonly logger: Logger;
  /** Tests pass a ManualClock; production uses the system clock. */
  readonly clock?: Clock;
}

/**
 * What every process of the engine shares: configuration, logs, the clock, the event
 * store chosen by configuration, the read-model database, token verification and the read log.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(options: CoreOptions): DynamicModule {
    const { config } = options;
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: LOGGER, useValue: options.logger },
        { provide: CLOCK, useValue: options.clock ?? new SystemClock() },
        {
          provide: TokenService,
          useFactory: () =>
            new TokenService(resolveJwtSecret(config.jwtSecret, config.dataDir).secret, {
              allowTokensWithoutExpiry: config.allowTokensWithoutExpiry,
              builtInTokens: config.builtInTokens,
              ...(config.oidc ? { identityProvider: new OidcTokenVerifier(config.oidc) } : {}),
            }),
        },
        { provide: PERSONAL_DATA, useFactory: () => personalDataFor(config) },
        { provide: ENGINE_METRICS, useFactory: () => new EngineMetrics() },
        {
          provide: EVENT_STORE,
          useFactory: (personalData: PersonalData, metrics: EngineMetrics) =>
            new PersonalDataEventStore(new MeteredEventStore(storedEventsFor(config), metrics), personalData),
          inject: [PERSONAL_DATA, ENGINE_METRICS],
        },
        {
          provide: READ_MODEL_DB,
          useFactory: () =>
            openReadModelDb({
              ...(config.readModelUrl ? { url: config.readModelUrl } : {}),
              sqliteFilename: join(config.dataDir, 'read-models.sqlite'),
            }),
        },
        StorageLifecycle,
        ReadAudit,
      ],
      exports: [
        APP_CONFIG,
        LOGGER,
        CLOCK,
        TokenService,
        EVENT_STORE,
        READ_MODEL_DB,
        ReadAudit,
        PERSONAL_DATA,
        ENGINE_METRICS,
      ],
    };
  }
}

/**
 * The event store the configuration names, as the engine reads and writes it (personal fields
 * sealed on the way in, opened on the way out, ADR 0029): the API, the worker and the command
 * line open it alike. Closing it closes its key store too.
 */
export function eventStoreFor(config: AppConfig): EventStore {
  return new PersonalDataEventStore(storedEventsFor(config), personalDataFor(config), true);
}

/** The personal-data keys beside the configured stores (ADR 0029). */
export function personalDataFor(config: AppConfig): PersonalData {
  return new PersonalData(
    openKeyStore({
      readModelUrl: config.readModelUrl,
      dataDir: config.dataDir,
      ...(config.personalDataKey ? { masterKey: config.personalDataKey } : {}),
    }),
  );
}

function storedEventsFor(config: AppConfig): EventStore {
  return createEventStore({
    eventStoreUrl: config.eventStoreUrl,
    sqliteFilename: join(config.dataDir, 'events.sqlite'),
    durability: config.sqliteDurability,
  });
}
