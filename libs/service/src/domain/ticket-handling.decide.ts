import { DomainError } from '#ltc/kernel';
import { pausedClocks, replan, runningClocks } from './ticket-clocks.js';
import { attributed, freshId, inWork, optional, required, unclosed } from './ticket-guards.js';
import type {
  AssessResolutionPlan,
  DeEscalateTicket,
  EscalateTicket,
  MarkPlanImplemented,
  ProposeResolutionPlan,
  RecordProgress,
  ResumeTicket,
  StartWaiting,
} from './ticket.commands.js';
import type { TicketEvent } from './ticket.events.js';
import type { ResolutionPlan, Ticket, TicketState } from './ticket.state.js';
import type { Owner } from './service-vocabulary.js';

/** Up a line (1 → 2 → 3) with a reason, to the new line's group or engineer (or its queue when neither is named). */
export function decideEscalate(command: EscalateTicket, state: TicketState): TicketEvent[] {
  const move = lineMove(command, inWork(state, command.ticketId), 'up');
  return [{ type: 'TicketEscalated', data: { ...move, automatic: false } }];
}

/** Back down a line (after a fix from R&D, for the roll-out…), with a reason. */
export function decideDeEscalate(command: DeEscalateTicket, state: TicketState): TicketEvent[] {
  return [{ type: 'TicketDeEscalated', data: lineMove(command, unclosed(state, command.ticketId), 'down') }];
}

/** A move between lines in the one direction asked for: the part escalation and de-escalation share. */
function lineMove(command: EscalateTicket | DeEscalateTicket, ticket: Ticket, direction: 'up' | 'down') {
  const wrongWay = direction === 'up' ? command.toLine <= ticket.line : command.toLine >= ticket.line;
  if (wrongWay) {
    throw new DomainError(
      direction === 'up' ? 'ESCALATION_NOT_UPWARD' : 'DE_ESCALATION_NOT_DOWNWARD',
      `Ticket ${command.ticketId} is on line ${String(ticket.line)}; ${
        direction === 'up' ? 'escalation goes to a higher' : 'de-escalation goes to a lower'
      } line`,
      { line: ticket.line, toLine: command.toLine },
    );
  }
  return {
    ...attributed(ticket, command),
    fromLine: ticket.line,
    toLine: command.toLine,
    reason: required(command.reason, 'reason'),
    owner: ownerOrQueue(command.owner),
  };
}

const ownerOrQueue = (owner: Owner): Owner => ({ group: optional(owner.group), engineer: optional(owner.engineer) });

export function decideProgress(command: RecordProgress, state: TicketState): TicketEvent[] {
  const ticket = unclosed(state, command.ticketId);
  return [
    {
      type: 'TicketProgressRecorded',
      data: { ...attributed(ticket, command), note: required(command.note, 'note'), visibility: command.visibility },
    },
  ];
}

/** Waiting for the customer or a third party; a wait the policy pauses on stops the running clocks. */
export function decideWait(command: StartWaiting, state: TicketState): TicketEvent[] {
  const ticket = inWork(state, command.ticketId);
  if (ticket.waiting !== null) {
    throw new DomainError('TICKET_ALREADY_WAITING', `Ticket ${command.ticketId} is already waiting`, {
      reason: ticket.waiting.reason,
    });
  }
  const pausesSla = ticket.policy.pauseOn.includes(command.reason);
  const started: TicketEvent = {
    type: 'TicketWaitStarted',
    data: { ...attributed(ticket, command), reason: command.reason, note: optional(command.note), pausesSla },
  };
  if (!pausesSla) return [started];
  return [started, ...replan(ticket, command.now, { clocks: runningClocks(ticket), state: 'paused' })];
}

/** The wait is over: the paused clocks run again from the time they had used. */
export function decideResume(command: ResumeTicket, state: TicketState): TicketEvent[] {
  const ticket = inWork(state, command.ticketId);
  if (ticket.waiting === null) throw new DomainError('TICKET_NOT_WAITING', `Ticket ${command.ticketId} is not waiting`);
  const ended: TicketEvent = {
    type: 'TicketWaitEnded',
    data: { ...attributed(ticket, command), reason: ticket.waiting.reason },
  };
  return [ended, ...replan(ticket, command.now, { clocks: pausedClocks(ticket), state: 'running' })];
}

/** The plan being decided on: the latest one. */
export const currentPlan = (ticket: Ticket): ResolutionPlan | undefined => ticket.plans.at(-1);

/** A resolution plan is proposed; one still waiting for its assessment is decided first. */
export function decideProposePlan(command: ProposeResolutionPlan, state: TicketState): TicketEvent[] {
  const ticket = inWork(state, command.ticketId);
  if (currentPlan(ticket)?.status === 'proposed') {
    throw new DomainError('PLAN_PENDING', `A plan of ticket ${command.ticketId} waits for its assessment`);
  }
  const planId = freshId(
    ticket.plans.map((plan) => plan.planId),
    command.planId,
    'PLAN_ALREADY_EXISTS',
    'planId',
  );
  return [
    {
      type: 'ResolutionPlanProposed',
      data: {
        ...attributed(ticket, command),
        planId,
        summary: required(command.summary, 'summary'),
        steps: command.steps.map((step, i) => required(step, `steps[${String(i)}]`)),
      },
    },
  ];
}

export function decideAssessPlan(command: AssessResolutionPlan, state: TicketState): TicketEvent[] {
  const ticket = inWork(state, command.ticketId);
  const plan = currentPlan(ticket);
  if (plan?.status !== 'proposed') {
    throw new DomainError('NO_PLAN_TO_ASSESS', `Ticket ${command.ticketId} has no plan waiting for assessment`);
  }
  return [
    {
      type: 'ResolutionPlanAssessed',
      data: {
        ...attributed(ticket, command),
        planId: plan.planId,
        decision: command.decision,
        note: optional(command.note),
      },
    },
  ];
}

export function decidePlanImplemented(command: MarkPlanImplemented, state: TicketState): TicketEvent[] {
  const ticket = inWork(state, command.ticketId);
  const plan = currentPlan(ticket);
  if (plan?.status !== 'approved') {
    throw new DomainError('PLAN_NOT_APPROVED', `Ticket ${command.ticketId} has no approved plan to implement`, {
      status: plan?.status ?? null,
    });
  }
  return [
    {
      type: 'ResolutionPlanImplemented',
      data: { ...attributed(ticket, command), planId: plan.planId, note: optional(command.note) },
    },
  ];
}
