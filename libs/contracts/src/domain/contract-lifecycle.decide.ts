import { DomainError, InvalidInputError, NotFoundError, isCurrencyCode } from '#ltc/kernel';
import type {
  ApproveAmendment,
  DraftContract,
  RejectAmendment,
  RequestAmendment,
  SignContract,
  TerminateContract,
} from './contract.commands.js';
import type { ContractEvent } from './contract.events.js';
import type { Contract, ContractState } from './contract.state.js';
import { figuresOf, invoicedForMilestoneMinor, milestoneInvoiceableMinor } from './contract-balance.js';
import {
  amountIn,
  calendarDate,
  freshId,
  iso,
  liveContract,
  money,
  optional,
  required,
  signedContract,
} from './contract-guards.js';
import { paymentTermsOf } from './contract-terms.js';

export function decideDraft(command: DraftContract, state: ContractState): ContractEvent[] {
  if (state.status !== 'none') {
    // The process manager drafts on every replay of the win: the same deal drafts once.
    if (state.dealId === command.dealId) return [];
    throw new DomainError('CONTRACT_ALREADY_EXISTS', `Contract ${command.contractId} already exists`);
  }
  if (!Number.isSafeInteger(command.quoteVersion) || command.quoteVersion < 1) {
    throw new InvalidInputError('quoteVersion', 'positiveWhole', 'quoteVersion must be a whole number of at least 1');
  }
  if (!isCurrencyCode(command.quoteTotal.currency)) {
    throw new InvalidInputError('quoteTotal.currency', 'currency', 'quoteTotal.currency must be an ISO 4217 code');
  }
  const total = amountIn(command.quoteTotal.currency, command.quoteTotal, 'quoteTotal', true);
  const { triangle } = command;
  return [
    {
      type: 'ContractDrafted',
      data: {
        contractId: command.contractId,
        dealId: required(command.dealId, 'dealId'),
        quoteVersion: command.quoteVersion,
        quoteTotal: money(total, command.quoteTotal.currency),
        triangle: {
          ar: required(triangle.ar, 'triangle.ar'),
          sr: optional(triangle.sr),
          fr: optional(triangle.fr),
          sponsor: optional(triangle.sponsor),
        },
        actor: command.actor.id,
        at: iso(command.now),
      },
    },
  ];
}

/** Signed once, for the winning quote, at its total unless a reason for the difference is given. */
export function decideSign(command: SignContract, state: ContractState): ContractEvent[] {
  const contract = liveContract(state, command.contractId);
  if (contract.signed) throw new DomainError('CONTRACT_ALREADY_SIGNED', `Contract ${contract.contractId} is signed`);
  if (command.quoteVersion !== contract.quoteVersion) {
    throw new DomainError(
      'QUOTE_VERSION_NOT_WON',
      `The deal was won with quote version ${contract.quoteVersion}, not ${command.quoteVersion}`,
      { wonQuoteVersion: contract.quoteVersion },
    );
  }
  const value = amountIn(contract.currency, command.value, 'value');
  const reason = optional(command.valueDifferenceReason);
  if (value !== contract.quoteTotalMinor && reason === null) {
    throw new InvalidInputError(
      'valueDifferenceReason',
      'requiredWhenValueDiffers',
      `the value differs from the winning quote's total (${contract.quoteTotalMinor}); say why`,
    );
  }
  return [
    {
      type: 'ContractSigned',
      data: {
        ...attributed(contract, command),
        value: money(value, contract.currency),
        valueDifferenceReason: value === contract.quoteTotalMinor ? null : reason,
        paymentTerms: paymentTermsOf(command.paymentTerms),
        signedOn: calendarDate(command.signedOn, 'signedOn'),
        signatory: required(command.signatory, 'signatory'),
        quoteVersion: command.quoteVersion,
      },
    },
  ];
}

/** One amendment waits at a time, so the value it was asked against is still the value when it is approved. */
export function decideRequestAmendment(command: RequestAmendment, state: ContractState): ContractEvent[] {
  const contract = signedContract(state, command.contractId);
  const pending = contract.pendingAmendment;
  if (pending !== null) {
    throw new DomainError('AMENDMENT_PENDING', `Amendment ${pending.amendmentId} waits for approval`, {
      amendmentId: pending.amendmentId,
    });
  }
  const amendmentId = freshId(contract.amendmentIds, command.amendmentId, 'AMENDMENT_ALREADY_EXISTS', 'amendment');
  const value = amountIn(contract.currency, command.value, 'value');
  const reason = required(command.reason, 'reason');
  if (value === contract.valueMinor) {
    throw new InvalidInputError('value.amountMinor', 'changes', 'an amendment changes the value');
  }
  checkAmendedValue(contract, value);
  return [
    {
      type: 'ContractAmendmentRequested',
      data: {
        ...attributed(contract, command),
        amendmentId,
        value: money(value, contract.currency),
        previousValue: money(contract.valueMinor, contract.currency),
        reason,
      },
    },
  ];
}

/** A sales manager other than the requester approves; the invariants are checked again against today's state. */
export function decideApproveAmendment(command: ApproveAmendment, state: ContractState): ContractEvent[] {
  const contract = signedContract(state, command.contractId);
  const pending = pendingAmendment(contract, command.amendmentId, command.actor);
  checkAmendedValue(contract, pending.valueMinor);
  return [
    {
      type: 'ContractAmended',
      data: {
        ...attributed(contract, command),
        amendmentId: pending.amendmentId,
        value: money(pending.valueMinor, contract.currency),
        previousValue: money(contract.valueMinor, contract.currency),
        reason: pending.reason,
        requestedBy: pending.requestedBy,
        note: optional(command.note),
      },
    },
  ];
}

export function decideRejectAmendment(command: RejectAmendment, state: ContractState): ContractEvent[] {
  const contract = signedContract(state, command.contractId);
  const pending = pendingAmendment(contract, command.amendmentId, command.actor);
  return [
    {
      type: 'ContractAmendmentRejected',
      data: {
        ...attributed(contract, command),
        amendmentId: pending.amendmentId,
        reason: required(command.reason, 'reason'),
      },
    },
  ];
}

export function decideTerminate(command: TerminateContract, state: ContractState): ContractEvent[] {
  const contract = liveContract(state, command.contractId);
  return [
    {
      type: 'ContractTerminated',
      data: { ...attributed(contract, command), dealId: contract.dealId, reason: required(command.reason, 'reason') },
    },
  ];
}

export const attributed = (contract: Contract, command: { actor: { id: string }; now: Date }) => ({
  contractId: contract.contractId,
  actor: command.actor.id,
  at: iso(command.now),
});

function pendingAmendment(contract: Contract, amendmentId: string, actor: { id: string; salesManager: boolean }) {
  const pending = contract.pendingAmendment;
  if (pending === null || pending.amendmentId !== amendmentId) {
    if (!contract.amendmentIds.includes(amendmentId)) throw new NotFoundError('Amendment', amendmentId);
    throw new DomainError('AMENDMENT_NOT_PENDING', `Amendment ${amendmentId} is already decided`);
  }
  if (!actor.salesManager) {
    throw new DomainError('APPROVER_NOT_SALES_MANAGER', 'Only a sales manager decides on an amendment');
  }
  if (actor.id === pending.requestedBy) {
    throw new DomainError(
      'APPROVER_IS_REQUESTER',
      'An amendment is decided by a sales manager other than its requester',
    );
  }
  return pending;
}

/** A lower value may not leave more ordered, or more invoiced, than the new value allows. */
function checkAmendedValue(contract: Contract, valueMinor: number): void {
  const amended: Contract = { ...contract, valueMinor };
  const figures = figuresOf(amended);
  if (figures.orderedMinor > valueMinor) {
    throw new DomainError('AMENDMENT_BELOW_ORDERED', `Purchase orders already hold ${figures.orderedMinor}`, {
      orderedMinor: figures.orderedMinor,
    });
  }
  const milestones = amended.paymentTerms?.milestones ?? [];
  const overMilestone = milestones.some(
    ({ milestone }) => invoicedForMilestoneMinor(amended, milestone) > milestoneInvoiceableMinor(amended, milestone),
  );
  if (figures.invoicedMinor > figures.invoiceableMinor || overMilestone) {
    throw new DomainError('AMENDMENT_BELOW_INVOICED', `More is invoiced than the new value allows`, {
      invoicedMinor: figures.invoicedMinor,
      invoiceableMinor: figures.invoiceableMinor,
    });
  }
}
