import { aggregateStream, type AggregatedStream } from '#ltc/commanding';
import type { EventStore } from '#ltc/event-store';
import { NotFoundError } from '#ltc/kernel';
import type { RequestContext } from '#ltc/platform';
import { parseTicketEvent } from '../domain/ticket-event.js';
import { ticketDecider } from '../domain/ticket.decider.js';
import type { TicketEvent } from '../domain/ticket.events.js';
import type { Ticket, TicketState } from '../domain/ticket.state.js';
import type { Actor } from '../domain/service-vocabulary.js';
import { canSeeTicket, type TicketAudience, type TicketScope } from '../service-access.js';
import { ticketStream } from '../service-streams.js';

/** Who gives a command: the token's subject with its roles. */
export const actorOf = (ctx: RequestContext): Actor => ({ id: ctx.caller.userId, roles: ctx.caller.roles });

const present = (values: readonly (string | null)[]): string[] => [
  ...new Set(values.filter((v): v is string => v !== null)),
];

/** What of a ticket decides who sees it: its owners and its tasks' owners, who accepted it, the customer's deal team. */
export function audienceOf(ticket: Ticket): TicketAudience {
  return {
    groups: present([ticket.owner.group, ...ticket.tasks.map((task) => task.owner.group)]),
    engineers: present([ticket.owner.engineer, ticket.acceptedBy, ...ticket.tasks.map((task) => task.owner.engineer)]),
    dealTeam: ticket.customer.dealTeam,
  };
}

/** Whether the caller sees the ticket, on its own stream state (a ticket not accepted: tenant-wide roles only). */
export const canSeeTicketState = (scope: TicketScope, state: TicketState): boolean =>
  state.status === 'none' ? scope.kind === 'tenant' : canSeeTicket(scope, audienceOf(state));

/** A ticket as read from its stream: folded, its revision, and its stored events. */
export interface VisibleTicket {
  readonly ticket: Ticket;
  readonly revision: bigint | undefined;
  readonly events: AggregatedStream<TicketEvent, TicketState>['events'];
}

/** A ticket of the caller's tenant that the caller sees, read from its stream; else 404 as for an unknown one. */
export async function readVisibleTicket(
  store: EventStore,
  ctx: RequestContext,
  scope: TicketScope,
  ticketId: string,
  asOf?: Date,
): Promise<VisibleTicket> {
  const read = await aggregateStream(store, ticketDecider, ticketStream(ticketId), { parse: parseTicketEvent });
  const { state } = read;
  if (read.tenantId !== ctx.tenantId || state.status === 'none' || !canSeeTicketState(scope, state)) {
    throw new NotFoundError('Ticket', ticketId);
  }
  if (asOf === undefined) return { ticket: state, revision: read.revision, events: read.events };
  // Who may read it is decided on the ticket as it is now, also for its past.
  const then = await aggregateStream(store, ticketDecider, ticketStream(ticketId), { parse: parseTicketEvent, asOf });
  if (then.state.status === 'none') throw new NotFoundError('Ticket', ticketId);
  return { ticket: then.state, revision: then.revision, events: then.events };
}
