import { NotFoundError } from '#ltc/kernel';
import {
  CONTRACT,
  NET_30,
  NOW,
  THIRTY_SEVENTY,
  VALUE,
  accept,
  ar,
  deliver,
  draft,
  eur,
  given,
  handedOver,
  historyOf,
  invoice,
  manager,
  otherManager,
  po,
  sign,
} from '../../test/contract-decider.support.js';
import type { Actor } from './contract-vocabulary.js';

const requestAmendment = (valueMinor: number, amendmentId = 'am-1', actor: Actor = ar) => ({
  type: 'RequestAmendment' as const,
  contractId: CONTRACT,
  actor,
  now: NOW,
  amendmentId,
  value: eur(valueMinor),
  reason: 'customer adds a depot',
});
const approve = (amendmentId = 'am-1', actor: Actor = manager) => ({
  type: 'ApproveAmendment' as const,
  contractId: CONTRACT,
  actor,
  now: NOW,
  amendmentId,
  note: null,
});
const reject = (amendmentId = 'am-1', actor: Actor = manager) => ({
  type: 'RejectAmendment' as const,
  contractId: CONTRACT,
  actor,
  now: NOW,
  amendmentId,
  reason: 'not in budget',
});
describe('Contract › amendments', () => {
  const signed = () => historyOf(draft, sign());

  it('changes the value only when a sales manager other than the requester approves', () => {
    const requested = given(signed()).when(requestAmendment(VALUE + 500)).history;
    given(requested)
      .when(approve('am-1', { ...ar, salesManager: false }))
      .thenFails('APPROVER_NOT_SALES_MANAGER');
    given(historyOf(draft, sign(), requestAmendment(VALUE + 500, 'am-1', manager)))
      .when(approve('am-1', manager))
      .thenFails('APPROVER_IS_REQUESTER');
    const amended = given(requested).when(approve()).thenEmitsOne('ContractAmended');
    expect(amended).toMatchObject({ value: eur(VALUE + 500), previousValue: eur(VALUE), requestedBy: ar.id });
    const after = given(requested).when(approve()).history;
    expect(given(after).state).toMatchObject({ valueMinor: VALUE + 500, pendingAmendment: null });
  });

  it('keeps one amendment waiting at a time; a decided one is not decided again', () => {
    const requested = given(signed()).when(requestAmendment(VALUE + 500)).history;
    given(requested)
      .when(requestAmendment(VALUE + 1, 'am-2'))
      .thenFails('AMENDMENT_PENDING');
    const rejected = given(requested).when(reject()).history;
    expect(given(rejected).state).toMatchObject({ valueMinor: VALUE, pendingAmendment: null });
    given(rejected).when(approve('am-1', otherManager)).thenFails('AMENDMENT_NOT_PENDING');
    given(rejected).when(approve('am-9', otherManager)).thenFails(NotFoundError);
    given(rejected)
      .when(requestAmendment(VALUE + 1, 'am-1'))
      .thenFails('AMENDMENT_ALREADY_EXISTS');
  });

  it('needs a reason and a real change, in the contract currency', () => {
    given(signed())
      .when({ ...requestAmendment(VALUE + 1), reason: '' })
      .thenFails({ field: 'reason' });
    given(signed()).when(requestAmendment(VALUE)).thenFails({ field: 'value.amountMinor', rule: 'changes' });
    given(signed())
      .when({ ...requestAmendment(VALUE + 1), value: { amountMinor: 1, currency: 'SEK' } })
      .thenFails({ field: 'value.currency', rule: 'contractCurrency' });
    given(historyOf(draft))
      .when(requestAmendment(VALUE + 1))
      .thenFails('CONTRACT_NOT_SIGNED');
  });

  it('never goes below what is ordered: exactly the ordered value passes, one minor unit less fails', () => {
    const ordered = handedOver(NET_30, po('po-1', 600_000));
    given(ordered).when(requestAmendment(600_000)).thenEmitsOne('ContractAmendmentRequested');
    given(ordered).when(requestAmendment(599_999)).thenFails('AMENDMENT_BELOW_ORDERED');
    // Checked again on approval, against what was ordered since the request.
    const requested = given(handedOver(NET_30)).when(requestAmendment(600_000)).history;
    const orderedSince = [...requested, ...given(requested).when(po('po-1', 600_001)).events];
    given(orderedSince).when(approve()).thenFails('AMENDMENT_BELOW_ORDERED');
  });

  it('never goes below what is invoiced: exactly the least value whose 30 % covers the invoice passes', () => {
    // ⌊30 % × 999 997⌋ = 299 999 covers the invoice; ⌊30 % × 999 996⌋ = 299 998 does not.
    const invoiced = handedOver(THIRTY_SEVENTY, invoice('inv-1', 299_999, 'on_signing'));
    given(invoiced).when(requestAmendment(999_997)).thenEmitsOne('ContractAmendmentRequested');
    given(invoiced).when(requestAmendment(999_996)).thenFails('AMENDMENT_BELOW_INVOICED');
  });

  it('an amendment down to what is delivered, accepted, invoiced and paid closes the contract', () => {
    const history = handedOver(
      NET_30,
      po('po-1', 400_000),
      deliver('po-1', 400_000),
      accept('po-1', 400_000),
      invoice('inv-1', 400_000),
      {
        type: 'RecordPayment',
        contractId: CONTRACT,
        actor: ar,
        now: NOW,
        invoiceId: 'inv-1',
        paymentId: 'p1',
        amount: eur(400_000),
        receivedOn: '2026-08-01',
      },
      requestAmendment(400_000),
    );
    expect(
      given(history)
        .when(approve())
        .events.map((e) => e.type),
    ).toEqual(['ContractAmended', 'ContractClosed']);
  });
});
