import { commandHandlerFor, type WithoutNow } from '#ltc/platform';
import { parseTicketEvent } from '../domain/ticket-event.js';
import { ticketDecider } from '../domain/ticket.decider.js';
import type { TicketCommand } from '../domain/ticket.commands.js';
import { ticketStream } from '../service-streams.js';

/**
 * A ticket command as a route or a dispatch writes it: without the clock's time. What the decider
 * needs from outside the ticket (the policy in force, a group's calendar, its lead) the sender
 * looks up first and puts in the command, so the decision stays pure and replays identically.
 */
export type TicketCommandInput = WithoutNow<TicketCommand>;

/** Every ticket command goes through one message and one generic handler, keeping busy tickets' folded state. */
export const ticketCommands = commandHandlerFor(ticketDecider, {
  entity: 'Ticket',
  stream: (_tenantId, ticketId) => ticketStream(ticketId),
  parse: parseTicketEvent,
  cache: true,
});

export const TicketCommandMessage = ticketCommands.Message;
export type TicketCommandMessage = InstanceType<typeof TicketCommandMessage>;
