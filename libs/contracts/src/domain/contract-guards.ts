import { DomainError, InvalidInputError, NotFoundError, isCurrencyCode, type Money } from '#ltc/kernel';
import type { Contract, ContractState } from './contract.state.js';

/** The contract must exist; a command on a missing one is a 404. */
export function existing(state: ContractState, contractId: string): Contract {
  if (state.status === 'none') throw new NotFoundError('Contract', contractId);
  return state;
}

/** Neither closed nor terminated: the contract still changes. */
export function liveContract(state: ContractState, contractId: string): Contract {
  const contract = existing(state, contractId);
  if (contract.status === 'closed') throw new DomainError('CONTRACT_CLOSED', `Contract ${contractId} is closed`);
  if (contract.status === 'terminated') {
    throw new DomainError('CONTRACT_TERMINATED', `Contract ${contractId} is terminated`);
  }
  return contract;
}

/** Live and signed: value, terms and currency are settled. */
export function signedContract(state: ContractState, contractId: string): Contract {
  const contract = liveContract(state, contractId);
  if (!contract.signed) throw new DomainError('CONTRACT_NOT_SIGNED', `Contract ${contractId} is not signed yet`);
  return contract;
}

/** Signed and handed over to the FR: only then are orders placed, delivered, accepted and invoiced. */
export function executingContract(state: ContractState, contractId: string): Contract {
  const contract = signedContract(state, contractId);
  if (contract.handedOverTo === null) {
    throw new DomainError(
      'CONTRACT_NOT_HANDED_OVER',
      `Contract ${contractId} is not handed over to its FR yet; hold the handover meeting first`,
    );
  }
  return contract;
}

/**
 * A well-formed amount in the contract's currency (amounts are never converted), in minor
 * units; positive unless `zeroAllowed`.
 */
export function amountIn(currency: string, money: Money, field: string, zeroAllowed = false): number {
  const { amountMinor } = money;
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 0) {
    throw new InvalidInputError(
      `${field}.amountMinor`,
      'minorUnits',
      `${field}.amountMinor must be a whole, non-negative number of minor units`,
    );
  }
  if (!zeroAllowed && amountMinor === 0) {
    throw new InvalidInputError(`${field}.amountMinor`, 'positive', `${field}.amountMinor must be more than zero`);
  }
  if (!isCurrencyCode(money.currency)) {
    throw new InvalidInputError(`${field}.currency`, 'currency', `${field}.currency must be an ISO 4217 code`);
  }
  if (money.currency !== currency) {
    throw new InvalidInputError(
      `${field}.currency`,
      'contractCurrency',
      `${field}.currency must be the contract's currency ${currency}; amounts are never converted`,
    );
  }
  return amountMinor;
}

export const money = (amountMinor: number, currency: string): Money => ({ amountMinor, currency });

/** A free text the rule requires: trimmed, not empty. */
export function required(value: string | null, field: string): string {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') throw new InvalidInputError(field, 'notEmpty', `${field} must not be empty`);
  return trimmed;
}

/** An optional free text: trimmed, and null when blank. */
export const optional = (value: string | null): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/** An id not used before on this contract: a second use is a conflict, never a silent overwrite. */
export function freshId(ids: readonly string[], id: string, code: string, what: string): string {
  const trimmed = required(id, `${what}Id`);
  if (ids.includes(trimmed)) throw new DomainError(code, `${what} ${trimmed} already exists`, { id: trimmed });
  return trimmed;
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** A `YYYY-MM-DD` date that exists on the calendar (no 31 April). */
export function calendarDate(value: string, field: string): string {
  const date = CALENDAR_DATE.test(value) ? new Date(`${value}T00:00:00Z`) : null;
  if (date === null || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new InvalidInputError(field, 'calendarDate', `${field} must be a date YYYY-MM-DD`);
  }
  return value;
}

/** Pure calendar arithmetic on `YYYY-MM-DD` (UTC, so no daylight saving shifts a day). */
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The first instant after a date has ended (UTC): when something due that day becomes overdue. */
export const endOfDay = (date: string): string => `${addDays(date, 1)}T00:00:00.000Z`;

export const iso = (date: Date): string => date.toISOString();

export const addDaysToInstant = (instant: string, days: number): number => Date.parse(instant) + days * DAY_MS;

/** Who gave the command and when: the part every contract event shares. */
export const attributed = (contract: Contract, command: { actor: { id: string }; now: Date }) => ({
  contractId: contract.contractId,
  actor: command.actor.id,
  at: iso(command.now),
});
