import { DomainError, InvalidInputError, NotFoundError } from '#ltc/kernel';
import type { IssueCreditNote, IssueInvoice, RecordPayment, RecordUnappliedCash } from './contract.commands.js';
import type { ContractEvent } from './contract.events.js';
import { invoiceOf, openOnInvoiceMinor, type Contract, type ContractState, type Invoice } from './contract.state.js';
import { MILESTONES } from './contract-vocabulary.js';
import { figuresOf, invoicedForMilestoneMinor, milestoneInvoiceableMinor } from './contract-balance.js';
import {
  addDays,
  amountIn,
  calendarDate,
  endOfDay,
  executingContract,
  existing,
  freshId,
  iso,
  money,
  optional,
  required,
  attributed,
} from './contract-guards.js';

/** Never above what may be invoiced now, in all and for the milestone billed; due from the payment terms. */
export function decideInvoice(command: IssueInvoice, state: ContractState): ContractEvent[] {
  const contract = executingContract(state, command.contractId);
  const ids = contract.invoices.map((i) => i.invoiceId);
  const invoiceId = freshId(ids, command.invoiceId, 'INVOICE_ALREADY_EXISTS', 'invoice');
  const milestone = command.milestone ?? 'on_acceptance';
  if (!(MILESTONES as readonly string[]).includes(milestone)) {
    throw new InvalidInputError('milestone', 'milestone', `milestone must be one of ${MILESTONES.join(', ')}`);
  }
  const terms = contract.paymentTerms;
  if (terms === null || !terms.milestones.some((m) => m.milestone === milestone)) {
    throw new DomainError('MILESTONE_NOT_IN_TERMS', `The payment terms bill nothing ${milestone}`, { milestone });
  }
  const amount = amountIn(contract.currency, command.amount, 'amount');
  const { invoicedMinor, invoiceableMinor } = figuresOf(contract);
  if (invoicedMinor + amount > invoiceableMinor) {
    throw new DomainError(
      'INVOICE_EXCEEDS_INVOICEABLE',
      `Only ${invoiceableMinor - invoicedMinor} may be invoiced now (invoiceable ${invoiceableMinor}, invoiced ${invoicedMinor})`,
      { invoiceableMinor, invoicedMinor, requestedMinor: amount },
    );
  }
  const milestoneInvoiced = invoicedForMilestoneMinor(contract, milestone);
  const milestoneInvoiceable = milestoneInvoiceableMinor(contract, milestone);
  if (milestoneInvoiced + amount > milestoneInvoiceable) {
    throw new DomainError(
      'INVOICE_EXCEEDS_MILESTONE',
      `Only ${milestoneInvoiceable - milestoneInvoiced} may be invoiced ${milestone} now`,
      { milestone, invoiceableMinor: milestoneInvoiceable, invoicedMinor: milestoneInvoiced, requestedMinor: amount },
    );
  }
  const issuedOn = calendarDate(command.issuedOn, 'issuedOn');
  const due = dueOf(command.dueAt, addDays(issuedOn, terms.dueDays));
  return [
    {
      type: 'InvoiceIssued',
      data: {
        ...attributed(contract, command),
        invoiceId,
        milestone,
        amount: money(amount, contract.currency),
        issuedOn,
        ...due,
        ar: contract.handover.triangle.ar,
      },
    },
  ];
}

/** Reverses part of what is still open on an invoice (a paid part is refunded, not credited). */
export function decideCreditNote(command: IssueCreditNote, state: ContractState): ContractEvent[] {
  const contract = collectingContract(state, command.contractId);
  const invoice = existingInvoice(contract, command.invoiceId);
  const ids = contract.invoices.flatMap((i) => i.creditNoteIds);
  const creditNoteId = freshId(ids, command.creditNoteId, 'CREDIT_NOTE_ALREADY_EXISTS', 'creditNote');
  const amount = amountIn(contract.currency, command.amount, 'amount');
  const open = openOnInvoiceMinor(invoice);
  if (amount > open) {
    throw new DomainError('CREDIT_EXCEEDS_OPEN_AMOUNT', `Only ${open} is open on invoice ${invoice.invoiceId}`, {
      openMinor: open,
      requestedMinor: amount,
    });
  }
  return [
    {
      type: 'CreditNoteIssued',
      data: {
        ...attributed(contract, command),
        invoiceId: invoice.invoiceId,
        creditNoteId,
        amount: money(amount, contract.currency),
        reason: required(command.reason, 'reason'),
        issuedOn: calendarDate(command.issuedOn, 'issuedOn'),
      },
    },
  ];
}

/** Partial payments allowed, never more than is open: an overpayment is refused whole (record it as unapplied cash). */
export function decidePayment(command: RecordPayment, state: ContractState): ContractEvent[] {
  const contract = collectingContract(state, command.contractId);
  const invoice = existingInvoice(contract, command.invoiceId);
  const ids = contract.invoices.flatMap((i) => i.paymentIds);
  const paymentId = freshId(ids, command.paymentId, 'PAYMENT_ALREADY_EXISTS', 'payment');
  const amount = amountIn(contract.currency, command.amount, 'amount');
  const open = openOnInvoiceMinor(invoice);
  if (amount > open) {
    throw new DomainError(
      'PAYMENT_EXCEEDS_OPEN_AMOUNT',
      `Only ${open} is open on invoice ${invoice.invoiceId}; record the rest as unapplied cash`,
      { openMinor: open, requestedMinor: amount },
    );
  }
  return [
    {
      type: 'PaymentReceived',
      data: {
        ...attributed(contract, command),
        invoiceId: invoice.invoiceId,
        paymentId,
        amount: money(amount, contract.currency),
        receivedOn: calendarDate(command.receivedOn, 'receivedOn'),
        openAfter: money(open - amount, contract.currency),
      },
    },
  ];
}

/** Cash for the contract that no invoice takes: kept on record, whatever state the contract is in. */
export function decideUnappliedCash(command: RecordUnappliedCash, state: ContractState): ContractEvent[] {
  const contract = existing(state, command.contractId);
  if (!contract.signed)
    throw new DomainError('CONTRACT_NOT_SIGNED', `Contract ${contract.contractId} is not signed yet`);
  const cashId = freshId(contract.unappliedCashIds, command.cashId, 'UNAPPLIED_CASH_ALREADY_EXISTS', 'cash');
  return [
    {
      type: 'UnappliedCashRecorded',
      data: {
        ...attributed(contract, command),
        cashId,
        amount: money(amountIn(contract.currency, command.amount, 'amount'), contract.currency),
        receivedOn: calendarDate(command.receivedOn, 'receivedOn'),
        note: optional(command.note),
      },
    },
  ];
}

/** Signed and not closed: a terminated contract still collects what it invoiced. */
function collectingContract(state: ContractState, contractId: string): Contract {
  const contract = existing(state, contractId);
  if (contract.status === 'closed') throw new DomainError('CONTRACT_CLOSED', `Contract ${contractId} is closed`);
  if (!contract.signed) throw new DomainError('CONTRACT_NOT_SIGNED', `Contract ${contractId} is not signed yet`);
  return contract;
}

export function existingInvoice(contract: Contract, invoiceId: string): Invoice {
  const invoice = invoiceOf(contract, invoiceId);
  if (invoice === undefined) throw new NotFoundError('Invoice', invoiceId);
  return invoice;
}

/** The due date and moment: an agreed instant, or the end of the day the terms give. */
function dueOf(agreed: Date | null, termsDueOn: string): { dueOn: string; dueAt: string } {
  if (agreed === null) return { dueOn: termsDueOn, dueAt: endOfDay(termsDueOn) };
  if (Number.isNaN(agreed.getTime())) throw new InvalidInputError('dueAt', 'dateTime', 'dueAt must be a date-time');
  return { dueOn: iso(agreed).slice(0, 10), dueAt: iso(agreed) };
}
