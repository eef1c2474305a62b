import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { EngineModule, LTC_CONTEXTS } from '#ltc/engine';
import { eventStoreKind } from '#ltc/event-store';
import { PinoNestLogger, createLogger, loadConfigOrExit } from '#ltc/platform';
import { startOpsServer } from './ops-server.js';

/**
 * `npm run start:worker`: projections, process managers and timers without the API (only
 * `/health` and `/metrics` on LTC_WORKER_PORT when set), for
 * running the worker apart from the API (point both at the same data folder or at
 * EventStoreDB + PostgreSQL).
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  const app = await NestFactory.createApplicationContext(
    EngineModule.forRoot({ contexts: LTC_CONTEXTS, config, logger, role: 'worker' }),
    { logger: new PinoNestLogger(logger) },
  );
  app.enableShutdownHooks();
  // Probes and scrapes only when asked for: several workers on one machine need a port each.
  const ops = config.workerPort === undefined ? undefined : await startOpsServer(app, config);
  logger.info(
    { store: eventStoreKind(config.eventStoreUrl), ...(ops ? { port: config.workerPort } : {}) },
    'LTC Engine worker is running',
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
