import { InvalidInputError } from '#ltc/kernel';
import type { FlagInvoiceOverdue, SendInvoiceReminder } from './contract.commands.js';
import type { ContractEvent } from './contract.events.js';
import { openOnInvoiceMinor, type Contract, type ContractState, type Invoice } from './contract.state.js';
import { addDaysToInstant, attributed, existing, money } from './contract-guards.js';
import { existingInvoice } from './contract-billing.decide.js';
import { reminderDaysOf } from './contract-vocabulary.js';

/** Stale-safe: an early timer, a settled invoice or one already flagged changes nothing. */
export function decideOverdue(command: FlagInvoiceOverdue, state: ContractState): ContractEvent[] {
  const contract = existing(state, command.contractId);
  const invoice = existingInvoice(contract, command.invoiceId);
  const open = openOnInvoiceMinor(invoice);
  if (invoice.overdue || open === 0 || command.now.getTime() < Date.parse(invoice.dueAt)) return [];
  return [
    {
      type: 'InvoiceOverdue',
      data: { ...dunning(contract, invoice, command), open: money(open, contract.currency) },
    },
  ];
}

/** Stale-safe like the overdue flag: one reminder per day the terms name, only while money is open. */
export function decideReminder(command: SendInvoiceReminder, state: ContractState): ContractEvent[] {
  const contract = existing(state, command.contractId);
  const invoice = existingInvoice(contract, command.invoiceId);
  const days = command.daysAfterDue;
  if (!Number.isSafeInteger(days) || days < 1) {
    throw new InvalidInputError('daysAfterDue', 'positiveWhole', 'daysAfterDue must be a whole number ≥ 1');
  }
  const open = openOnInvoiceMinor(invoice);
  const early = command.now.getTime() < addDaysToInstant(invoice.dueAt, days);
  // A timer for a day the terms do not name (stale, or scheduled by hand) changes nothing.
  const named = reminderDaysOf(contract.paymentTerms).includes(days);
  if (!named || invoice.reminders.includes(days) || open === 0 || early) return [];
  return [
    {
      type: 'InvoiceReminderDue',
      data: { ...dunning(contract, invoice, command), daysAfterDue: days, open: money(open, contract.currency) },
    },
  ];
}

const dunning = (contract: Contract, invoice: Invoice, command: { actor: { id: string }; now: Date }) => ({
  ...attributed(contract, command),
  invoiceId: invoice.invoiceId,
  dueOn: invoice.dueOn,
  ar: contract.handover.triangle.ar,
});
