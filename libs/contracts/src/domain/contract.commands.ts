import type { Money } from '#ltc/kernel';
import type { Actor, DeliveredItem, Milestone, OpenItem, PaymentTermsInput, Triangle } from './contract-vocabulary.js';

/** Every command names its contract, who gives it and the moment it is decided at (the shell's clock). */
interface Base {
  readonly contractId: string;
  readonly actor: Actor;
  readonly now: Date;
}

/** One line of a purchase order as the user enters it. */
export interface OrderLineInput {
  readonly sku: string;
  readonly description: string;
  readonly quantity: number;
  readonly unitPrice: Money;
}

/** Drafts the contract of a won deal; the shell derives the contract id from the deal id and checks the deal is won. */
export interface DraftContract extends Base {
  readonly type: 'DraftContract';
  readonly dealId: string;
  readonly quoteVersion: number;
  readonly quoteTotal: Money;
  readonly triangle: Triangle;
}

export interface SignContract extends Base {
  readonly type: 'SignContract';
  readonly value: Money;
  readonly valueDifferenceReason: string | null;
  readonly paymentTerms: PaymentTermsInput;
  readonly signedOn: string;
  readonly signatory: string;
  readonly quoteVersion: number;
}

export interface RequestAmendment extends Base {
  readonly type: 'RequestAmendment';
  readonly amendmentId: string;
  /** The new contract value. */
  readonly value: Money;
  readonly reason: string;
}

export interface ApproveAmendment extends Base {
  readonly type: 'ApproveAmendment';
  readonly amendmentId: string;
  readonly note: string | null;
}

export interface RejectAmendment extends Base {
  readonly type: 'RejectAmendment';
  readonly amendmentId: string;
  readonly reason: string;
}

export interface ScheduleHandoverMeeting extends Base {
  readonly type: 'ScheduleHandoverMeeting';
  readonly scheduledAt: Date;
  readonly attendees: readonly string[];
  /** The deal's triangle as the shell reads it now (it may have changed since the draft). */
  readonly triangle: Triangle;
}

export interface HoldHandoverMeeting extends Base {
  readonly type: 'HoldHandoverMeeting';
  readonly attendeesPresent: readonly string[];
  readonly notes: string | null;
  readonly openItems: readonly OpenItem[];
  readonly risks: readonly string[];
}

export interface PlacePurchaseOrder extends Base {
  readonly type: 'PlacePurchaseOrder';
  readonly purchaseOrderId: string;
  readonly reference: string | null;
  readonly lines: readonly OrderLineInput[];
  readonly orderedOn: string;
}

export interface CancelPurchaseOrder extends Base {
  readonly type: 'CancelPurchaseOrder';
  readonly purchaseOrderId: string;
  readonly reason: string;
}

export interface RecordDelivery extends Base {
  readonly type: 'RecordDelivery';
  readonly purchaseOrderId: string;
  readonly deliveryId: string;
  readonly value: Money;
  readonly items: readonly DeliveredItem[];
  readonly deliveredOn: string;
}

/** The customer's answer to what was delivered: an accepted and a rejected value (either may be zero, not both). */
export interface RecordAcceptance extends Base {
  readonly type: 'RecordAcceptance';
  readonly purchaseOrderId: string;
  readonly acceptanceId: string;
  readonly accepted: Money;
  readonly rejected: Money;
  /** Required when anything is rejected. */
  readonly reason: string | null;
  readonly answeredOn: string;
}

export interface IssueInvoice extends Base {
  readonly type: 'IssueInvoice';
  readonly invoiceId: string;
  /** The payment-term milestone billed; null bills accepted value (`on_acceptance`). */
  readonly milestone: Milestone | null;
  readonly amount: Money;
  readonly issuedOn: string;
  /** An agreed due moment instead of the one the payment terms give; null: from the terms. */
  readonly dueAt: Date | null;
}

export interface IssueCreditNote extends Base {
  readonly type: 'IssueCreditNote';
  readonly invoiceId: string;
  readonly creditNoteId: string;
  readonly amount: Money;
  readonly reason: string;
  readonly issuedOn: string;
}

export interface RecordPayment extends Base {
  readonly type: 'RecordPayment';
  readonly invoiceId: string;
  readonly paymentId: string;
  readonly amount: Money;
  readonly receivedOn: string;
}

export interface RecordUnappliedCash extends Base {
  readonly type: 'RecordUnappliedCash';
  readonly cashId: string;
  readonly amount: Money;
  readonly receivedOn: string;
  readonly note: string | null;
}

/** From the invoice's durable timer at its due moment; stale-safe. */
export interface FlagInvoiceOverdue extends Base {
  readonly type: 'FlagInvoiceOverdue';
  readonly invoiceId: string;
}

/** From a dunning timer so many days after the due date; stale-safe. */
export interface SendInvoiceReminder extends Base {
  readonly type: 'SendInvoiceReminder';
  readonly invoiceId: string;
  readonly daysAfterDue: number;
}

export interface TerminateContract extends Base {
  readonly type: 'TerminateContract';
  readonly reason: string;
}

export type ContractCommand =
  | DraftContract
  | SignContract
  | RequestAmendment
  | ApproveAmendment
  | RejectAmendment
  | ScheduleHandoverMeeting
  | HoldHandoverMeeting
  | PlacePurchaseOrder
  | CancelPurchaseOrder
  | RecordDelivery
  | RecordAcceptance
  | IssueInvoice
  | IssueCreditNote
  | RecordPayment
  | RecordUnappliedCash
  | FlagInvoiceOverdue
  | SendInvoiceReminder
  | TerminateContract;
