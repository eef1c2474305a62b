import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import { DomainError, InvalidInputError, NotFoundError } from '#ltc/kernel';
import { ConcurrentModificationError, IdempotencyKeyReusedError, StaleRevisionError } from '#ltc/commanding';
import { ForbiddenResourceError, ForbiddenRoleError } from '../auth/auth.guard.js';
import { IdentityProviderUnavailableError, InvalidTokenError } from '../auth/token.service.js';
import { RateLimitedError } from './write-rate-limit.interceptor.js';

/** The error body every route returns: a stable `code` to branch on, a message for people. */
export interface ErrorBody {
  readonly statusCode: number;
  readonly code: string;
  readonly message: string;
  readonly errors?: readonly { field: string; rule: string; message: string }[];
  readonly details?: Readonly<Record<string, unknown>>;
}

/**
 * The one place where errors become HTTP responses: 400 invalid input, 401/403 auth,
 * 404 unknown id, 409 forbidden by state, 412 stale If-Match, 422 reused idempotency key,
 * 429 too many commands, 503 identity provider unreachable.
 * Anything else is our fault: 500 with no internals leaked, logged with its stack.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<{ headers?: Record<string, unknown> }>();
    const body = explainMediaType(this.toBody(error), request.headers?.['content-type']);
    if (error instanceof IdentityProviderUnavailableError) this.logger.warn({ err: error }, error.message);
    else if (body.statusCode >= 500) this.logger.error({ err: error }, 'Unhandled error');
    for (const [name, value] of Object.entries(challengeHeaders(error, body))) void reply.header(name, value);
    void reply.status(body.statusCode).send(body);
  }

  private toBody(error: unknown): ErrorBody {
    if (error instanceof InvalidInputError) {
      return {
        statusCode: 400,
        code: error.code,
        message: error.message,
        errors: [{ field: error.field, rule: error.rule, message: error.message }],
      };
    }
    if (error instanceof InvalidTokenError) return { statusCode: 401, code: error.code, message: error.message };
    if (error instanceof RateLimitedError) {
      return {
        statusCode: 429,
        code: error.code,
        message: error.message,
        details: { retryAfterSeconds: error.retryAfterSeconds },
      };
    }
    if (error instanceof IdentityProviderUnavailableError) {
      return { statusCode: 503, code: error.code, message: error.message };
    }
    if (error instanceof ForbiddenRoleError || error instanceof ForbiddenResourceError) {
      return { statusCode: 403, code: error.code, message: error.message };
    }
    if (error instanceof NotFoundError) return { statusCode: 404, code: error.code, message: error.message };
    if (error instanceof DomainError) {
      return {
        statusCode: 409,
        code: error.code,
        message: error.message,
        ...(error.details ? { details: error.details } : {}),
      };
    }
    if (error instanceof ConcurrentModificationError)
      return { statusCode: 409, code: error.code, message: error.message };
    if (error instanceof StaleRevisionError) {
      return {
        statusCode: 412,
        code: error.code,
        message: error.message,
        details: { currentRevision: error.actual === undefined ? null : error.actual.toString() },
      };
    }
    if (error instanceof IdempotencyKeyReusedError)
      return { statusCode: 422, code: error.code, message: error.message };
    if (error instanceof HttpException) return this.fromHttpException(error);
    const clientStatus = clientErrorStatus(error);
    if (clientStatus !== undefined) {
      // Errors the HTTP layer raised about the request itself (body too large, bad media type…).
      return { statusCode: clientStatus, code: codeForStatus(clientStatus), message: (error as Error).message };
    }
    return { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Something went wrong on our side; it has been logged' };
  }

  private fromHttpException(error: HttpException): ErrorBody {
    const status = error.getStatus();
    const response = error.getResponse();
    if (typeof response === 'object' && response !== null && 'code' in response) {
      return { statusCode: status, ...(response as Omit<ErrorBody, 'statusCode'>) };
    }
    const code = status === 404 ? 'ROUTE_NOT_FOUND' : codeForStatus(status);
    const message = typeof response === 'string' ? response : error.message;
    return { statusCode: status, code, message };
  }
}

const STATUS_CODES: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'INVALID_TOKEN',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

/**
 * "Unsupported Media Type" alone leaves people guessing; most often the header is simply
 * missing (curl -d without -H), so say which header was seen and what to send.
 */
function explainMediaType(body: ErrorBody, contentType: unknown): ErrorBody {
  if (body.statusCode !== 415 || body.code !== 'UNSUPPORTED_MEDIA_TYPE') return body;
  const message =
    typeof contentType === 'string' && contentType.trim() !== ''
      ? `Content-Type ${contentType} is not accepted here; send the type the operation documents (application/json for JSON bodies)`
      : 'The request has a body but no Content-Type header; send the type the operation documents (application/json for JSON bodies)';
  return { ...body, message };
}

/** RFC 6750 §3 asks a 401 to name the scheme; a 429 says when to come back (RFC 6585). */
function challengeHeaders(error: unknown, body: ErrorBody): Record<string, string> {
  if (error instanceof RateLimitedError) return { 'retry-after': String(error.retryAfterSeconds) };
  if (body.statusCode === 401) return { 'www-authenticate': 'Bearer error="invalid_token"' };
  return {};
}

function codeForStatus(status: number): string {
  return STATUS_CODES[status] ?? `HTTP_${status}`;
}

/** A 4xx status carried by an error from the HTTP stack (Fastify sets `statusCode`). */
function clientErrorStatus(error: unknown): number | undefined {
  if (!(error instanceof Error)) return undefined;
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}
