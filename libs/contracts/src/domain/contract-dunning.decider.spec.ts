import {
  CONTRACT,
  NET_30,
  VALUE,
  accept,
  accepted,
  ar,
  credit,
  deliver,
  eur,
  given,
  handedOver,
  invoice,
  overdue,
  pay,
  po,
  reminder,
} from '../../test/contract-decider.support.js';

describe('Contract › dunning', () => {
  const due = new Date('2026-08-15T00:00:00.000Z');
  const invoiced = () => accepted(invoice('inv-1', 600_000));

  it('flags the invoice overdue at its due moment, once, for the AR', () => {
    const data = given(invoiced()).when(overdue(due)).thenEmitsOne('InvoiceOverdue');
    expect(data).toMatchObject({ invoiceId: 'inv-1', dueOn: '2026-08-14', open: eur(600_000), ar: ar.id });
    given(given(invoiced()).when(overdue(due)).history)
      .when(overdue(due))
      .thenNothing();
  });

  it('is stale-safe: an early timer or a settled invoice changes nothing', () => {
    given(invoiced())
      .when(overdue(new Date(due.getTime() - 1)))
      .thenNothing();
    const settled = accepted(invoice('inv-1', 600_000), pay('inv-1', 600_000));
    given(settled).when(overdue(due)).thenNothing();
    given(settled)
      .when(reminder(new Date('2026-09-30T00:00:00Z'), 7))
      .thenNothing();
  });

  it('reminds so many days after the due date, once per day count', () => {
    given(invoiced())
      .when(reminder(new Date('2026-08-21T23:59:59Z'), 7))
      .thenNothing();
    const data = given(invoiced())
      .when(reminder(new Date('2026-08-22T00:00:00Z'), 7))
      .thenEmitsOne('InvoiceReminderDue');
    expect(data).toMatchObject({ daysAfterDue: 7, open: eur(600_000) });
    const reminded = given(invoiced()).when(reminder(new Date('2026-08-22T00:00:00Z'), 7)).history;
    given(reminded)
      .when(reminder(new Date('2026-08-29T00:00:00Z'), 7))
      .thenNothing();
    given(reminded)
      .when(reminder(new Date('2026-08-29T00:00:00Z'), 14))
      .thenEmitsOne('InvoiceReminderDue');
    given(invoiced()).when(reminder(due, 0)).thenFails({ field: 'daysAfterDue' });
  });

  it('reminds only at the days the payment terms name (stale-safe for any other day)', () => {
    const late = new Date('2026-12-31T00:00:00Z');
    given(invoiced()).when(reminder(late, 3)).thenNothing();
    const ownDays = handedOver(
      { ...NET_30, reminderDays: [3, 45] },
      po('po-1', VALUE),
      deliver('po-1', 600_000),
      accept('po-1', 600_000),
      invoice('inv-1', 600_000),
    );
    given(ownDays).when(reminder(late, 3)).thenEmitsOne('InvoiceReminderDue');
    given(ownDays).when(reminder(late, 45)).thenEmitsOne('InvoiceReminderDue');
    given(ownDays).when(reminder(late, 7)).thenNothing();
  });
});

describe('Contract › close', () => {
  it('closes in the decision of the last payment once delivered, accepted, invoiced and paid in full', () => {
    const almost = handedOver(
      NET_30,
      po('po-1', 400_000),
      po('po-2', 600_000),
      deliver('po-1', 400_000),
      deliver('po-2', 600_000),
      accept('po-1', 400_000),
      accept('po-2', 600_000),
      invoice('inv-1', VALUE),
      pay('inv-1', 999_999),
    );
    expect(given(almost).state).toMatchObject({ status: 'signed' });
    const events = given(almost).when(pay('inv-1', 1)).events;
    expect(events.map((e) => e.type)).toEqual(['PaymentReceived', 'ContractClosed']);
    expect(events[1]?.data).toMatchObject({ contractId: CONTRACT, value: eur(VALUE) });
    const closed = given(almost).when(pay('inv-1', 1)).history;
    given(closed).when(po('po-3', 1)).thenFails('CONTRACT_CLOSED');
    given(closed).when(credit('inv-1', 1)).thenFails('CONTRACT_CLOSED');
  });

  it('an acceptance closes it when everything was invoiced and paid up front', () => {
    const upFront = {
      kind: 'milestones' as const,
      milestones: [{ milestone: 'on_signing' as const, shareBp: 10_000 }],
      dueDays: 0,
    };
    const paid = handedOver(
      upFront,
      invoice('inv-1', VALUE, 'on_signing'),
      pay('inv-1', VALUE),
      po('po-1', VALUE),
      deliver('po-1', VALUE),
    );
    expect(
      given(paid)
        .when(accept('po-1', VALUE - 1))
        .events.map((e) => e.type),
    ).toEqual(['DeliveryAccepted']);
    expect(
      given(paid)
        .when(accept('po-1', VALUE))
        .events.map((e) => e.type),
    ).toEqual(['DeliveryAccepted', 'ContractClosed']);
  });
});
