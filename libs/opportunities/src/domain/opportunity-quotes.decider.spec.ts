import {
  DEAL,
  NOW,
  PIPELINE,
  ar,
  given,
  historyOf,
  line,
  manager,
  open,
  otherManager,
  quote,
  send,
  sr,
} from '../../test/opportunity-decider.support.js';
import { basisPointsOf, priceQuote } from './quote.pricing.js';

const opened = () => historyOf(open);
const request = (version: number, actor = sr) => ({
  type: 'RequestQuoteApproval' as const,
  opportunityId: DEAL,
  actor,
  now: NOW,
  version,
});
const approve = (version: number, actor = manager) => ({
  type: 'ApproveQuote' as const,
  opportunityId: DEAL,
  actor,
  now: NOW,
  version,
  note: null,
});

describe('Quote pricing', () => {
  it('rounds a percentage discount half away from zero to whole minor units', () => {
    expect(basisPointsOf(1, 5000)).toBe(1); // 0.5 cent → 1
    expect(basisPointsOf(1, 4999)).toBe(0); // 0.4999 cent → 0
    expect(basisPointsOf(333, 1500)).toBe(50); // 49.95 → 50
    expect(basisPointsOf(Number.MAX_SAFE_INTEGER, 10_000)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('totals the lines: subtotal − discount = total, each the sum of its lines', () => {
    const pricing = priceQuote([line(10_000_00, 1000, 3), line(333, 1500)]);
    expect(pricing).toMatchObject({
      currency: 'EUR',
      subtotalMinor: 3_000_333,
      discountMinor: 300_050,
      totalMinor: 2_700_283,
    });
  });

  it('refuses mixed currencies, naming the line', () => {
    given(opened())
      .when(quote([line(100), { ...line(100), unitPrice: { amountMinor: 100, currency: 'USD' } }]))
      .thenFails({ code: 'VALIDATION_FAILED', field: 'lines[1].unitPrice.currency', rule: 'oneCurrency' });
  });

  it('refuses an empty quote, a zero quantity and a discount over 100 %', () => {
    given(opened()).when(quote([])).thenFails({ field: 'lines', rule: 'notEmpty' });
    given(opened())
      .when(quote([line(100, 0, 0)]))
      .thenFails({ field: 'lines[0].quantity', rule: 'positiveWhole' });
    given(opened())
      .when(quote([line(100, 10_001)]))
      .thenFails({ field: 'lines[0].discountBp', rule: 'basisPoints' });
  });
});

describe('Opportunity › quote versions and discount approval', () => {
  it('given a deal, when a quote at exactly the threshold (15 %) is created, then it needs no approval and can be sent', () => {
    const data = given(opened())
      .when(quote([line(10_000, 1500)]))
      .thenEmitsOne('QuoteVersionCreated');
    expect(data).toMatchObject({
      version: 1,
      discountMinor: 1500,
      totalMinor: 8500,
      needsApproval: false,
      approvalThresholdBp: 1500,
    });
    const history = historyOf(open, quote([line(10_000, 1500)]));
    given(history).when(send(1)).thenEmitsOne('QuoteSent');
  });

  it('given a deal, when a quote one basis point over the threshold is created, then it needs approval and cannot be sent', () => {
    const data = given(opened())
      .when(quote([line(10_000, 1501)]))
      .thenEmitsOne('QuoteVersionCreated');
    expect(data.needsApproval).toBe(true);
    given(historyOf(open, quote([line(10_000, 1501)])))
      .when(send(1))
      .thenFails('QUOTE_NEEDS_APPROVAL');
  });

  it('given a version, when a new one is created, then it is version 2 and version 1 stays as it was', () => {
    const first = historyOf(open, quote([line(100)]));
    const before = given(first).state;
    const after = given(given(first).when(quote([line(200, 2000)])).history).state;
    if (before.status === 'none' || after.status === 'none') throw new Error('deal missing');
    expect(after.quotes.map((q) => q.content.version)).toEqual([1, 2]);
    expect(after.quotes[0]).toEqual(before.quotes[0]);
  });

  it('given a quote needing approval, when requested, approved by another sales manager and sent, then each event in turn', () => {
    const history = historyOf(open, quote([line(10_000, 2000)]), request(1));
    const approved = given(history).when(approve(1)).history;
    expect(approved.at(-1)).toMatchObject({ type: 'QuoteApproved', data: { requestedBy: sr.id, actor: manager.id } });
    given(approved).when(send(1)).thenEmitsOne('QuoteSent');
    given(approved).when(approve(1)).thenNothing();
  });

  it('refuses an approver who is not a sales manager, or who asked for the approval', () => {
    const history = historyOf(open, quote([line(10_000, 2000)]), request(1, manager));
    given(history).when(approve(1, ar)).thenFails('APPROVER_NOT_SALES_MANAGER');
    given(history).when(approve(1, manager)).thenFails('APPROVER_IS_REQUESTER');
    given(history).when(approve(1, otherManager)).thenEmitsOne('QuoteApproved');
  });

  it("lets a team's sales manager approve only the deals of their teams (this one is emea-north's)", () => {
    const history = historyOf(open, quote([line(10_000, 2000)]), request(1));
    given(history)
      .when(approve(1, { ...otherManager, managerOf: ['emea-south'] }))
      .thenFails('APPROVER_NOT_SALES_MANAGER');
    given(history)
      .when(approve(1, { ...otherManager, managerOf: ['emea-south', 'emea-north'] }))
      .thenEmitsOne('QuoteApproved');
  });

  it('refuses asking approval of a quote within the threshold, and approving before it is asked', () => {
    given(historyOf(open, quote([line(10_000, 1500)])))
      .when(request(1))
      .thenFails('QUOTE_NEEDS_NO_APPROVAL');
    given(historyOf(open, quote([line(10_000, 2000)])))
      .when(approve(1))
      .thenFails('QUOTE_STATUS_CONFLICT');
  });

  it('given a rejected quote, when sent, then QUOTE_REJECTED; a quote past its validity date is QUOTE_EXPIRED', () => {
    const rejected = historyOf(open, quote([line(10_000, 2000)]), request(1), {
      type: 'RejectQuote',
      opportunityId: DEAL,
      actor: manager,
      now: NOW,
      version: 1,
      reason: 'too deep',
    });
    given(rejected).when(send(1)).thenFails('QUOTE_REJECTED');
    given(historyOf(open, quote([line(100)])))
      .when({ ...send(1), now: new Date('2026-05-01T00:00:00Z') })
      .thenFails('QUOTE_EXPIRED');
    given(historyOf(open)).when(send(3)).thenFails('QUOTE_VERSION_NOT_FOUND');
  });

  it('given a sent quote, when a bid names it and the customer answers, then BidSubmitted and CustomerAnswerRecorded', () => {
    const sent = historyOf(open, quote([line(100)]), send(1));
    const bid = { type: 'SubmitBid' as const, opportunityId: DEAL, actor: sr, now: NOW, quoteVersion: 1 };
    const answer = {
      type: 'RecordCustomerAnswer' as const,
      opportunityId: DEAL,
      actor: ar,
      now: NOW,
      answer: 'accepted' as const,
      note: null,
    };
    given(historyOf(open, quote([line(100)])))
      .when(bid)
      .thenFails('BID_QUOTE_NOT_SENT');
    given(sent).when(answer).thenFails('NO_BID_SUBMITTED');
    const bidden = given(sent).when(bid).history;
    expect(given(bidden).when(answer).thenEmitsOne('CustomerAnswerRecorded')).toMatchObject({
      quoteVersion: 1,
      answer: 'accepted',
    });
  });

  it('uses the threshold of the pipeline the command carries', () => {
    const strict = { ...PIPELINE, discountApprovalThresholdBp: 500 };
    expect(
      given(opened())
        .when({ ...quote([line(100, 600)]), pipeline: strict })
        .thenEmitsOne('QuoteVersionCreated').needsApproval,
    ).toBe(true);
  });
});
