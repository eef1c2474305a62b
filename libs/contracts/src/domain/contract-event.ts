import { eventParser, type EventParser } from '#ltc/kernel';
import type { ContractEvent, ContractEventType } from './contract.events.js';

/** Every contract event type, as a record so the compiler refuses a new type that is left out. */
const CONTRACT_EVENTS: Record<ContractEventType, true> = {
  ContractDrafted: true,
  ContractSigned: true,
  ContractAmendmentRequested: true,
  ContractAmended: true,
  ContractAmendmentRejected: true,
  HandoverMeetingScheduled: true,
  HandoverMeetingHeld: true,
  ContractHandedOver: true,
  PurchaseOrderPlaced: true,
  PurchaseOrderCancelled: true,
  DeliveryRecorded: true,
  DeliveryAccepted: true,
  DeliveryRejected: true,
  InvoiceIssued: true,
  CreditNoteIssued: true,
  PaymentReceived: true,
  UnappliedCashRecorded: true,
  InvoiceOverdue: true,
  InvoiceReminderDue: true,
  ContractClosed: true,
  ContractTerminated: true,
};

/** Every contract event type, for subscription filters. */
export const ALL_CONTRACT_EVENT_TYPES = Object.keys(CONTRACT_EVENTS) as ContractEventType[];

/** The one place stored events become contract events; undefined for any other type. */
export const parseContractEvent: EventParser<ContractEvent> = eventParser<ContractEvent>(CONTRACT_EVENTS);
