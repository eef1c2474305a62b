import type { OpenAPIObject } from '@nestjs/swagger';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
type Response = { description: string; content?: Record<string, { schema: { $ref: string } }> };

const ERROR_SCHEMA = 'ErrorBody';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * The error responses of the HTTP conventions (error.filter.ts), added to every operation
 * where its declared inputs say they can happen. Derived from the operation rather than
 * repeated on each route, so a new route is documented the same way by construction; a
 * route's own, more specific description of a status is kept.
 *
 * - 400 wherever there is a path parameter, a query or a body to validate;
 * - 401 and 403 on every route that needs a token;
 * - 404 wherever a path names an entity;
 * - 409 on every command (a route taking an Idempotency-Key): a state that forbids it, or a concurrent change;
 * - 412 where If-Match is accepted; 422 where an Idempotency-Key is; 415 where there is a JSON body.
 */
export function documentErrorResponses(document: OpenAPIObject): OpenAPIObject {
  document.components ??= {};
  document.components.schemas = { ...document.components.schemas, [ERROR_SCHEMA]: errorBodySchema() };
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) addErrorResponses(operation, document.security);
    }
  }
  return document;
}

function addErrorResponses(operation: Operation, globalSecurity: OpenAPIObject['security']): void {
  const parameters = (operation.parameters ?? []).flatMap((p) => ('in' in p ? [{ in: p.in, name: p.name }] : []));
  const has = (where: string, name?: string): boolean =>
    parameters.some((p) => p.in === where && (name === undefined || p.name.toLowerCase() === name.toLowerCase()));
  const secured = (operation.security ?? globalSecurity ?? []).length > 0;
  const jsonBody =
    operation.requestBody !== undefined &&
    'content' in operation.requestBody &&
    operation.requestBody.content['application/json'] !== undefined;
  const command = has('header', 'Idempotency-Key');
  const add = (status: number, description: string): void => {
    const responses = operation.responses as Record<string, Response>;
    responses[String(status)] ??= {
      description,
      content: { 'application/json': { schema: { $ref: `#/components/schemas/${ERROR_SCHEMA}` } } },
    };
  };
  if (has('path') || has('query') || operation.requestBody !== undefined) {
    add(400, 'VALIDATION_FAILED: `errors` names each field, the rule it breaks and what to send instead');
  }
  if (secured) {
    add(
      401,
      'TOKEN_EXPIRED: the token has expired, get a new one; INVALID_TOKEN: no bearer token, or one that is ' +
        'malformed, not signed by a trusted key, or meant for another issuer or audience',
    );
    add(403, "FORBIDDEN: the caller's role may not do this");
  }
  if (has('path')) add(404, "The id is unknown in the caller's tenant, or names a record the caller may not see");
  if (command) add(409, 'The current state forbids the command (`code` says why), or CONCURRENT_MODIFICATION');
  if (has('header', 'If-Match')) add(412, 'REVISION_MISMATCH: If-Match is stale; `details.currentRevision` is current');
  if (jsonBody) add(413, 'PAYLOAD_TOO_LARGE: the body is over LTC_MAX_BODY_BYTES');
  if (jsonBody) add(415, 'UNSUPPORTED_MEDIA_TYPE: a body must be sent with Content-Type: application/json');
  if (command) add(422, 'IDEMPOTENCY_KEY_REUSED: the key was used before for a different request');
  if (command) add(429, 'RATE_LIMITED: more commands than LTC_RATE_LIMIT allows; `Retry-After` says when to retry');
}

function errorBodySchema(): Record<string, unknown> {
  return {
    type: 'object',
    required: ['statusCode', 'code', 'message'],
    properties: {
      statusCode: { type: 'integer', example: 400 },
      code: { type: 'string', description: 'Stable; branch on it', example: 'VALIDATION_FAILED' },
      message: { type: 'string', description: 'For people', example: 'email is required' },
      errors: {
        type: 'array',
        description: 'With VALIDATION_FAILED: one entry per field',
        items: {
          type: 'object',
          required: ['field', 'rule', 'message'],
          properties: {
            field: { type: 'string', example: 'email' },
            rule: { type: 'string', example: 'required' },
            message: { type: 'string', example: 'email is required' },
          },
        },
      },
      details: { type: 'object', additionalProperties: true },
    },
  };
}
