import type { DomainEvent, Money } from '#ltc/kernel';
import type { DeliveredItem, Milestone, OpenItem, OrderLine, PaymentTerms, Triangle } from './contract-vocabulary.js';

/** Who did it and when: on every contract event. */
interface Attributed {
  readonly contractId: string;
  readonly actor: string;
  readonly at: string;
}

/** A contract drafted from a won deal: same deal id, the winning quote's version and total, the deal's triangle. */
export type ContractDrafted = DomainEvent<
  'ContractDrafted',
  Attributed & {
    readonly dealId: string;
    readonly quoteVersion: number;
    readonly quoteTotal: Money;
    readonly triangle: Triangle;
  }
>;

/** The customer signed: the value (the quote's total unless a reason says why not) and the payment terms. */
export type ContractSigned = DomainEvent<
  'ContractSigned',
  Attributed & {
    readonly value: Money;
    /** Why the value differs from the winning quote's total; null when it does not. */
    readonly valueDifferenceReason: string | null;
    readonly paymentTerms: PaymentTerms;
    /** `YYYY-MM-DD`. */
    readonly signedOn: string;
    readonly signatory: string;
    readonly quoteVersion: number;
  }
>;

/** Someone asked to change the value; it changes only when a sales manager other than them approves. */
export type ContractAmendmentRequested = DomainEvent<
  'ContractAmendmentRequested',
  Attributed & {
    readonly amendmentId: string;
    readonly value: Money;
    readonly previousValue: Money;
    readonly reason: string;
  }
>;

/** The amendment was approved: from now on every invariant uses `value`. */
export type ContractAmended = DomainEvent<
  'ContractAmended',
  Attributed & {
    readonly amendmentId: string;
    readonly value: Money;
    readonly previousValue: Money;
    readonly reason: string;
    readonly requestedBy: string;
    readonly note: string | null;
  }
>;

export type ContractAmendmentRejected = DomainEvent<
  'ContractAmendmentRejected',
  Attributed & { readonly amendmentId: string; readonly reason: string }
>;

/** The handover meeting was (re)scheduled with the deal's triangle as it stands now. */
export type HandoverMeetingScheduled = DomainEvent<
  'HandoverMeetingScheduled',
  Attributed & {
    readonly scheduledAt: string;
    readonly attendees: readonly string[];
    readonly triangle: Triangle;
    /** When it was scheduled before (a reschedule); null the first time. */
    readonly previousScheduledAt: string | null;
  }
>;

export type HandoverMeetingHeld = DomainEvent<
  'HandoverMeetingHeld',
  Attributed & {
    readonly heldAt: string;
    readonly attendeesPresent: readonly string[];
    readonly notes: string | null;
    readonly openItems: readonly OpenItem[];
    readonly risks: readonly string[];
  }
>;

/** Command of the deal passes from the AR to the FR: execution may start. */
export type ContractHandedOver = DomainEvent<
  'ContractHandedOver',
  Attributed & { readonly dealId: string; readonly from: string; readonly to: string }
>;

export type PurchaseOrderPlaced = DomainEvent<
  'PurchaseOrderPlaced',
  Attributed & {
    readonly purchaseOrderId: string;
    readonly reference: string | null;
    readonly lines: readonly OrderLine[];
    /** The sum of the lines. */
    readonly value: Money;
    /** `YYYY-MM-DD`. */
    readonly orderedOn: string;
  }
>;

/** Cancelled before anything of it stayed delivered: its value is free again. */
export type PurchaseOrderCancelled = DomainEvent<
  'PurchaseOrderCancelled',
  Attributed & { readonly purchaseOrderId: string; readonly value: Money; readonly reason: string }
>;

export type DeliveryRecorded = DomainEvent<
  'DeliveryRecorded',
  Attributed & {
    readonly purchaseOrderId: string;
    readonly deliveryId: string;
    readonly value: Money;
    readonly items: readonly DeliveredItem[];
    readonly deliveredOn: string;
  }
>;

/** The customer accepted part (or, with `full`, all that is delivered) of a purchase order. */
export type DeliveryAccepted = DomainEvent<
  'DeliveryAccepted',
  Attributed & {
    readonly purchaseOrderId: string;
    readonly acceptanceId: string;
    readonly value: Money;
    /** Everything delivered on the order is now accepted. */
    readonly full: boolean;
    readonly acceptedOn: string;
  }
>;

/** The customer rejected part of what was delivered: it counts as not delivered (returned) and may be delivered again. */
export type DeliveryRejected = DomainEvent<
  'DeliveryRejected',
  Attributed & {
    readonly purchaseOrderId: string;
    readonly acceptanceId: string;
    readonly value: Money;
    readonly reason: string;
    readonly rejectedOn: string;
  }
>;

export type InvoiceIssued = DomainEvent<
  'InvoiceIssued',
  Attributed & {
    readonly invoiceId: string;
    readonly milestone: Milestone;
    readonly amount: Money;
    readonly issuedOn: string;
    readonly dueOn: string;
    /** The instant it is overdue from: the end of `dueOn` (UTC), unless the invoice named another. */
    readonly dueAt: string;
    /** Who collects the cash: the deal's AR. */
    readonly ar: string;
  }
>;

export type CreditNoteIssued = DomainEvent<
  'CreditNoteIssued',
  Attributed & {
    readonly invoiceId: string;
    readonly creditNoteId: string;
    readonly amount: Money;
    readonly reason: string;
    readonly issuedOn: string;
  }
>;

export type PaymentReceived = DomainEvent<
  'PaymentReceived',
  Attributed & {
    readonly invoiceId: string;
    readonly paymentId: string;
    readonly amount: Money;
    readonly receivedOn: string;
    /** What is still open on the invoice after this payment. */
    readonly openAfter: Money;
  }
>;

/** Cash that came in for the contract but is not applied to an invoice (e.g. an overpayment). */
export type UnappliedCashRecorded = DomainEvent<
  'UnappliedCashRecorded',
  Attributed & {
    readonly cashId: string;
    readonly amount: Money;
    readonly receivedOn: string;
    readonly note: string | null;
  }
>;

/** The invoice's due moment passed with money still open: lands in the AR's inbox. */
export type InvoiceOverdue = DomainEvent<
  'InvoiceOverdue',
  Attributed & { readonly invoiceId: string; readonly dueOn: string; readonly open: Money; readonly ar: string }
>;

/** A dunning reminder, so many days after the due date. */
export type InvoiceReminderDue = DomainEvent<
  'InvoiceReminderDue',
  Attributed & {
    readonly invoiceId: string;
    readonly daysAfterDue: number;
    readonly dueOn: string;
    readonly open: Money;
    readonly ar: string;
  }
>;

/** Delivered, accepted, invoiced and paid in full: the deal's lifecycle is complete. */
export type ContractClosed = DomainEvent<
  'ContractClosed',
  Attributed & { readonly dealId: string; readonly value: Money }
>;

/** Ended early; what was delivered, invoiced and paid stays on record and open invoices are still collected. */
export type ContractTerminated = DomainEvent<
  'ContractTerminated',
  Attributed & { readonly dealId: string; readonly reason: string }
>;

export type ContractEvent =
  | ContractDrafted
  | ContractSigned
  | ContractAmendmentRequested
  | ContractAmended
  | ContractAmendmentRejected
  | HandoverMeetingScheduled
  | HandoverMeetingHeld
  | ContractHandedOver
  | PurchaseOrderPlaced
  | PurchaseOrderCancelled
  | DeliveryRecorded
  | DeliveryAccepted
  | DeliveryRejected
  | InvoiceIssued
  | CreditNoteIssued
  | PaymentReceived
  | UnappliedCashRecorded
  | InvoiceOverdue
  | InvoiceReminderDue
  | ContractClosed
  | ContractTerminated;

export type ContractEventType = ContractEvent['type'];
