import { DomainError, InvalidInputError, isCurrencyCode } from '#ltc/kernel';
import type { DraftContract, SignContract, TerminateContract } from './contract.commands.js';
import type { ContractEvent } from './contract.events.js';
import type { ContractState } from './contract.state.js';
import { amountIn, attributed, calendarDate, iso, liveContract, money, optional, required } from './contract-guards.js';
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

export function decideTerminate(command: TerminateContract, state: ContractState): ContractEvent[] {
  const contract = liveContract(state, command.contractId);
  return [
    {
      type: 'ContractTerminated',
      data: { ...attributed(contract, command), dealId: contract.dealId, reason: required(command.reason, 'reason') },
    },
  ];
}
