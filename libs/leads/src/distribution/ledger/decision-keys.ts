/** The name the routing process manager runs under: it prefixes the ids of the commands it sends. */
export const ROUTING_MANAGER = 'lead_routing';

/**
 * The keys of one routing decision: the decision's (which `lead_distribution_decisions` is
 * keyed by) and its dispatch's (the runner makes the command id `<manager>:<eventId>:<key>`).
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

const ROUTING_COMMAND = new RegExp(`^${ROUTING_MANAGER}:([^:]+):route(?::(.+))?$`);

/**
 * The decision a stored event came from, read back from the id of the command that wrote
 * it (the inverse of {@link routingKeys}); undefined for events no routing decision caused
 * (claims, managers' assignments, imports). This is how a rebuild of routing's tables finds
 * the decision behind an assignment or a deferral without having made it.
 */
export function decisionKeyOfCommand(commandId: string | undefined): string | undefined {
  const match = commandId === undefined ? null : ROUTING_COMMAND.exec(commandId);
  if (!match?.[1]) return undefined;
  return match[2] === undefined ? match[1] : `${match[1]}:${match[2]}`;
}
