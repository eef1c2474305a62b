import { randomUUID } from 'node:crypto';
import { commandIdFromKey, newCommandId, requestHash, type CommandEnvelope } from '#ltc/commanding';
import type { RequestContext } from './request-context.js';

/** The command id for a request: derived from its Idempotency-Key, else fresh. */
export function commandIdOf(ctx: RequestContext): string {
  return ctx.idempotencyKey ? commandIdFromKey(ctx.tenantId, ctx.caller.userId, ctx.idempotencyKey) : newCommandId();
}

/** Builds the envelope for one command from an HTTP request's context. */
export function envelopeFrom<Command>(
  ctx: RequestContext,
  target: {
    readonly command: Command;
    readonly stream: string;
    readonly commandId?: string;
    readonly mustExist?: { readonly entity: string; readonly id: string };
  },
): CommandEnvelope<Command> {
  const commandId = target.commandId ?? commandIdOf(ctx);
  return {
    command: target.command,
    stream: target.stream,
    commandId,
    idempotent: ctx.idempotencyKey !== undefined,
    ...(ctx.idempotencyKey !== undefined ? { requestHash: requestHash(ctx.body ?? null) } : {}),
    ...(ctx.expectedRevision !== undefined ? { expectedRevision: ctx.expectedRevision } : {}),
    ...(target.mustExist ? { mustExist: target.mustExist } : {}),
    actor: ctx.actor,
    tenantId: ctx.tenantId,
    correlationId: ctx.correlationId,
    causationId: commandId,
  };
}

export { randomUUID as newEntityId };
