import type { Decider } from '#ltc/kernel';
import type { OpportunityCommand } from './opportunity.commands.js';
import type { OpportunityEvent } from './opportunity.events.js';
import { evolveOpportunity } from './opportunity.evolve.js';
import { initialOpportunityState, type OpportunityState } from './opportunity.state.js';
import {
  decideEdit,
  decideLose,
  decideMoveStage,
  decideOpen,
  decideReopen,
  decideWin,
} from './opportunity-lifecycle.decide.js';
import {
  decideAcceptHandoff,
  decideDeclineHandoff,
  decideFlagOverdue,
  decideRequestHandoff,
  decideSetTriangle,
} from './opportunity-triangle.decide.js';
import {
  decideApprove,
  decideCreateQuote,
  decideCustomerAnswer,
  decideReject,
  decideRequestApproval,
  decideSend,
  decideSubmitBid,
} from './opportunity-quotes.decide.js';

/** Decides what a command on a deal means, given everything that happened to it. */
export function decideOpportunity(command: OpportunityCommand, state: OpportunityState): OpportunityEvent[] {
  switch (command.type) {
    case 'OpenOpportunity':
      return decideOpen(command, state);
    case 'EditOpportunity':
      return decideEdit(command, state);
    case 'MoveOpportunityStage':
      return decideMoveStage(command, state);
    case 'WinOpportunity':
      return decideWin(command, state);
    case 'LoseOpportunity':
      return decideLose(command, state);
    case 'ReopenOpportunity':
      return decideReopen(command, state);
    case 'SetTriangle':
      return decideSetTriangle(command, state);
    case 'RequestHandoff':
      return decideRequestHandoff(command, state);
    case 'AcceptHandoff':
      return decideAcceptHandoff(command, state);
    case 'DeclineHandoff':
      return decideDeclineHandoff(command, state);
    case 'FlagHandoffOverdue':
      return decideFlagOverdue(command, state);
    case 'CreateQuoteVersion':
      return decideCreateQuote(command, state);
    case 'RequestQuoteApproval':
      return decideRequestApproval(command, state);
    case 'ApproveQuote':
      return decideApprove(command, state);
    case 'RejectQuote':
      return decideReject(command, state);
    case 'SendQuote':
      return decideSend(command, state);
    case 'SubmitBid':
      return decideSubmitBid(command, state);
    case 'RecordCustomerAnswer':
      return decideCustomerAnswer(command, state);
  }
}

export const opportunityDecider: Decider<OpportunityCommand, OpportunityEvent, OpportunityState> = {
  initialState: initialOpportunityState,
  decide: decideOpportunity,
  evolve: evolveOpportunity,
};
