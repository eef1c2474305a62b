import type { ContractEvent } from './contract.events.js';
import type { Contract, ContractState, Invoice, PurchaseOrder } from './contract.state.js';

/** Folds one event into the contract. Never throws: history is what happened. */
export function evolveContract(state: ContractState, event: ContractEvent): ContractState {
  if (event.type === 'ContractDrafted') {
    const d = event.data;
    return {
      status: 'drafted',
      contractId: d.contractId,
      dealId: d.dealId,
      currency: d.quoteTotal.currency,
      quoteVersion: d.quoteVersion,
      quoteTotalMinor: d.quoteTotal.amountMinor,
      triangle: d.triangle,
      valueMinor: 0,
      paymentTerms: null,
      signed: false,
      pendingAmendment: null,
      amendmentIds: [],
      handover: { status: 'none', scheduledAt: null, triangle: d.triangle },
      handedOverTo: null,
      purchaseOrders: [],
      invoices: [],
      unappliedCashIds: [],
      unappliedCashMinor: 0,
    };
  }
  return state.status === 'none' ? state : evolveExisting(state, event);
}

function evolveExisting(c: Contract, event: Exclude<ContractEvent, { type: 'ContractDrafted' }>): Contract {
  switch (event.type) {
    case 'ContractSigned':
      return {
        ...c,
        status: 'signed',
        signed: true,
        valueMinor: event.data.value.amountMinor,
        paymentTerms: event.data.paymentTerms,
      };
    case 'ContractAmendmentRequested': {
      const { amendmentId, value, reason, actor } = event.data;
      return {
        ...c,
        amendmentIds: [...c.amendmentIds, amendmentId],
        pendingAmendment: { amendmentId, valueMinor: value.amountMinor, reason, requestedBy: actor },
      };
    }
    case 'ContractAmended':
      return { ...c, valueMinor: event.data.value.amountMinor, pendingAmendment: null };
    case 'ContractAmendmentRejected':
      return { ...c, pendingAmendment: null };
    case 'HandoverMeetingScheduled':
      return {
        ...c,
        handover: { status: 'scheduled', scheduledAt: event.data.scheduledAt, triangle: event.data.triangle },
      };
    case 'HandoverMeetingHeld':
      return { ...c, handover: { ...c.handover, status: 'held' } };
    case 'ContractHandedOver':
      return { ...c, handedOverTo: event.data.to };
    case 'PurchaseOrderPlaced':
      return {
        ...c,
        purchaseOrders: [
          ...c.purchaseOrders,
          {
            purchaseOrderId: event.data.purchaseOrderId,
            valueMinor: event.data.value.amountMinor,
            status: 'open',
            deliveredMinor: 0,
            rejectedMinor: 0,
            acceptedMinor: 0,
            deliveryIds: [],
            acceptanceIds: [],
          },
        ],
      };
    case 'PurchaseOrderCancelled':
      return withOrder(c, event.data.purchaseOrderId, (po) => ({ ...po, status: 'cancelled' }));
    case 'DeliveryRecorded':
      return withOrder(c, event.data.purchaseOrderId, (po) => ({
        ...po,
        deliveredMinor: po.deliveredMinor + event.data.value.amountMinor,
        deliveryIds: [...po.deliveryIds, event.data.deliveryId],
      }));
    case 'DeliveryAccepted':
      return withOrder(c, event.data.purchaseOrderId, (po) => ({
        ...po,
        acceptedMinor: po.acceptedMinor + event.data.value.amountMinor,
        acceptanceIds: withId(po.acceptanceIds, event.data.acceptanceId),
      }));
    case 'DeliveryRejected':
      return withOrder(c, event.data.purchaseOrderId, (po) => ({
        ...po,
        rejectedMinor: po.rejectedMinor + event.data.value.amountMinor,
        acceptanceIds: withId(po.acceptanceIds, event.data.acceptanceId),
      }));
    case 'InvoiceIssued': {
      const d = event.data;
      const invoice: Invoice = {
        invoiceId: d.invoiceId,
        milestone: d.milestone,
        amountMinor: d.amount.amountMinor,
        creditedMinor: 0,
        paidMinor: 0,
        dueOn: d.dueOn,
        dueAt: d.dueAt,
        overdue: false,
        reminders: [],
        creditNoteIds: [],
        paymentIds: [],
      };
      return { ...c, invoices: [...c.invoices, invoice] };
    }
    case 'CreditNoteIssued':
      return withInvoice(c, event.data.invoiceId, (i) => ({
        ...i,
        creditedMinor: i.creditedMinor + event.data.amount.amountMinor,
        creditNoteIds: [...i.creditNoteIds, event.data.creditNoteId],
      }));
    case 'PaymentReceived':
      return withInvoice(c, event.data.invoiceId, (i) => ({
        ...i,
        paidMinor: i.paidMinor + event.data.amount.amountMinor,
        paymentIds: [...i.paymentIds, event.data.paymentId],
      }));
    case 'UnappliedCashRecorded':
      return {
        ...c,
        unappliedCashIds: [...c.unappliedCashIds, event.data.cashId],
        unappliedCashMinor: c.unappliedCashMinor + event.data.amount.amountMinor,
      };
    case 'InvoiceOverdue':
      return withInvoice(c, event.data.invoiceId, (i) => ({ ...i, overdue: true }));
    case 'InvoiceReminderDue':
      return withInvoice(c, event.data.invoiceId, (i) => ({
        ...i,
        reminders: [...i.reminders, event.data.daysAfterDue],
      }));
    case 'ContractClosed':
      return { ...c, status: 'closed' };
    case 'ContractTerminated':
      return { ...c, status: 'terminated' };
  }
}

const withId = (ids: readonly string[], id: string): readonly string[] => (ids.includes(id) ? ids : [...ids, id]);

function withOrder(c: Contract, id: string, change: (po: PurchaseOrder) => PurchaseOrder): Contract {
  return { ...c, purchaseOrders: c.purchaseOrders.map((po) => (po.purchaseOrderId === id ? change(po) : po)) };
}

function withInvoice(c: Contract, id: string, change: (invoice: Invoice) => Invoice): Contract {
  return { ...c, invoices: c.invoices.map((i) => (i.invoiceId === id ? change(i) : i)) };
}
