import { NotFoundError } from '#ltc/kernel';
import {
  CONTRACT,
  DEAL,
  NET_30,
  NOW,
  THIRTY_SEVENTY,
  TRIANGLE,
  VALUE,
  accept,
  ar,
  deliver,
  draft,
  eur,
  fr,
  given,
  handedOver,
  historyOf,
  invoice,
  po,
  sign,
} from '../../test/contract-decider.support.js';

const terminate = {
  type: 'TerminateContract' as const,
  contractId: CONTRACT,
  actor: ar,
  now: NOW,
  reason: 'insolvent',
};

describe('Contract › draft', () => {
  it('drafts from the won deal with its quote, currency and triangle', () => {
    const data = given([]).when(draft).thenEmitsOne('ContractDrafted');
    expect(data).toMatchObject({ contractId: CONTRACT, dealId: DEAL, quoteVersion: 2, quoteTotal: eur(VALUE) });
    expect(data.triangle).toEqual(TRIANGLE);
  });

  it('drafts once: the win replayed changes nothing, another deal on the same id is a conflict', () => {
    given(historyOf(draft)).when(draft).thenNothing();
    given(historyOf(draft))
      .when({ ...draft, dealId: 'deal-0002' })
      .thenFails('CONTRACT_ALREADY_EXISTS');
  });

  it('refuses a bad quote total or version, naming the field', () => {
    given([])
      .when({ ...draft, quoteTotal: { amountMinor: 1, currency: 'EURO' } })
      .thenFails({ field: 'quoteTotal.currency' });
    given([])
      .when({ ...draft, quoteVersion: 0 })
      .thenFails({ field: 'quoteVersion', rule: 'positiveWhole' });
  });
});

describe('Contract › sign', () => {
  it('signs at the winning quote total with its terms; net terms are everything on acceptance', () => {
    const data = given(historyOf(draft)).when(sign()).thenEmitsOne('ContractSigned');
    expect(data).toMatchObject({ value: eur(VALUE), valueDifferenceReason: null, signatory: 'Ingrid Lund' });
    expect(data.paymentTerms).toEqual({
      kind: 'net',
      milestones: [{ milestone: 'on_acceptance', shareBp: 10_000 }],
      dueDays: 30,
      reminderDays: [7, 14, 30],
    });
  });

  it('records the reminder days the terms name: up to 5, each 1–365, strictly increasing', () => {
    const withDays = (reminderDays: readonly number[]) => sign({ ...NET_30, reminderDays });
    for (const ok of [[], [1], [1, 2, 3, 4, 365], [10, 20]]) {
      const data = given(historyOf(draft)).when(withDays(ok)).thenEmitsOne('ContractSigned');
      expect(data.paymentTerms.reminderDays).toEqual(ok);
    }
    for (const bad of [[0], [366], [1.5], [7, 7], [14, 7], [1, 2, 3, 4, 5, 6]]) {
      given(historyOf(draft)).when(withDays(bad)).thenFails({ field: 'paymentTerms.reminderDays' });
    }
  });

  it('takes another value only with a reason for the difference', () => {
    const data = given(historyOf(draft))
      .when(sign(NET_30, VALUE - 1))
      .thenEmitsOne('ContractSigned');
    expect(data.valueDifferenceReason).toBe('volume rebate agreed at signing');
    given(historyOf(draft))
      .when({ ...sign(NET_30, VALUE - 1), valueDifferenceReason: ' ' })
      .thenFails({ field: 'valueDifferenceReason', rule: 'requiredWhenValueDiffers' });
  });

  it('refuses another currency naming the field, and a quote version that did not win', () => {
    given(historyOf(draft))
      .when({ ...sign(), value: { amountMinor: VALUE, currency: 'USD' } })
      .thenFails({ field: 'value.currency', rule: 'contractCurrency' });
    given(historyOf(draft))
      .when({ ...sign(), quoteVersion: 1 })
      .thenFails('QUOTE_VERSION_NOT_WON');
  });

  it('checks the terms: shares sum to exactly 10 000 bp, each milestone once, net 30/60/90', () => {
    given(historyOf(draft)).when(sign(THIRTY_SEVENTY)).thenEmitsOne('ContractSigned');
    const shares = (a: number, b: number) => ({
      kind: 'milestones' as const,
      milestones: [
        { milestone: 'on_signing' as const, shareBp: a },
        { milestone: 'on_acceptance' as const, shareBp: b },
      ],
      dueDays: 30,
    });
    given(historyOf(draft))
      .when(sign(shares(3000, 6999)))
      .thenFails({ rule: 'sharesSumToWhole' });
    given(historyOf(draft))
      .when(sign(shares(3000, 7001)))
      .thenFails({ rule: 'sharesSumToWhole' });
    given(historyOf(draft))
      .when(
        sign({
          kind: 'milestones',
          milestones: [
            { milestone: 'on_signing', shareBp: 5000 },
            { milestone: 'on_signing', shareBp: 5000 },
          ],
          dueDays: 0,
        }),
      )
      .thenFails({ field: 'paymentTerms.milestones[1].milestone', rule: 'unique' });
    given(historyOf(draft))
      .when(sign({ kind: 'net', days: 45 }))
      .thenFails({ field: 'paymentTerms.days' });
    given(historyOf(draft))
      .when({ ...sign(), signedOn: '2026-02-30' })
      .thenFails({ field: 'signedOn' });
  });

  it('signs once; an unknown contract is a 404', () => {
    given(historyOf(draft, sign())).when(sign()).thenFails('CONTRACT_ALREADY_SIGNED');
    given([]).when(sign()).thenFails(NotFoundError, { code: 'CONTRACT_NOT_FOUND' });
  });
});

describe('Contract › terminate', () => {
  it('terminates with a reason; afterwards nothing executes, but open invoices are still collected', () => {
    const invoiced = handedOver(
      NET_30,
      po('po-1', 1000),
      deliver('po-1', 1000),
      accept('po-1', 1000),
      invoice('inv-1', 1000),
    );
    const data = given(invoiced).when(terminate).thenEmitsOne('ContractTerminated');
    expect(data).toMatchObject({ reason: 'insolvent', dealId: DEAL });
    const terminated = given(invoiced).when(terminate).history;
    given(terminated).when(po('po-2', 1)).thenFails('CONTRACT_TERMINATED');
    given(terminated).when(terminate).thenFails('CONTRACT_TERMINATED');
    given(terminated)
      .when({
        type: 'RecordPayment',
        contractId: CONTRACT,
        actor: fr,
        now: NOW,
        invoiceId: 'inv-1',
        paymentId: 'p1',
        amount: eur(1000),
        receivedOn: '2026-08-01',
      })
      .thenEmitsOne('PaymentReceived');
    given(historyOf(draft))
      .when({ ...terminate, reason: ' ' })
      .thenFails({ field: 'reason' });
  });
});
