import { commandIdFromKey } from '#ltc/commanding';
import type { RecordedEvent } from '#ltc/event-store';
import { SYSTEM_ACTOR } from '#ltc/projections';

/** The name the routing process manager runs under: it prefixes the idempotency keys of its commands. */
export const ROUTING_MANAGER = 'lead_routing';

/**
 * The keys of one routing decision: the decision's (which `lead_distribution_decisions` is
 * keyed by) and its dispatch's (the runner makes the idempotency key `<manager>:<eventId>:<key>`).
 * One event routes one lead, or many when the event is a rep's (a deactivated owner, room
 * freed): then both carry the lead id.
 */
export function routingKeys(
  eventId: string,
  leadId: string,
  perLead: boolean,
): { readonly decisionKey: string; readonly dispatchKey: string } {
  return perLead
    ? { decisionKey: `${eventId}:${leadId}`, dispatchKey: `route:${leadId}` }
    : { decisionKey: eventId, dispatchKey: 'route' };
}

/**
 * The decision a stored event came from, when routing's command wrote it; undefined for
 * events no routing decision caused (claims, managers' assignments, other commands of
 * routing's). The event's causation is the event routing handled; the command id, derived
 * from routing's idempotency key, tells which of that event's dispatches wrote it. This is
 * how a rebuild of routing's tables finds the decision behind an assignment or a deferral.
 */
export function decisionKeyBehind(recorded: Pick<RecordedEvent, 'metadata'>, leadId: string): string | undefined {
  const { tenantId, causationId, commandId } = recorded.metadata;
  for (const perLead of [false, true]) {
    const { decisionKey, dispatchKey } = routingKeys(causationId, leadId, perLead);
    const sentBy = commandIdFromKey(tenantId, SYSTEM_ACTOR.userId, `${ROUTING_MANAGER}:${causationId}:${dispatchKey}`);
    if (sentBy === commandId) return decisionKey;
  }
  return undefined;
}
