import { DomainError, InvalidInputError, NotFoundError } from '#ltc/kernel';
import type {
  CancelPurchaseOrder,
  OrderLineInput,
  PlacePurchaseOrder,
  RecordAcceptance,
  RecordDelivery,
} from './contract.commands.js';
import type { ContractEvent } from './contract.events.js';
import {
  awaitingAcceptanceMinor,
  netDeliveredMinor,
  purchaseOrderOf,
  type Contract,
  type ContractState,
  type PurchaseOrder,
} from './contract.state.js';
import type { OrderLine } from './contract-vocabulary.js';
import { figuresOf } from './contract-balance.js';
import {
  amountIn,
  calendarDate,
  executingContract,
  freshId,
  money,
  optional,
  required,
  attributed,
} from './contract-guards.js';

/** A unit of delivery: Σ open and delivered orders never exceeds the contract value (exactly equal passes). */
export function decidePlaceOrder(command: PlacePurchaseOrder, state: ContractState): ContractEvent[] {
  const contract = executingContract(state, command.contractId);
  const ids = contract.purchaseOrders.map((po) => po.purchaseOrderId);
  const purchaseOrderId = freshId(ids, command.purchaseOrderId, 'PURCHASE_ORDER_ALREADY_EXISTS', 'purchaseOrder');
  if (command.lines.length === 0) throw new InvalidInputError('lines', 'notEmpty', 'an order needs at least one line');
  const lines = command.lines.map((line, index) => orderLine(contract.currency, line, `lines[${index}]`));
  const total = lines.reduce((sum, line) => sum + BigInt(line.quantity) * BigInt(line.unitPriceMinor), 0n);
  if (total === 0n) throw new InvalidInputError('lines', 'positiveValue', 'an order is worth more than zero');
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new InvalidInputError('lines', 'amountTooLarge', 'the order total is too large');
  }
  const value = Number(total);
  const { orderedMinor, contractedMinor } = figuresOf(contract);
  if (orderedMinor + value > contractedMinor) {
    throw new DomainError(
      'PURCHASE_ORDERS_EXCEED_CONTRACT',
      `Ordering ${value} more would put ${orderedMinor + value} on order against a contract of ${contractedMinor}`,
      { contractValueMinor: contractedMinor, orderedMinor, requestedMinor: value },
    );
  }
  return [
    {
      type: 'PurchaseOrderPlaced',
      data: {
        ...attributed(contract, command),
        purchaseOrderId,
        reference: optional(command.reference),
        lines,
        value: money(value, contract.currency),
        orderedOn: calendarDate(command.orderedOn, 'orderedOn'),
      },
    },
  ];
}

/** Frees the order's value; refused once anything of it is delivered and not rejected (that stays on record). */
export function decideCancelOrder(command: CancelPurchaseOrder, state: ContractState): ContractEvent[] {
  const contract = executingContract(state, command.contractId);
  const po = openOrder(contract, command.purchaseOrderId);
  if (netDeliveredMinor(po) > 0) {
    throw new DomainError('PURCHASE_ORDER_HAS_DELIVERIES', `Purchase order ${po.purchaseOrderId} has deliveries`, {
      deliveredMinor: netDeliveredMinor(po),
    });
  }
  return [
    {
      type: 'PurchaseOrderCancelled',
      data: {
        ...attributed(contract, command),
        purchaseOrderId: po.purchaseOrderId,
        value: money(po.valueMinor, contract.currency),
        reason: required(command.reason, 'reason'),
      },
    },
  ];
}

/** Partial deliveries add up to at most the order's value (rejected parts count as returned). */
export function decideDelivery(command: RecordDelivery, state: ContractState): ContractEvent[] {
  const contract = executingContract(state, command.contractId);
  const po = openOrder(contract, command.purchaseOrderId);
  const deliveryId = freshId(
    allIds(contract, 'deliveryIds'),
    command.deliveryId,
    'DELIVERY_ALREADY_EXISTS',
    'delivery',
  );
  const value = amountIn(contract.currency, command.value, 'value');
  if (command.items.length === 0) throw new InvalidInputError('items', 'notEmpty', 'say what was delivered');
  const items = command.items.map((item, index) => {
    if (!Number.isSafeInteger(item.quantity) || item.quantity < 1) {
      throw new InvalidInputError(`items[${index}].quantity`, 'positiveWhole', 'quantity must be a whole number ≥ 1');
    }
    return { sku: required(item.sku, `items[${index}].sku`), quantity: item.quantity };
  });
  const delivered = netDeliveredMinor(po);
  if (delivered + value > po.valueMinor) {
    throw new DomainError(
      'DELIVERY_EXCEEDS_ORDER',
      `Delivering ${value} more would put ${delivered + value} against an order of ${po.valueMinor}`,
      { orderValueMinor: po.valueMinor, deliveredMinor: delivered, requestedMinor: value },
    );
  }
  return [
    {
      type: 'DeliveryRecorded',
      data: {
        ...attributed(contract, command),
        purchaseOrderId: po.purchaseOrderId,
        deliveryId,
        value: money(value, contract.currency),
        items,
        deliveredOn: calendarDate(command.deliveredOn, 'deliveredOn'),
      },
    },
  ];
}

/** The customer's answer: accepted and rejected together never exceed what waits for an answer. */
export function decideAcceptance(command: RecordAcceptance, state: ContractState): ContractEvent[] {
  const contract = executingContract(state, command.contractId);
  const po = openOrder(contract, command.purchaseOrderId);
  const ids = allIds(contract, 'acceptanceIds');
  const acceptanceId = freshId(ids, command.acceptanceId, 'ACCEPTANCE_ALREADY_EXISTS', 'acceptance');
  const accepted = amountIn(contract.currency, command.accepted, 'accepted', true);
  const rejected = amountIn(contract.currency, command.rejected, 'rejected', true);
  if (accepted + rejected === 0) {
    throw new InvalidInputError('accepted.amountMinor', 'positive', 'accept or reject more than zero');
  }
  const reason = optional(command.reason);
  if (rejected > 0 && reason === null) {
    throw new InvalidInputError('reason', 'requiredWhenRejected', 'a rejection says why');
  }
  const awaiting = awaitingAcceptanceMinor(po);
  if (accepted + rejected > awaiting) {
    throw new DomainError(
      'ACCEPTANCE_EXCEEDS_DELIVERED',
      `Only ${awaiting} delivered on purchase order ${po.purchaseOrderId} waits for acceptance`,
      { awaitingMinor: awaiting, requestedMinor: accepted + rejected },
    );
  }
  const on = calendarDate(command.answeredOn, 'answeredOn');
  const base = { ...attributed(contract, command), purchaseOrderId: po.purchaseOrderId, acceptanceId };
  const events: ContractEvent[] = [];
  if (accepted > 0) {
    const full = rejected === 0 && accepted === awaiting;
    events.push({
      type: 'DeliveryAccepted',
      data: { ...base, value: money(accepted, contract.currency), full, acceptedOn: on },
    });
  }
  if (rejected > 0 && reason !== null) {
    events.push({
      type: 'DeliveryRejected',
      data: { ...base, value: money(rejected, contract.currency), reason, rejectedOn: on },
    });
  }
  return events;
}

function openOrder(contract: Contract, purchaseOrderId: string): PurchaseOrder {
  const po = purchaseOrderOf(contract, purchaseOrderId);
  if (po === undefined) throw new NotFoundError('PurchaseOrder', purchaseOrderId);
  if (po.status === 'cancelled') {
    throw new DomainError('PURCHASE_ORDER_CANCELLED', `Purchase order ${purchaseOrderId} is cancelled`);
  }
  return po;
}

/** Delivery and acceptance ids are unique across the contract, so a reference names one thing. */
const allIds = (contract: Contract, key: 'deliveryIds' | 'acceptanceIds'): string[] =>
  contract.purchaseOrders.flatMap((po) => po[key]);

function orderLine(currency: string, line: OrderLineInput, field: string): OrderLine {
  if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
    throw new InvalidInputError(`${field}.quantity`, 'positiveWhole', 'quantity must be a whole number of at least 1');
  }
  return {
    sku: required(line.sku, `${field}.sku`),
    description: line.description.trim(),
    quantity: line.quantity,
    unitPriceMinor: amountIn(currency, line.unitPrice, `${field}.unitPrice`, true),
  };
}
