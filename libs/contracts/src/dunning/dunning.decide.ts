import type { RecordedEvent } from '#ltc/event-store';
import type { ProcessManagerEffect } from '#ltc/projections';
import type { InvoiceIssued } from '../domain/contract.events.js';
import { addDaysToInstant } from '../domain/contract-guards.js';

/**
 * Days after the due date a reminder goes out. A constant rather than configuration: the
 * timers are scheduled from the invoice's event, so changing the list later would only
 * affect invoices issued after the change — the domain's `SendInvoiceReminder` accepts any
 * whole number of days.
 */
export const REMINDER_DAYS = [7, 14, 30] as const;

/** One durable timer per invoice and step, named by the invoice, so a redelivered issue schedules it once. */
export const overdueTimerId = (contractId: string, invoiceId: string): string =>
  `invoice-overdue-${contractId}-${invoiceId}`;
export const reminderTimerId = (contractId: string, invoiceId: string, days: number): string =>
  `invoice-reminder-${contractId}-${invoiceId}-${days}`;

/** The events after which an invoice may have nothing open left. */
export const SETTLING_EVENTS = ['PaymentReceived', 'CreditNoteIssued'] as const;

/** What the shell reads for a settling event: the invoice's open minor units as of that event. */
export interface InvoiceAtEvent {
  readonly invoiceId: string;
  readonly openMinor: number;
}

/**
 * An issued invoice is watched by durable timers: at its due moment `contract.FlagInvoiceOverdue`,
 * then `contract.SendInvoiceReminder` so many days after (`REMINDER_DAYS`). Both commands decide
 * nothing for an invoice settled meanwhile, so the timers are cancelled only to spare the work:
 * when a payment or credit note leaves nothing open on the invoice (`settled`, read by the shell
 * from the contract's stream up to the event).
 */
export function decideDunning(event: RecordedEvent, settled: InvoiceAtEvent | null): ProcessManagerEffect[] {
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
      ...REMINDER_DAYS.map((days): ProcessManagerEffect => ({
        kind: 'schedule',
        timer: {
          timerId: reminderTimerId(contractId, invoiceId, days),
          dueAt: new Date(addDaysToInstant(dueAt, days)),
          command: { type: 'contract.SendInvoiceReminder', payload: { contractId, invoiceId, daysAfterDue: days } },
        },
      })),
    ];
  }
  if (!(SETTLING_EVENTS as readonly string[]).includes(event.type) || settled === null || settled.openMinor > 0) {
    return [];
  }
  const { contractId } = event.data as { contractId: string };
  return [
    { kind: 'cancel', timerId: overdueTimerId(contractId, settled.invoiceId) },
    ...REMINDER_DAYS.map((days): ProcessManagerEffect => ({
      kind: 'cancel',
      timerId: reminderTimerId(contractId, settled.invoiceId, days),
    })),
  ];
}
