import { applyDecorators } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';

/** The usual promise of an Idempotency-Key, for routes that have nothing more specific to say. */
export const RETRIED_ONCE = 'Retries with the same key take effect once and get the first response';

/** How a command route documents its two command headers. */
export interface CommandHeadersDoc {
  /** What a retry with the same Idempotency-Key does here; `false` on a route that takes none. */
  readonly idempotencyKey?: string | false;
  /** What a stale If-Match does here; `false` on a route with no revision to match. */
  readonly ifMatch?: string | false;
}

/**
 * OpenAPI for the headers of a command route: `Idempotency-Key` and `If-Match`, both optional,
 * each described when the route says more than its name (`undefined`: listed without a
 * description). openapi-conventions derives the 412 and 422 answers from these headers, so a
 * route that takes them must list them. Works on a controller class or on one route.
 */
export function ApiCommandHeaders(doc: CommandHeadersDoc = {}): MethodDecorator & ClassDecorator {
  const header = (name: string, description: string | undefined) =>
    ApiHeader({ name, required: false, ...(description === undefined ? {} : { description }) });
  return applyDecorators(
    ...(doc.idempotencyKey === false ? [] : [header('Idempotency-Key', doc.idempotencyKey)]),
    ...(doc.ifMatch === false ? [] : [header('If-Match', doc.ifMatch)]),
  );
}
