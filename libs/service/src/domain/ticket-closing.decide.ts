import { DomainError, InvalidInputError } from '#ltc/kernel';
import { elapsedAt } from './sla-clock.js';
import { replan } from './ticket-clocks.js';
import { attributed, existing, freshId, inWork, iso, optional, required } from './ticket-guards.js';
import { currentPlan, decideResume } from './ticket-handling.decide.js';
import { evolveTicket } from './ticket.evolve.js';
import type {
  CloseTicket,
  LinkFollowUpTicket,
  LinkSpawnedLead,
  RaiseProductRequirement,
  RecordCallback,
  ReopenTicket,
  ResolveTicket,
  VerifyTicket,
} from './ticket.commands.js';
import type { TicketCallbackRecorded, TicketEvent } from './ticket.events.js';
import type { Ticket, TicketState } from './ticket.state.js';

const DAY_MS = 86_400_000;

/**
 * Solved: the resolution clock stops, on time or late. A plan still waiting for its assessment,
 * or approved and not yet implemented, and every internal task must be settled first. Resolving a ticket that waits ends
 * the wait (the customer's answer was the fix); resolving one never answered is its first response.
 */
export function decideResolve(command: ResolveTicket, state: TicketState): TicketEvent[] {
  const ticket = inWork(state, command.ticketId);
  const plan = currentPlan(ticket);
  if (plan?.status === 'proposed') {
    throw new DomainError('PLAN_PENDING', `The plan of ticket ${command.ticketId} waits for its assessment`);
  }
  if (plan?.status === 'approved') {
    throw new DomainError(
      'PLAN_NOT_IMPLEMENTED',
      `The approved plan of ticket ${command.ticketId} is not implemented yet`,
    );
  }
  const openTasks = ticket.tasks.filter((task) => task.status === 'open').map((task) => task.taskId);
  if (openTasks.length > 0) {
    throw new DomainError(
      'TASKS_OPEN',
      `Ticket ${command.ticketId} has internal tasks still open; complete them first`,
      {
        taskIds: openTasks,
      },
    );
  }
  const resolution = required(command.resolution, 'resolution');
  const events: TicketEvent[] =
    ticket.waiting === null ? [] : decideResume({ ...command, type: 'ResumeTicket' }, ticket);
  let current = events.reduce<TicketState>(evolveTicket, ticket) as Ticket;
  if (current.respondedAt === null) {
    const response = current.clocks.response;
    const elapsedMs = elapsedAt(response, current.policy.calendar, command.now);
    const responded: TicketEvent[] = [
      {
        type: 'TicketResponded',
        data: {
          ...attributed(current, command),
          message: resolution,
          elapsedMs,
          withinTarget: elapsedMs <= response.targetMs,
        },
      },
      ...replan(current, command.now, { clocks: ['response'], state: 'stopped' }),
    ];
    events.push(...responded);
    current = responded.reduce<TicketState>(evolveTicket, current) as Ticket;
  }
  const clock = current.clocks.resolution;
  const elapsedMs = elapsedAt(clock, current.policy.calendar, command.now);
  events.push(
    {
      type: 'TicketResolved',
      data: { ...attributed(current, command), resolution, elapsedMs, withinTarget: elapsedMs <= clock.targetMs },
    },
    ...replan(current, command.now, { clocks: ['resolution'], state: 'stopped' }),
  );
  return events;
}

function resolved(state: TicketState, ticketId: string): Ticket {
  const ticket = existing(state, ticketId);
  if (ticket.status !== 'resolved') {
    throw new DomainError('TICKET_NOT_RESOLVED', `Ticket ${ticketId} is not resolved`, { status: ticket.status });
  }
  return ticket;
}

/**
 * The result is checked: root cause, preventive action, no new problems. By someone other than
 * the resolver when the policy says so. A failed check puts the ticket back to work, its
 * resolution clock running on from the time it had used.
 */
export function decideVerify(command: VerifyTicket, state: TicketState): TicketEvent[] {
  const ticket = resolved(state, command.ticketId);
  if (ticket.verified) return [];
  if (ticket.policy.independentVerification && ticket.resolvedBy === command.actor.id) {
    throw new DomainError(
      'VERIFIER_IS_RESOLVER',
      `Ticket ${command.ticketId} was resolved by ${command.actor.id}; the policy wants someone else to verify it`,
    );
  }
  const passed = command.noNewProblems;
  const verified: TicketEvent = {
    type: 'TicketVerified',
    data: {
      ...attributed(ticket, command),
      rootCause: required(command.rootCause, 'rootCause'),
      preventiveAction: required(command.preventiveAction, 'preventiveAction'),
      noNewProblems: command.noNewProblems,
      passed,
      note: optional(command.note),
    },
  };
  if (passed) return [verified];
  return [verified, ...replan(ticket, command.now, { clocks: ['resolution'], state: 'running' })];
}

export function decideClose(command: CloseTicket, state: TicketState): TicketEvent[] {
  const ticket = existing(state, command.ticketId);
  if (ticket.status === 'closed') return [];
  resolved(ticket, command.ticketId);
  if (!ticket.verified) {
    throw new DomainError('TICKET_NOT_VERIFIED', `Ticket ${command.ticketId} is resolved but not verified yet`);
  }
  return [{ type: 'TicketClosed', data: { ...attributed(ticket, command), note: optional(command.note) } }];
}

/** The customer's satisfaction, once per closing. */
export function decideCallback(command: RecordCallback, state: TicketState): TicketEvent[] {
  const ticket = existing(state, command.ticketId);
  const { satisfaction } = command;
  if (!Number.isInteger(satisfaction) || satisfaction < 1 || satisfaction > 5) {
    throw new InvalidInputError('satisfaction', 'range', 'satisfaction must be a whole number from 1 to 5');
  }
  if (ticket.status !== 'closed') {
    throw new DomainError('TICKET_NOT_CLOSED', `Ticket ${command.ticketId} is not closed; call back after closing`);
  }
  if (ticket.callback !== null) {
    throw new DomainError(
      'CALLBACK_ALREADY_RECORDED',
      `The callback of ticket ${command.ticketId} is recorded already`,
    );
  }
  return [
    {
      type: 'TicketCallbackRecorded',
      data: {
        ...attributed(ticket, command),
        satisfaction: satisfaction as TicketCallbackRecorded['data']['satisfaction'],
        comment: optional(command.comment),
      },
    },
  ];
}

/**
 * Back to work within the policy's reopen window after closing (or any time while resolved):
 * the resolution clock runs on from the time it had used. Past the window the route opens a
 * new ticket that continues this one.
 */
export function decideReopen(command: ReopenTicket, state: TicketState): TicketEvent[] {
  const ticket = existing(state, command.ticketId);
  if (ticket.status !== 'resolved' && ticket.status !== 'closed') {
    throw new DomainError('TICKET_NOT_RESOLVED', `Ticket ${command.ticketId} is still being worked on`);
  }
  const reason = required(command.reason, 'reason');
  if (ticket.closedAt !== null) {
    const windowEnds = Date.parse(ticket.closedAt) + ticket.policy.reopenWindowDays * DAY_MS;
    if (command.now.getTime() > windowEnds) {
      throw new DomainError(
        'REOPEN_WINDOW_PASSED',
        `Ticket ${command.ticketId} closed more than its reopen window ago`,
        {
          closedAt: ticket.closedAt,
          reopenWindowDays: ticket.policy.reopenWindowDays,
          windowEndedAt: iso(new Date(windowEnds)),
        },
      );
    }
  }
  return [
    { type: 'TicketReopened', data: { ...attributed(ticket, command), reason } },
    ...replan(ticket, command.now, { clocks: ['resolution'], state: 'running' }),
  ];
}

/** A lead raised from this ticket; linking it again changes nothing. */
export function decideLinkLead(command: LinkSpawnedLead, state: TicketState): TicketEvent[] {
  const ticket = existing(state, command.ticketId);
  const leadId = required(command.leadId, 'leadId');
  if (ticket.spawnedLeads.includes(leadId)) return [];
  return [
    {
      type: 'TicketLeadSpawned',
      data: { ticketId: ticket.ticketId, leadId, by: command.actor.id, at: iso(command.now) },
    },
  ];
}

/** The ticket that continues this one past its reopen window; linking it again changes nothing. */
export function decideLinkFollowUp(command: LinkFollowUpTicket, state: TicketState): TicketEvent[] {
  const ticket = existing(state, command.ticketId);
  const followUpTicketId = required(command.followUpTicketId, 'followUpTicketId');
  if (ticket.followUps.includes(followUpTicketId)) return [];
  return [
    { type: 'TicketFollowUpOpened', data: { ticketId: ticket.ticketId, followUpTicketId, at: iso(command.now) } },
  ];
}

/** A product problem for the product-development flow, from any ticket, closed ones too. */
export function decideRequirement(command: RaiseProductRequirement, state: TicketState): TicketEvent[] {
  const ticket = existing(state, command.ticketId);
  const requirementId = freshId(
    ticket.requirements,
    command.requirementId,
    'REQUIREMENT_ALREADY_EXISTS',
    'requirementId',
  );
  return [
    {
      type: 'ProductRequirementRaised',
      data: {
        ...attributed(ticket, command),
        requirementId,
        title: required(command.title, 'title'),
        description: required(command.description, 'description'),
        product: optional(command.product) ?? ticket.product,
        customerAccount: ticket.customer.account,
      },
    },
  ];
}
