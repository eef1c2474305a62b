import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { AbstractHttpAdapter } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import type { ImportFormat } from './domain/import-rows.js';

/** The largest import body, as the API's own body limit (libs/engine/src/http-app.ts). */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/** The media types an import body may have, and the format each one means. */
export const IMPORT_MEDIA_TYPES: Readonly<Record<string, ImportFormat>> = {
  'text/csv': 'csv',
  'application/x-ndjson': 'ndjson',
};

/** `text/csv; charset=utf-8` → csv; anything else → undefined. */
export function importFormatOf(contentType: string | undefined): ImportFormat | undefined {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return Object.hasOwn(IMPORT_MEDIA_TYPES, mediaType) ? IMPORT_MEDIA_TYPES[mediaType] : undefined;
}

/**
 * Teaches Fastify to read CSV and NDJSON bodies as strings, for the import route only.
 * Fastify content-type parsers cannot be attached to one route, and Nest registers its
 * routes on the root instance, so the parsers are added there and refuse any other
 * route with 415, as before: a JSON route never sees a CSV string where it expects an object.
 * Called while the module initialises, before the server starts listening.
 */
export function registerImportBodyParsers(adapter: AbstractHttpAdapter | undefined, routeUrl: string): void {
  if (adapter?.getType() !== 'fastify') return;
  const fastify = adapter.getInstance<FastifyInstance>();
  for (const mediaType of Object.keys(IMPORT_MEDIA_TYPES)) {
    if (fastify.hasContentTypeParser(mediaType)) continue;
    fastify.addContentTypeParser(
      mediaType,
      { parseAs: 'string', bodyLimit: IMPORT_MAX_BYTES },
      (request, body, done) => {
        if (request.routeOptions.url !== routeUrl) {
          // The same answer as for any media type no route reads (HTTP_415).
          done(new UnsupportedMediaTypeException(), undefined);
          return;
        }
        done(null, body);
      },
    );
  }
}
