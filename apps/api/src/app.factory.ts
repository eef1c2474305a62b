import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { PinoNestLogger, createValidationPipe } from '#ltc/platform';
import { AppModule, type AppOptions } from './app.module.js';

/**
 * Builds the HTTP application (not yet listening): Fastify, validation, the error
 * filter, OpenAPI at /docs and /docs-json. Shared by `main.ts` and the end-to-end tests.
 */
export async function createApp(
  options: AppOptions & { readonly swaggerUi?: boolean },
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: options.logger,
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._:-]{1,128}$/.test(given) ? given : randomUUID();
    },
    // Large CSV/NDJSON imports are streamed through dedicated routes; JSON bodies stay small.
    bodyLimit: 10 * 1024 * 1024,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    logger: new PinoNestLogger(options.logger),
    abortOnError: false,
  });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('LTC Engine')
      .setDescription(
        'Event-sourced Lead-to-Cash and Issue-to-Resolution engine. Every change is an event; ' +
          'commands answer with the stream revision (ETag); send it back as If-Match to guard against lost updates, ' +
          'and an Idempotency-Key to make retries safe.',
      )
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    // Jest's ESM sandbox cannot load the UI's static-file plugin; the JSON document is served either way.
    ui: options.swaggerUi ?? true,
  });
  return app;
}
