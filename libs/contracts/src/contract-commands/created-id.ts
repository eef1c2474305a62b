import { entityIdFromCommandId } from '#ltc/commanding';
import { commandIdOf, newEntityId, type RequestContext } from '#ltc/platform';

/**
 * The command id of a request that creates something on a contract (an order, a delivery, an
 * invoice, a payment…) and the new thing's id: derived from the Idempotency-Key when there is
 * one, so a retry names the same thing and gets the first answer; else fresh.
 */
export function createdIds(ctx: RequestContext): { readonly commandId: string; readonly id: string } {
  const commandId = commandIdOf(ctx);
  return { commandId, id: ctx.idempotencyKey ? entityIdFromCommandId(commandId) : newEntityId() };
}
