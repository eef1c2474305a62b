import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InvalidInputError } from '#ltc/kernel';
import type { Actor } from '#ltc/event-store';
import type { Caller } from '../auth/roles.js';

/** What a controller needs to turn an HTTP request into a command envelope. */
export interface RequestContext {
  readonly caller: Caller;
  readonly actor: Actor;
  readonly tenantId: string;
  readonly correlationId: string;
  /** The `Idempotency-Key` header, when sent. */
  readonly idempotencyKey: string | undefined;
  /** The `If-Match` header as a stream revision, when sent. */
  readonly expectedRevision: bigint | undefined;
  /** The request body, for the idempotency fingerprint. */
  readonly body: unknown;
}

interface ContextRequest {
  id?: string;
  headers: Record<string, string | string[] | undefined>;
  caller?: Caller;
  actingRole?: string;
  body?: unknown;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The command context of the current request: caller, actor, correlation, idempotency and If-Match. */
export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext => {
  const request = context.switchToHttp().getRequest<ContextRequest>();
  return requestContextOf(request);
});

export function requestContextOf(request: ContextRequest): RequestContext {
  const caller = request.caller;
  if (!caller) throw new Error('Request context used on a public route');
  const header = (name: string): string | undefined => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const key = header('idempotency-key');
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    throw new InvalidInputError('Idempotency-Key', 'format', 'Idempotency-Key must be 1-255 visible ASCII characters');
  }
  const correlation = header('x-correlation-id');
  return {
    caller,
    actor: { userId: caller.userId, role: request.actingRole ?? caller.roles[0] ?? 'auditor' },
    tenantId: caller.tenantId,
    correlationId: correlation && CORRELATION_ID.test(correlation) ? correlation : (request.id ?? randomUUID()),
    idempotencyKey: key,
    expectedRevision: parseIfMatch(header('if-match')),
    body: request.body,
  };
}

/** `If-Match: "3"`, `W/"3"` or `3` → 3n. `*` means "any revision" and is treated as absent. */
export function parseIfMatch(value: string | undefined): bigint | undefined {
  if (value === undefined || value.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,19})"?\s*$/.exec(value);
  if (!match?.[1]) {
    throw new InvalidInputError('If-Match', 'format', 'If-Match must be a stream revision, e.g. "3"');
  }
  return BigInt(match[1]);
}
