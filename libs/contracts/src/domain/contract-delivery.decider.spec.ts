import { NotFoundError } from '#ltc/kernel';
import {
  CONTRACT,
  NOW,
  VALUE,
  accept,
  deliver,
  eur,
  fr,
  given,
  handedOver,
  po,
} from '../../test/contract-decider.support.js';
import { figuresOf } from './contract-balance.js';
import type { ContractEvent } from './contract.events.js';

const cancel = (purchaseOrderId: string) => ({
  type: 'CancelPurchaseOrder' as const,
  contractId: CONTRACT,
  actor: fr,
  now: NOW,
  purchaseOrderId,
  reason: 'customer moved the depot',
});
const figures = (history: ContractEvent[]) => {
  const state = given(history).state;
  if (state.status === 'none') throw new Error('no contract');
  return figuresOf(state);
};

describe('Contract › purchase orders', () => {
  it('places an order worth the sum of its lines', () => {
    const data = given(handedOver())
      .when({
        ...po('po-1', 0),
        lines: [
          { sku: 'TLM-100', description: 'Unit', quantity: 3, unitPrice: eur(100_00) },
          { sku: 'INST', description: 'Installation', quantity: 1, unitPrice: eur(50_00) },
        ],
      })
      .thenEmitsOne('PurchaseOrderPlaced');
    expect(data.value).toEqual(eur(350_00));
    expect(data.lines[0]).toEqual({ sku: 'TLM-100', description: 'Unit', quantity: 3, unitPriceMinor: 100_00 });
  });

  it('orders exactly the contract value, never one minor unit more', () => {
    given(handedOver(undefined, po('po-1', 400_000)))
      .when(po('po-2', VALUE - 400_000))
      .thenEmitsOne('PurchaseOrderPlaced');
    const refused = given(handedOver(undefined, po('po-1', 400_000)))
      .when(po('po-2', VALUE - 400_000 + 1))
      .thenFails('PURCHASE_ORDERS_EXCEED_CONTRACT');
    expect(refused).toMatchObject({
      details: { contractValueMinor: VALUE, orderedMinor: 400_000, requestedMinor: 600_001 },
    });
  });

  it('cancelling an order frees its value', () => {
    const full = handedOver(undefined, po('po-1', VALUE));
    given(full).when(po('po-2', 1)).thenFails('PURCHASE_ORDERS_EXCEED_CONTRACT');
    const cancelled = given(full).when(cancel('po-1')).history;
    expect(figures(cancelled).orderedMinor).toBe(0);
    given(cancelled).when(po('po-2', VALUE)).thenEmitsOne('PurchaseOrderPlaced');
    given(cancelled).when(cancel('po-1')).thenFails('PURCHASE_ORDER_CANCELLED');
    given(cancelled).when(deliver('po-1', 1)).thenFails('PURCHASE_ORDER_CANCELLED');
  });

  it('does not cancel an order with deliveries on it, unless all of them were rejected', () => {
    const delivered = handedOver(undefined, po('po-1', 1000), deliver('po-1', 100));
    given(delivered).when(cancel('po-1')).thenFails('PURCHASE_ORDER_HAS_DELIVERIES');
    const rejected = given(delivered).when(accept('po-1', 0, 100)).history;
    given(rejected).when(cancel('po-1')).thenEmitsOne('PurchaseOrderCancelled');
  });

  it('refuses bad lines naming the field, and a used id', () => {
    given(handedOver())
      .when({
        ...po('po-1', 10),
        lines: [{ sku: 'A', description: '', quantity: 1, unitPrice: { amountMinor: 10, currency: 'USD' } }],
      })
      .thenFails({ field: 'lines[0].unitPrice.currency', rule: 'contractCurrency' });
    given(handedOver())
      .when({ ...po('po-1', 10), lines: [] })
      .thenFails({ field: 'lines', rule: 'notEmpty' });
    given(handedOver()).when(po('po-1', 0)).thenFails({ field: 'lines', rule: 'positiveValue' });
    given(handedOver())
      .when({ ...po('po-1', 10), lines: [{ sku: 'A', description: '', quantity: 0, unitPrice: eur(1) }] })
      .thenFails({ field: 'lines[0].quantity' });
    given(handedOver(undefined, po('po-1', 10)))
      .when(po('po-1', 10))
      .thenFails('PURCHASE_ORDER_ALREADY_EXISTS');
  });
});

describe('Contract › deliveries', () => {
  const ordered = () => handedOver(undefined, po('po-1', 1000));

  it('delivers in parts up to exactly the order value, never one minor unit more', () => {
    const part = given(ordered()).when(deliver('po-1', 400)).history;
    given(part).when(deliver('po-1', 600)).thenEmitsOne('DeliveryRecorded');
    const refused = given(part).when(deliver('po-1', 601)).thenFails('DELIVERY_EXCEEDS_ORDER');
    expect(refused).toMatchObject({ details: { orderValueMinor: 1000, deliveredMinor: 400, requestedMinor: 601 } });
  });

  it('a rejected part counts as returned and may be delivered again', () => {
    const rejected = handedOver(undefined, po('po-1', 1000), deliver('po-1', 1000), accept('po-1', 700, 300));
    expect(figures(rejected)).toMatchObject({ deliveredMinor: 700, acceptedMinor: 700 });
    given(rejected)
      .when(deliver('po-1', 300, 'd-again'))
      .thenEmitsOne('DeliveryRecorded');
    given(rejected)
      .when(deliver('po-1', 301, 'd-again'))
      .thenFails('DELIVERY_EXCEEDS_ORDER');
  });

  it('says what was delivered; refuses an unknown order, a used id and another currency', () => {
    given(ordered())
      .when({ ...deliver('po-1', 10), items: [] })
      .thenFails({ field: 'items', rule: 'notEmpty' });
    given(ordered()).when(deliver('po-9', 10)).thenFails(NotFoundError, { code: 'PURCHASE_ORDER_NOT_FOUND' });
    given([...ordered(), ...given(ordered()).when(deliver('po-1', 10, 'd1')).events])
      .when(deliver('po-1', 10, 'd1'))
      .thenFails('DELIVERY_ALREADY_EXISTS');
    given(ordered())
      .when({ ...deliver('po-1', 10), value: { amountMinor: 10, currency: 'JPY' } })
      .thenFails({ field: 'value.currency', rule: 'contractCurrency' });
  });
});

describe('Contract › acceptance', () => {
  const delivered = () => handedOver(undefined, po('po-1', 1000), deliver('po-1', 600));

  it('accepts exactly what was delivered (full), never one minor unit more', () => {
    const full = given(delivered()).when(accept('po-1', 600)).thenEmitsOne('DeliveryAccepted');
    expect(full).toMatchObject({ value: eur(600), full: true });
    const refused = given(delivered()).when(accept('po-1', 601)).thenFails('ACCEPTANCE_EXCEEDS_DELIVERED');
    expect(refused).toMatchObject({ details: { awaitingMinor: 600, requestedMinor: 601 } });
  });

  it('accepts in part, and what is accepted once is not accepted again', () => {
    const partial = given(delivered()).when(accept('po-1', 200)).thenEmitsOne('DeliveryAccepted');
    expect(partial.full).toBe(false);
    const after = given(delivered()).when(accept('po-1', 200)).history;
    given(after).when(accept('po-1', 400)).thenEmitsOne('DeliveryAccepted');
    given(after).when(accept('po-1', 401)).thenFails('ACCEPTANCE_EXCEEDS_DELIVERED');
  });

  it('rejects with a reason; accepted and rejected together stay within what was delivered', () => {
    const events = given(delivered()).when(accept('po-1', 100, 500)).events;
    expect(events.map((e) => e.type)).toEqual(['DeliveryAccepted', 'DeliveryRejected']);
    expect(events[1]?.data).toMatchObject({ value: eur(500), reason: 'two units damaged' });
    given(delivered())
      .when(accept('po-1', 100, 501))
      .thenFails('ACCEPTANCE_EXCEEDS_DELIVERED');
    given(delivered())
      .when({ ...accept('po-1', 0, 10), reason: null })
      .thenFails({ field: 'reason' });
    given(delivered())
      .when(accept('po-1', 0, 0))
      .thenFails({ field: 'accepted.amountMinor', rule: 'positive' });
  });
});
