import { DomainError, InvalidInputError } from '#ltc/kernel';
import { gradingOf } from './priority-matrix.js';
import { NEW_CLOCK, elapsedAt, planClock } from './sla-clock.js';
import { replan } from './ticket-clocks.js';
import { attributed, inWork, iso, optional, owner, required, unclosed } from './ticket-guards.js';
import type { AcceptTicket, AssignTicket, GradeTicket, ReapplySlaPolicy, RespondToTicket } from './ticket.commands.js';
import type { Grading, TicketEvent } from './ticket.events.js';
import type { TicketState } from './ticket.state.js';
import { SLA_CLOCKS } from './service-vocabulary.js';

/** Accepted and registered: graded (P3 until graded), bound to the policy version in force, both clocks started. */
export function decideAccept(command: AcceptTicket, state: TicketState): TicketEvent[] {
  if (state.status !== 'none') {
    throw new DomainError('TICKET_ALREADY_EXISTS', `Ticket ${command.ticketId} already exists`);
  }
  const grading = gradingOf(command.grading, { required: false });
  const account = required(command.customer.account, 'customerAccount');
  const at = iso(command.now);
  const accepted: TicketEvent = {
    type: 'TicketAccepted',
    data: {
      ticketId: command.ticketId,
      by: command.actor.id,
      at,
      channel: command.channel,
      customer: { ...command.customer, account },
      contact: {
        name: optional(command.contact.name),
        email: optional(command.contact.email),
        phone: optional(command.contact.phone),
      },
      product: optional(command.product),
      category: optional(command.category),
      subject: required(command.subject, 'subject'),
      description: command.description.trim(),
      grading,
      policy: command.policy,
      followUpOf: command.followUpOf,
    },
  };
  const plans = SLA_CLOCKS.map((clock) =>
    planClock(clock, NEW_CLOCK, command.policy, grading.priority, 'running', command.ticketId, command.now),
  );
  return [accepted, ...plans];
}

/** Re-graded or re-classified: the targets follow the new priority, the time used and the pauses stay. */
export function decideGrade(command: GradeTicket, state: TicketState): TicketEvent[] {
  const ticket = unclosed(state, command.ticketId);
  const { priority, impact, urgency } = command.grading;
  const regraded = priority !== null || impact !== null || urgency !== null;
  if (!regraded && command.category === undefined && command.product === undefined) {
    throw new InvalidInputError('priority', 'required', 'give a priority, impact and urgency, a category or a product');
  }
  const grading = regraded ? gradingOf(command.grading, { required: true }) : ticket.grading;
  const category = command.category === undefined ? ticket.category : optional(command.category);
  const product = command.product === undefined ? ticket.product : optional(command.product);
  if (sameGrading(grading, ticket.grading) && category === ticket.category && product === ticket.product) return [];
  const graded: TicketEvent = {
    type: 'TicketGraded',
    data: {
      ...attributed(ticket, command),
      grading,
      previousPriority: ticket.grading.priority,
      category,
      product,
      reason: optional(command.reason),
    },
  };
  const targetsMove = grading.priority !== ticket.grading.priority;
  return targetsMove ? [graded, ...replan(ticket, command.now, { priority: grading.priority })] : [graded];
}

const sameGrading = (a: Grading, b: Grading): boolean =>
  a.priority === b.priority && a.impact === b.impact && a.urgency === b.urgency && a.basis === b.basis;

/** Dispatched to an engineer and/or group on the ticket's line; the same owner again changes nothing. */
export function decideAssign(command: AssignTicket, state: TicketState): TicketEvent[] {
  const ticket = unclosed(state, command.ticketId);
  const to = owner(command.owner);
  if (to.group === ticket.owner.group && to.engineer === ticket.owner.engineer) return [];
  return [
    {
      type: 'TicketAssigned',
      data: {
        ...attributed(ticket, command),
        line: ticket.line,
        owner: to,
        reason: optional(command.reason),
        automatic: false,
      },
    },
  ];
}

/** The first response to the customer stops the response clock, on time or late. */
export function decideRespond(command: RespondToTicket, state: TicketState): TicketEvent[] {
  const ticket = inWork(state, command.ticketId);
  if (ticket.respondedAt !== null) {
    throw new DomainError('TICKET_ALREADY_RESPONDED', `Ticket ${command.ticketId} had its first response already`);
  }
  const clock = ticket.clocks.response;
  const elapsedMs = elapsedAt(clock, ticket.policy.calendar, command.now);
  return [
    {
      type: 'TicketResponded',
      data: {
        ...attributed(ticket, command),
        message: required(command.message, 'message'),
        elapsedMs,
        withinTarget: elapsedMs <= clock.targetMs,
      },
    },
    ...replan(ticket, command.now, { clocks: ['response'], state: 'stopped' }),
  ];
}

/**
 * The ticket is bound to the policy version in force now: running clocks keep the time used and
 * are planned under the new targets and calendar. The same version again changes nothing.
 */
export function decideReapply(command: ReapplySlaPolicy, state: TicketState): TicketEvent[] {
  const ticket = unclosed(state, command.ticketId);
  const { policy } = command;
  if (policy.policyId === ticket.policy.policyId && policy.version === ticket.policy.version) {
    if (policy.calendarVersion === ticket.policy.calendarVersion) return [];
  }
  return [
    {
      type: 'TicketSlaPolicyReapplied',
      data: {
        ...attributed(ticket, command),
        policy,
        previousVersion: ticket.policy.version,
        reason: optional(command.reason),
      },
    },
    ...replan(ticket, command.now, { policy }),
  ];
}
