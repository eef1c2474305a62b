import { NotFoundError } from '#ltc/kernel';
import {
  THIRTY_SEVENTY,
  VALUE,
  accept,
  accepted,
  credit,
  deliver,
  draft,
  eur,
  given,
  handedOver,
  historyOf,
  hold,
  invoice,
  pay,
  po,
  schedule,
  sign,
  unapplied,
  ar,
} from '../../test/contract-decider.support.js';
import { figuresOf } from './contract-balance.js';

describe('Contract › invoices', () => {
  it('invoices exactly what is accepted under net terms, never one minor unit more', () => {
    const data = given(accepted()).when(invoice('inv-1', 600_000)).thenEmitsOne('InvoiceIssued');
    expect(data).toMatchObject({ milestone: 'on_acceptance', amount: eur(600_000), ar: ar.id });
    const refused = given(accepted(invoice('inv-1', 200_000)))
      .when(invoice('inv-2', 400_001))
      .thenFails('INVOICE_EXCEEDS_INVOICEABLE');
    expect(refused).toMatchObject({
      details: { invoiceableMinor: 600_000, invoicedMinor: 200_000, requestedMinor: 400_001 },
    });
  });

  it('dates the invoice from the terms: due net days after it, overdue once that day has ended', () => {
    const data = given(accepted()).when(invoice('inv-1', 1)).thenEmitsOne('InvoiceIssued');
    expect(data).toMatchObject({ issuedOn: '2026-07-15', dueOn: '2026-08-14', dueAt: '2026-08-15T00:00:00.000Z' });
    const agreed = given(accepted())
      .when({ ...invoice('inv-1', 1), dueAt: new Date('2026-07-01T10:00:05Z') })
      .thenEmitsOne('InvoiceIssued');
    expect(agreed).toMatchObject({ dueOn: '2026-07-01', dueAt: '2026-07-01T10:00:05.000Z' });
  });

  it('bills a milestone share: 30 % on signing is invoiceable at once, exactly', () => {
    const signed = handedOver(THIRTY_SEVENTY);
    const data = given(signed)
      .when(invoice('inv-1', 300_000, 'on_signing'))
      .thenEmitsOne('InvoiceIssued');
    expect(data.dueOn).toBe('2026-07-29');
    given(signed)
      .when(invoice('inv-1', 300_001, 'on_signing'))
      .thenFails('INVOICE_EXCEEDS_INVOICEABLE');
    // Nothing accepted yet: the 70 % on acceptance has nothing to bill, even though the total has room.
    given(signed)
      .when(invoice('inv-1', 1, 'on_acceptance'))
      .thenFails('INVOICE_EXCEEDS_MILESTONE');
    given(signed)
      .when(invoice('inv-1', 1, 'on_handover'))
      .thenFails('MILESTONE_NOT_IN_TERMS');
  });

  it('bills on acceptance no more than its share of what is accepted, exactly', () => {
    // 70 % of 1 000 accepted is 700; the 30 % on signing leaves the total room for more.
    const part = handedOver(THIRTY_SEVENTY, po('po-1', 1000), deliver('po-1', 1000), accept('po-1', 1000));
    given(part)
      .when(invoice('inv-1', 700, 'on_acceptance'))
      .thenEmitsOne('InvoiceIssued');
    const refused = given(part)
      .when(invoice('inv-1', 701, 'on_acceptance'))
      .thenFails('INVOICE_EXCEEDS_MILESTONE');
    expect(refused).toMatchObject({ details: { milestone: 'on_acceptance', invoiceableMinor: 700, invoicedMinor: 0 } });
  });

  it('lets every milestone together bill the whole value exactly, whatever the rounding', () => {
    const thirds = {
      kind: 'milestones' as const,
      milestones: [
        { milestone: 'on_signing' as const, shareBp: 3333 },
        { milestone: 'on_handover' as const, shareBp: 3333 },
        { milestone: 'on_acceptance' as const, shareBp: 3334 },
      ],
      dueDays: 0,
    };
    const odd = VALUE + 1;
    const history = historyOf(
      draft,
      sign(thirds, odd),
      schedule,
      hold,
      po('po-1', odd),
      deliver('po-1', odd),
      accept('po-1', odd),
      invoice('inv-1', 333_301, 'on_signing'),
      invoice('inv-2', 333_301, 'on_handover'),
    );
    // Each third rounds up to 333 301 (or 333 401), but the total, rounded down, is exactly the value.
    given(history)
      .when(invoice('inv-3', 333_400, 'on_acceptance'))
      .thenFails('INVOICE_EXCEEDS_INVOICEABLE');
    const last = given(history).when(invoice('inv-3', 333_399, 'on_acceptance')).history;
    const state = given(last).state;
    if (state.status === 'none') throw new Error('no contract');
    expect(figuresOf(state)).toMatchObject({ invoicedMinor: odd, invoiceableMinor: odd });
  });

  it('a credit note reverses part of what is open and frees that much to invoice again', () => {
    const invoiced = accepted(invoice('inv-1', 600_000));
    given(invoiced).when(invoice('inv-2', 1)).thenFails('INVOICE_EXCEEDS_INVOICEABLE');
    const data = given(invoiced).when(credit('inv-1', 600_000)).thenEmitsOne('CreditNoteIssued');
    expect(data).toMatchObject({ amount: eur(600_000), reason: 'two units returned' });
    const credited = given(invoiced).when(credit('inv-1', 100_000)).history;
    given(credited).when(invoice('inv-2', 100_000)).thenEmitsOne('InvoiceIssued');
    given(credited).when(invoice('inv-2', 100_001)).thenFails('INVOICE_EXCEEDS_INVOICEABLE');
  });

  it('credits no more than is open (paid parts are refunded, not credited)', () => {
    const paid = accepted(invoice('inv-1', 600_000), pay('inv-1', 200_000));
    given(paid).when(credit('inv-1', 400_000)).thenEmitsOne('CreditNoteIssued');
    given(paid).when(credit('inv-1', 400_001)).thenFails('CREDIT_EXCEEDS_OPEN_AMOUNT');
    given(paid).when(credit('inv-9', 1)).thenFails(NotFoundError, { code: 'INVOICE_NOT_FOUND' });
  });
});

describe('Contract › payments', () => {
  const invoiced = () => accepted(invoice('inv-1', 600_000));

  it('pays in parts up to exactly what is open, never one minor unit more', () => {
    const part = given(invoiced()).when(pay('inv-1', 250_000)).history;
    const data = given(part).when(pay('inv-1', 350_000)).thenEmitsOne('PaymentReceived');
    expect(data.openAfter).toEqual(eur(0));
    const refused = given(part).when(pay('inv-1', 350_001)).thenFails('PAYMENT_EXCEEDS_OPEN_AMOUNT');
    expect(refused).toMatchObject({ details: { openMinor: 350_000, requestedMinor: 350_001 } });
  });

  it('what is credited is no longer open to pay', () => {
    const credited = accepted(invoice('inv-1', 600_000), credit('inv-1', 100_000));
    given(credited).when(pay('inv-1', 500_000)).thenEmitsOne('PaymentReceived');
    given(credited).when(pay('inv-1', 500_001)).thenFails('PAYMENT_EXCEEDS_OPEN_AMOUNT');
  });

  it('refuses a used payment id, another currency, an unknown invoice', () => {
    const paid = accepted(invoice('inv-1', 600_000), pay('inv-1', 1, 'p1'));
    given(paid)
      .when(pay('inv-1', 1, 'p1'))
      .thenFails('PAYMENT_ALREADY_EXISTS');
    given(paid)
      .when({ ...pay('inv-1', 1, 'p2'), amount: { amountMinor: 1, currency: 'USD' } })
      .thenFails({ field: 'amount.currency', rule: 'contractCurrency' });
    given(paid).when(pay('inv-2', 1)).thenFails(NotFoundError);
  });

  it('records cash no invoice takes as unapplied, apart from the invoices', () => {
    const data = given(invoiced()).when(unapplied('c1', 700_000)).thenEmitsOne('UnappliedCashRecorded');
    expect(data).toMatchObject({ amount: eur(700_000), note: 'paid twice by mistake' });
    const recorded = given(invoiced()).when(unapplied('c1', 700_000)).history;
    expect(given(recorded).state).toMatchObject({ unappliedCashMinor: 700_000 });
    given(recorded).when(unapplied('c1', 1)).thenFails('UNAPPLIED_CASH_ALREADY_EXISTS');
  });
});
