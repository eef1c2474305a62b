import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { InvalidInputError } from '#ltc/kernel';
import { UnsupportedMediaTypeException } from '@nestjs/common';
import {
  ENGINE_METRICS,
  PinoNestLogger,
  createValidationPipe,
  recordHttpMetrics,
  documentErrorResponses,
  parseJsonBody,
  securityHeaders,
} from '#ltc/platform';
import { EngineModule, type EngineRootOptions } from './engine.module.js';
import { defaultWebAppDir, serveWebApp } from './web-app-files.js';

/**
 * Bodies are JSON (the import route adds CSV and NDJSON itself): parsed by our own parser,
 * which takes an empty body as no body and names the field of a prototype key or a broken
 * string, and refuses invalid UTF-8 rather than replacing it. Forms and plain text, which
 * Fastify and Nest would parse into strings no DTO describes, are 415 like any other type.
 */
function useJsonBodiesOnly(app: NestFastifyApplication, bodyLimit: number): void {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  app.useBodyParser('application/json', { bodyLimit }, (_request, body, done) => {
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
  app.useBodyParser('application/x-www-form-urlencoded', { bodyLimit }, (_request, _body, done) => {
    done(new UnsupportedMediaTypeException(), undefined);
  });
  app.getHttpAdapter().getInstance().removeContentTypeParser('text/plain');
}

/**
 * Builds the HTTP application (not yet listening): Fastify, validation, the error
 * filter, OpenAPI at /docs and /docs-json. Shared by the API's `main.ts` and the end-to-end tests.
 */
export async function createApp(
  options: EngineRootOptions & {
    readonly swaggerUi?: boolean;
    /** The built web app's folder; default dist/web of this project (docs/adr/0031-the-web-app.md). */
    readonly webAppDir?: string;
  },
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: options.logger,
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._:-]{1,128}$/.test(given) ? given : randomUUID();
    },
    // LTC_MAX_BODY_BYTES (1 MiB unless set; 413 PAYLOAD_TOO_LARGE above). CSV/NDJSON lead
    // imports have a parser of their own with its own, larger limit (IMPORT_MAX_BYTES).
    bodyLimit: options.config.maxBodyBytes,
  });
  const headers = Object.entries(securityHeaders(options.config));
  // onSend runs for every answer, the error filter's and Fastify's own 404/413 too.
  adapter.getInstance().addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of headers) if (!reply.hasHeader(name)) void reply.header(name, value);
    return payload;
  });
  const app = await NestFactory.create<NestFastifyApplication>(EngineModule.forRoot(options), adapter, {
    logger: new PinoNestLogger(options.logger),
    abortOnError: false,
  });
  useJsonBodiesOnly(app, options.config.maxBodyBytes);
  recordHttpMetrics(adapter.getInstance(), app.get(ENGINE_METRICS));
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  const document = apiDocument(app);
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    // Jest's ESM sandbox cannot load the UI's static-file plugin; the JSON document is served either way.
    ui: options.swaggerUi ?? true,
  });
  serveWebApp(adapter.getInstance(), options.webAppDir ?? defaultWebAppDir());
  return app;
}

/**
 * The OpenAPI document of a created (not necessarily listening) app: served at /docs-json,
 * and the source the web app's typed client is generated from (npm run web:client).
 */
export function apiDocument(app: NestFastifyApplication): OpenAPIObject {
  return documentErrorResponses(
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
}
