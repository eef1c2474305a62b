import type { Decider } from '#ltc/kernel';
import type { TicketCommand } from './ticket.commands.js';
import type { TicketEvent } from './ticket.events.js';
import { evolveTicket } from './ticket.evolve.js';
import { initialTicketState, type TicketState } from './ticket.state.js';
import { decideAccept, decideAssign, decideGrade, decideReapply, decideRespond } from './ticket-intake.decide.js';
import {
  decideAssessPlan,
  decideDeEscalate,
  decideEscalate,
  decidePlanImplemented,
  decideProgress,
  decideProposePlan,
  decideResume,
  decideWait,
} from './ticket-handling.decide.js';
import {
  decideCallback,
  decideClose,
  decideLinkFollowUp,
  decideLinkLead,
  decideReopen,
  decideRequirement,
  decideResolve,
  decideVerify,
} from './ticket-closing.decide.js';
import { decideCompleteTask, decideOpenTask, decideTaskOverdue } from './ticket-tasks.decide.js';
import { decideSlaBreach, decideSlaWarning } from './ticket-sla.decide.js';

/** Decides what a command on a service ticket means; every decision that moves a clock re-plans it in the same append. */
export function decideTicket(command: TicketCommand, state: TicketState): TicketEvent[] {
  switch (command.type) {
    case 'AcceptTicket':
      return decideAccept(command, state);
    case 'GradeTicket':
      return decideGrade(command, state);
    case 'AssignTicket':
      return decideAssign(command, state);
    case 'RespondToTicket':
      return decideRespond(command, state);
    case 'EscalateTicket':
      return decideEscalate(command, state);
    case 'DeEscalateTicket':
      return decideDeEscalate(command, state);
    case 'RecordProgress':
      return decideProgress(command, state);
    case 'StartWaiting':
      return decideWait(command, state);
    case 'ResumeTicket':
      return decideResume(command, state);
    case 'ProposeResolutionPlan':
      return decideProposePlan(command, state);
    case 'AssessResolutionPlan':
      return decideAssessPlan(command, state);
    case 'MarkPlanImplemented':
      return decidePlanImplemented(command, state);
    case 'ResolveTicket':
      return decideResolve(command, state);
    case 'VerifyTicket':
      return decideVerify(command, state);
    case 'CloseTicket':
      return decideClose(command, state);
    case 'RecordCallback':
      return decideCallback(command, state);
    case 'ReopenTicket':
      return decideReopen(command, state);
    case 'LinkSpawnedLead':
      return decideLinkLead(command, state);
    case 'LinkFollowUpTicket':
      return decideLinkFollowUp(command, state);
    case 'RaiseProductRequirement':
      return decideRequirement(command, state);
    case 'OpenTask':
      return decideOpenTask(command, state);
    case 'CompleteTask':
      return decideCompleteTask(command, state);
    case 'FlagTaskOverdue':
      return decideTaskOverdue(command, state);
    case 'FlagSlaWarning':
      return decideSlaWarning(command, state);
    case 'FlagSlaBreach':
      return decideSlaBreach(command, state);
    case 'ReapplySlaPolicy':
      return decideReapply(command, state);
  }
}

export const ticketDecider: Decider<TicketCommand, TicketEvent, TicketState> = {
  initialState: initialTicketState,
  decide: decideTicket,
  evolve: evolveTicket,
};
