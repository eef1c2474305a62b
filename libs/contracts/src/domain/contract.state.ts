import type { Milestone, PaymentTerms, Triangle } from './contract-vocabulary.js';

/** A purchase order and what happened to it, in minor units of the contract's currency. */
export interface PurchaseOrder {
  readonly purchaseOrderId: string;
  readonly valueMinor: number;
  readonly status: 'open' | 'cancelled';
  /** Every delivery recorded, rejected parts included. */
  readonly deliveredMinor: number;
  /** Rejected by the customer: counts as returned, so it may be delivered again. */
  readonly rejectedMinor: number;
  readonly acceptedMinor: number;
  readonly deliveryIds: readonly string[];
  readonly acceptanceIds: readonly string[];
}

export interface Invoice {
  readonly invoiceId: string;
  readonly milestone: Milestone;
  readonly amountMinor: number;
  readonly creditedMinor: number;
  readonly paidMinor: number;
  readonly dueOn: string;
  readonly dueAt: string;
  readonly overdue: boolean;
  /** Days after the due date a reminder was sent for. */
  readonly reminders: readonly number[];
  readonly creditNoteIds: readonly string[];
  readonly paymentIds: readonly string[];
}

export interface PendingAmendment {
  readonly amendmentId: string;
  readonly valueMinor: number;
  readonly reason: string;
  readonly requestedBy: string;
}

export interface Handover {
  readonly status: 'none' | 'scheduled' | 'held';
  readonly scheduledAt: string | null;
  /** The triangle the meeting was scheduled with: its FR takes command. */
  readonly triangle: Triangle;
}

export interface NoContract {
  readonly status: 'none';
}

export interface Contract {
  readonly status: 'drafted' | 'signed' | 'closed' | 'terminated';
  readonly contractId: string;
  readonly dealId: string;
  /** One currency per contract, the winning quote's: amounts in any other are refused. */
  readonly currency: string;
  readonly quoteVersion: number;
  readonly quoteTotalMinor: number;
  readonly triangle: Triangle;
  /** The signed value with every approved amendment; 0 until signed. */
  readonly valueMinor: number;
  readonly paymentTerms: PaymentTerms | null;
  readonly signed: boolean;
  readonly pendingAmendment: PendingAmendment | null;
  readonly amendmentIds: readonly string[];
  readonly handover: Handover;
  /** The FR who leads execution once handed over; null before. */
  readonly handedOverTo: string | null;
  readonly purchaseOrders: readonly PurchaseOrder[];
  readonly invoices: readonly Invoice[];
  readonly unappliedCashIds: readonly string[];
  readonly unappliedCashMinor: number;
}

export type ContractState = NoContract | Contract;

export const initialContractState = (): ContractState => ({ status: 'none' });

export const purchaseOrderOf = (contract: Contract, id: string): PurchaseOrder | undefined =>
  contract.purchaseOrders.find((po) => po.purchaseOrderId === id);

export const invoiceOf = (contract: Contract, id: string): Invoice | undefined =>
  contract.invoices.find((invoice) => invoice.invoiceId === id);

/** Delivered and not rejected: what an order has actually delivered. */
export const netDeliveredMinor = (po: PurchaseOrder): number => po.deliveredMinor - po.rejectedMinor;

/** Delivered, not rejected and not yet accepted: what waits for the customer's answer. */
export const awaitingAcceptanceMinor = (po: PurchaseOrder): number => netDeliveredMinor(po) - po.acceptedMinor;

/** Invoiced less credited less paid: what the customer still owes on it. */
export const openOnInvoiceMinor = (invoice: Invoice): number =>
  invoice.amountMinor - invoice.creditedMinor - invoice.paidMinor;
