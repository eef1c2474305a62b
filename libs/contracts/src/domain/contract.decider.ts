import type { Decider } from '#ltc/kernel';
import type { ContractCommand } from './contract.commands.js';
import type { ContractEvent } from './contract.events.js';
import { evolveContract } from './contract.evolve.js';
import { initialContractState, type ContractState } from './contract.state.js';
import { fulfilledInFull } from './contract-balance.js';
import { iso } from './contract-guards.js';
import { decideDraft, decideSign, decideTerminate } from './contract-lifecycle.decide.js';
import { decideApproveAmendment, decideRejectAmendment, decideRequestAmendment } from './contract-amendments.decide.js';
import { decideHoldHandover, decideScheduleHandover } from './contract-handover.decide.js';
import { decideAcceptance, decideCancelOrder, decideDelivery, decidePlaceOrder } from './contract-delivery.decide.js';
import { decideCreditNote, decideInvoice, decidePayment, decideUnappliedCash } from './contract-billing.decide.js';
import { decideOverdue, decideReminder } from './contract-dunning.decide.js';

function decideCommand(command: ContractCommand, state: ContractState): ContractEvent[] {
  switch (command.type) {
    case 'DraftContract':
      return decideDraft(command, state);
    case 'SignContract':
      return decideSign(command, state);
    case 'RequestAmendment':
      return decideRequestAmendment(command, state);
    case 'ApproveAmendment':
      return decideApproveAmendment(command, state);
    case 'RejectAmendment':
      return decideRejectAmendment(command, state);
    case 'ScheduleHandoverMeeting':
      return decideScheduleHandover(command, state);
    case 'HoldHandoverMeeting':
      return decideHoldHandover(command, state);
    case 'PlacePurchaseOrder':
      return decidePlaceOrder(command, state);
    case 'CancelPurchaseOrder':
      return decideCancelOrder(command, state);
    case 'RecordDelivery':
      return decideDelivery(command, state);
    case 'RecordAcceptance':
      return decideAcceptance(command, state);
    case 'IssueInvoice':
      return decideInvoice(command, state);
    case 'IssueCreditNote':
      return decideCreditNote(command, state);
    case 'RecordPayment':
      return decidePayment(command, state);
    case 'RecordUnappliedCash':
      return decideUnappliedCash(command, state);
    case 'FlagInvoiceOverdue':
      return decideOverdue(command, state);
    case 'SendInvoiceReminder':
      return decideReminder(command, state);
    case 'TerminateContract':
      return decideTerminate(command, state);
  }
}

/**
 * Decides what a command on a contract means. The decision that completes the contract
 * (usually the last payment; an acceptance or amendment can too) closes it in the same
 * append, so no contract is ever fully paid and still open, whichever command got there.
 */
export function decideContract(command: ContractCommand, state: ContractState): ContractEvent[] {
  const events = decideCommand(command, state);
  if (events.length === 0 || state.status !== 'signed') return events;
  const after = events.reduce(evolveContract, state);
  if (after.status !== 'signed' || !fulfilledInFull(after)) return events;
  const closed: ContractEvent = {
    type: 'ContractClosed',
    data: {
      contractId: after.contractId,
      dealId: after.dealId,
      value: { amountMinor: after.valueMinor, currency: after.currency },
      actor: command.actor.id,
      at: iso(command.now),
    },
  };
  return [...events, closed];
}

export const contractDecider: Decider<ContractCommand, ContractEvent, ContractState> = {
  initialState: initialContractState,
  decide: decideContract,
  evolve: evolveContract,
};
