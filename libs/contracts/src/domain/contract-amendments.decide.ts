import { DomainError, InvalidInputError, NotFoundError } from '#ltc/kernel';
import type { ApproveAmendment, RejectAmendment, RequestAmendment } from './contract.commands.js';
import type { ContractEvent } from './contract.events.js';
import type { Contract, ContractState } from './contract.state.js';
import { figuresOf, invoicedForMilestoneMinor, milestoneInvoiceableMinor } from './contract-balance.js';
import { amountIn, attributed, freshId, money, optional, required, signedContract } from './contract-guards.js';

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
