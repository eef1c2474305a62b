import { entityIdFromCommandId } from '#ltc/commanding';
import { commandIdOf, newEntityId } from './command-envelope.js';
import type { RequestContext } from './request-context.js';

/**
 * The command id of a request that creates something inside a record (an order or invoice of a
 * contract, a task of a ticket…) and the new thing's id: derived from the Idempotency-Key when there is
 * one, so a retry names the same thing and gets the first answer; else fresh.
 */
export function createdIds(ctx: RequestContext): { readonly commandId: string; readonly id: string } {
  const commandId = commandIdOf(ctx);
  return { commandId, id: ctx.idempotencyKey ? entityIdFromCommandId(commandId) : newEntityId() };
}
