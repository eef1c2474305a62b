import { DomainError, InvalidInputError, NotFoundError } from '#ltc/kernel';
import type { Ticket, TicketState } from './ticket.state.js';
import type { Owner } from './service-vocabulary.js';

/** The ticket must exist; a command on a missing one is a 404. */
export function existing(state: TicketState, ticketId: string): Ticket {
  if (state.status === 'none') throw new NotFoundError('Ticket', ticketId);
  return state;
}

/** Not closed: the ticket is still worked (a closed one is reopened first). */
export function unclosed(state: TicketState, ticketId: string): Ticket {
  const ticket = existing(state, ticketId);
  if (ticket.status === 'closed')
    throw new DomainError('TICKET_CLOSED', `Ticket ${ticketId} is closed; reopen it first`);
  return ticket;
}

/** Open or waiting: being worked, not resolved yet. */
export function inWork(state: TicketState, ticketId: string): Ticket {
  const ticket = unclosed(state, ticketId);
  if (ticket.status === 'resolved') {
    throw new DomainError('TICKET_RESOLVED', `Ticket ${ticketId} is resolved; verify it, or reopen it to work on it`);
  }
  return ticket;
}

/** A free text the rule requires: trimmed, not empty. */
export function required(value: string | null | undefined, field: string): string {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') throw new InvalidInputError(field, 'notEmpty', `${field} must not be empty`);
  return trimmed;
}

/** An optional free text: trimmed, and null when blank. */
export const optional = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/** An owner names a group, an engineer or both. */
export function owner(value: Owner, field = 'group'): Owner {
  const group = optional(value.group);
  const engineer = optional(value.engineer);
  if (group === null && engineer === null) {
    throw new InvalidInputError(field, 'ownerRequired', 'name a group, an engineer or both');
  }
  return { group, engineer };
}

/** An id not used before on this ticket: a second use is a conflict, never a silent overwrite. */
export function freshId(ids: readonly string[], id: string, code: string, field: string): string {
  const trimmed = required(id, field);
  if (ids.includes(trimmed)) throw new DomainError(code, `${trimmed} already exists on this ticket`, { id: trimmed });
  return trimmed;
}

export const iso = (date: Date): string => date.toISOString();

/** Who did it and when, on this ticket: the part most ticket events share. */
export const attributed = (
  ticket: Ticket,
  command: { readonly actor: { readonly id: string }; readonly now: Date },
) => ({
  ticketId: ticket.ticketId,
  by: command.actor.id,
  at: iso(command.now),
});
