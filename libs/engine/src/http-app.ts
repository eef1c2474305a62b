import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { InvalidInputError } from '#ltc/kernel';
import { UnsupportedMediaTypeException } from '@nestjs/common';
import { PinoNestLogger, createValidationPipe, documentErrorResponses, parseJsonBody } from '#ltc/platform';
import { EngineModule, type EngineRootOptions } from './engine.module.js';

const BODY_LIMIT = 10 * 1024 * 1024;

/**
 * Bodies are JSON (the import route adds CSV and NDJSON itself): parsed by our own parser,
 * which takes an empty body as no body and names the field of a prototype key or a broken
 * string, and refuses invalid UTF-8 rather than replacing it. Forms and plain text, which
 * Fastify and Nest would parse into strings no DTO describes, are 415 like any other type.
 */
function useJsonBodiesOnly(app: NestFastifyApplication): void {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  app.useBodyParser('application/json', { bodyLimit: BODY_LIMIT }, (_request, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body);
    } catch {
      done(new InvalidInputError('body', 'utf8', 'body must be UTF-8 encoded'), undefined);
      return;
    }
    try {
      done(null, parseJsonBody(text));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  app.useBodyParser('application/x-www-form-urlencoded', { bodyLimit: BODY_LIMIT }, (_request, _body, done) => {
    done(new UnsupportedMediaTypeException(), undefined);
  });
  app.getHttpAdapter().getInstance().removeContentTypeParser('text/plain');
}

/**
 * Builds the HTTP application (not yet listening): Fastify, validation, the error
 * filter, OpenAPI at /docs and /docs-json. Shared by the API's `main.ts` and the end-to-end tests.
 */
export async function createApp(
  options: EngineRootOptions & { readonly swaggerUi?: boolean },
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: options.logger,
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._:-]{1,128}$/.test(given) ? given : randomUUID();
    },
    // Large CSV/NDJSON imports are streamed through dedicated routes; JSON bodies stay small.
    bodyLimit: BODY_LIMIT,
  });
  const app = await NestFactory.create<NestFastifyApplication>(EngineModule.forRoot(options), adapter, {
    logger: new PinoNestLogger(options.logger),
    abortOnError: false,
  });
  useJsonBodiesOnly(app);
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  const document = documentErrorResponses(
    SwaggerModule.createDocument(
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
    ),
  );
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    // Jest's ESM sandbox cannot load the UI's static-file plugin; the JSON document is served either way.
    ui: options.swaggerUi ?? true,
  });
  return app;
}
