import type { RecordedEvent } from '#ltc/event-store';
import type { ProcessManagerEffect } from '#ltc/projections';
import type { InvoiceIssued } from '../domain/contract.events.js';
import { addDaysToInstant } from '../domain/contract-guards.js';
import { DEFAULT_REMINDER_DAYS } from '../domain/contract-vocabulary.js';

/** One durable timer per invoice and step, named by the invoice, so a redelivered issue schedules it once. */
export const overdueTimerId = (contractId: string, invoiceId: string): string =>
  `invoice-overdue-${contractId}-${invoiceId}`;
export const reminderTimerId = (contractId: string, invoiceId: string, days: number): string =>
  `invoice-reminder-${contractId}-${invoiceId}-${days}`;

/** The events after which an invoice may have nothing open left. */
export const SETTLING_EVENTS = ['PaymentReceived', 'CreditNoteIssued'] as const;

/** The invoice a settling event is for, with its open minor units as of that event. */
export interface InvoiceAtEvent {
  readonly invoiceId: string;
  readonly openMinor: number;
}

/** What the shell reads from the contract folded up to the event. */
export interface ContractAtEvent {
  /** The reminder days of the contract's payment terms. */
  readonly reminderDays: readonly number[];
  /** For a settling event, its invoice; null for any other event or an invoice the contract does not know. */
  readonly settled: InvoiceAtEvent | null;
}

/**
 * An issued invoice is watched by durable timers: at its due moment `contract.FlagInvoiceOverdue`,
 * then `contract.SendInvoiceReminder` at each of the days the contract's payment terms name, as
 * of the issue (an amendment does not change them). Both commands decide nothing for an invoice
 * settled meanwhile, so the timers are cancelled only to spare the work: when a payment or credit
 * note leaves nothing open on the invoice (`settled`, read by the shell from the contract's
 * stream up to the event).
 */
export function decideDunning(event: RecordedEvent, contract: ContractAtEvent | null): ProcessManagerEffect[] {
  const reminderDays = contract?.reminderDays ?? DEFAULT_REMINDER_DAYS;
  if (event.type === 'InvoiceIssued') {
    const { contractId, invoiceId, dueAt } = event.data as InvoiceIssued['data'];
    return [
      {
        kind: 'schedule',
        timer: {
          timerId: overdueTimerId(contractId, invoiceId),
          dueAt: new Date(dueAt),
          command: { type: 'contract.FlagInvoiceOverdue', payload: { contractId, invoiceId } },
        },
      },
      ...reminderDays.map((days): ProcessManagerEffect => ({
        kind: 'schedule',
        timer: {
          timerId: reminderTimerId(contractId, invoiceId, days),
          dueAt: new Date(addDaysToInstant(dueAt, days)),
          command: { type: 'contract.SendInvoiceReminder', payload: { contractId, invoiceId, daysAfterDue: days } },
        },
      })),
    ];
  }
  const settled = contract?.settled ?? null;
  if (!(SETTLING_EVENTS as readonly string[]).includes(event.type) || settled === null || settled.openMinor > 0) {
    return [];
  }
  const { contractId } = event.data as { contractId: string };
  return [
    { kind: 'cancel', timerId: overdueTimerId(contractId, settled.invoiceId) },
    ...reminderDays.map((days): ProcessManagerEffect => ({
      kind: 'cancel',
      timerId: reminderTimerId(contractId, settled.invoiceId, days),
    })),
  ];
}
