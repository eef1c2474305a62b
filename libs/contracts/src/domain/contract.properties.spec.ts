import fc from 'fast-check';
import { DomainError, InvalidInputError, NotFoundError } from '#ltc/kernel';
import {
  CONTRACT,
  NOW,
  THIRTY_SEVENTY,
  accept,
  ar,
  deliver,
  draft,
  eur,
  hold,
  invoice,
  manager,
  overdue,
  reminder,
  unapplied,
  otherManager,
  pay,
  po,
  schedule,
  sign,
} from '../../test/contract-decider.support.js';
import type { ContractCommand } from './contract.commands.js';
import { contractDecider } from './contract.decider.js';
import type { ContractEvent } from './contract.events.js';
import type { ContractState } from './contract.state.js';
import { brokenInvariant, figuresOf, fulfilledInFull, type ContractFigures } from './contract-balance.js';
import type { PaymentTermsInput } from './contract-vocabulary.js';

/** Thousands of sequences take seconds alone, longer on a shared machine: more than the default 30 s. */
const RANDOM_RUNS_TIMEOUT_MS = 180_000;

/** A small contract value, so random amounts often meet the limits exactly. */
const VALUE = 10_000;
const TERMS: PaymentTermsInput[] = [
  { kind: 'net', days: 30 },
  THIRTY_SEVENTY,
  {
    kind: 'milestones',
    milestones: [
      { milestone: 'on_signing', shareBp: 3333 },
      { milestone: 'on_handover', shareBp: 3333 },
      { milestone: 'on_acceptance', shareBp: 3334 },
    ],
    dueDays: 0,
  },
];

const amount = fc.oneof(
  fc.integer({ min: 1, max: VALUE + 1 }),
  fc.constantFrom(1, 999, 1000, 2500, 3000, 3333, 5000, 7000, 9999, VALUE, VALUE + 1),
);
const poId = fc.constantFrom('p1', 'p2', 'p3', 'p4');
const invoiceId = fc.constantFrom('i1', 'i2', 'i3', 'i4');
const amendmentId = fc.constantFrom('m1', 'm2', 'm3', 'm4');
const freshId = fc.integer({ min: 0, max: 1_000_000 }).map(String);
const milestone = fc.constantFrom('on_signing' as const, 'on_handover' as const, 'on_acceptance' as const, null);
const base = { contractId: CONTRACT, now: NOW };

/** Any execution command a user could send, valid or not: the decider must keep the invariants either way. */
const command: fc.Arbitrary<ContractCommand[]> = fc.oneof(
  fc.record({ id: poId, v: amount }).map(({ id, v }) => [po(id, v)]),
  poId.map((id) => [
    { ...base, actor: ar, type: 'CancelPurchaseOrder' as const, purchaseOrderId: id, reason: 'moved' },
  ]),
  fc.record({ id: poId, v: amount, d: freshId }).map(({ id, v, d }) => [deliver(id, v, d)]),
  fc
    .record({ id: poId, a: fc.oneof(amount, fc.constant(0)), r: fc.oneof(fc.constant(0), amount), x: freshId })
    .map(({ id, a, r, x }) => [accept(id, a, r, x)]),
  fc.record({ id: invoiceId, v: amount, m: milestone }).map(({ id, v, m }) => [invoice(id, v, m)]),
  fc.record({ id: invoiceId, v: amount, x: freshId }).map(({ id, v, x }) => [
    {
      ...base,
      actor: ar,
      type: 'IssueCreditNote' as const,
      invoiceId: id,
      creditNoteId: x,
      amount: eur(v),
      reason: 'returned',
      issuedOn: '2026-07-20',
    },
  ]),
  fc.record({ id: invoiceId, v: amount, x: freshId }).map(({ id, v, x }) => [pay(id, v, x)]),
  // An amendment round: requested, then approved by another sales manager (or refused by the requester).
  fc
    .record({ v: fc.integer({ min: 1, max: 2 * VALUE }), x: freshId, approver: fc.constantFrom(manager, otherManager) })
    .map(({ v, x, approver }) => [
      { ...base, actor: manager, type: 'RequestAmendment' as const, amendmentId: x, value: eur(v), reason: 'scope' },
      { ...base, actor: approver, type: 'ApproveAmendment' as const, amendmentId: x, note: null },
    ]),
  // Requested and approved apart, so orders and invoices come in between and approval must check again.
  fc
    .record({ v: fc.integer({ min: 1, max: 2 * VALUE }), x: amendmentId })
    .map(({ v, x }) => [
      { ...base, actor: manager, type: 'RequestAmendment' as const, amendmentId: x, value: eur(v), reason: 'scope' },
    ]),
  amendmentId.map((x) => [
    { ...base, actor: otherManager, type: 'ApproveAmendment' as const, amendmentId: x, note: null },
  ]),
);

/** Rarer commands: timers, unapplied cash and the end of a contract before its time. */
const rareCommand: fc.Arbitrary<ContractCommand[]> = fc.oneof(
  fc
    .record({ id: invoiceId, days: fc.integer({ min: 0, max: 120 }) })
    .map(({ id, days }) => [overdue(new Date(NOW.getTime() + days * 86_400_000), id)]),
  fc
    .record({ days: fc.integer({ min: 1, max: 120 }) })
    .map(({ days }) => [reminder(new Date(NOW.getTime() + days * 86_400_000), 7)]),
  fc.record({ x: freshId, v: amount }).map(({ x, v }) => [unapplied(x, v)]),
  fc.constant<ContractCommand[]>([{ ...base, actor: ar, type: 'TerminateContract', reason: 'insolvent' }]),
);

/** Deliveries and their answers lined up on one order, so acceptances and invoices are often accepted. */
const deliveryRound: fc.Arbitrary<ContractCommand[]> = fc
  .record({ id: poId, v: amount, a: amount, x: freshId, i: invoiceId })
  .map(({ id, v, a, x, i }) => [
    po(id, v),
    deliver(id, v, `d${x}`),
    accept(id, a, 0, `a${x}`),
    invoice(i, a),
    pay(i, a, `p${x}`),
  ]);

/** The whole contract ordered, delivered, accepted, invoiced by its milestones and paid: one way to close it. */
function completion(terms: PaymentTermsInput, x: string): ContractCommand[] {
  const shares = terms.kind === 'net' ? [{ milestone: 'on_acceptance' as const, shareBp: 10_000 }] : terms.milestones;
  // VALUE is 10 000 minor units, so a share in basis points is its amount.
  const billing = shares.flatMap(({ milestone: m, shareBp }, n) => [
    invoice(`c${x}-${n}`, shareBp, m),
    pay(`c${x}-${n}`, shareBp, `cp${x}-${n}`),
  ]);
  return [po(`pc${x}`, VALUE), deliver(`pc${x}`, VALUE, `cd${x}`), accept(`pc${x}`, VALUE, 0, `ca${x}`), ...billing];
}

const sequences = fc.constantFrom(...TERMS).chain((terms) =>
  fc.record({
    terms: fc.constant(terms),
    commands: fc
      .array(
        fc.oneof(
          { arbitrary: command, weight: 6 },
          { arbitrary: rareCommand, weight: 1 },
          { arbitrary: deliveryRound, weight: 2 },
          { arbitrary: freshId.map((x) => completion(terms, x)), weight: 1 },
        ),
        { maxLength: 30 },
      )
      .map((rounds) => rounds.flat()),
  }),
);

const refusal = (error: unknown): boolean =>
  error instanceof DomainError || error instanceof InvalidInputError || error instanceof NotFoundError;

/** Decides the commands one after another from a handed-over contract, keeping the events of those accepted. */
function run(
  terms: PaymentTermsInput,
  commands: readonly ContractCommand[],
  check: (state: ContractState, events: readonly ContractEvent[]) => void,
): void {
  const { decide, evolve, initialState } = contractDecider;
  let events: ContractEvent[] = [];
  let state = initialState();
  for (const next of [draft, sign(terms, VALUE), schedule, hold, ...commands]) {
    try {
      const decided = decide(next, state);
      events = [...events, ...decided];
      state = decided.reduce(evolve, state);
    } catch (error) {
      if (!refusal(error)) throw error;
    }
    check(state, events);
  }
}

/** The figures summed straight from the events, without the decider's state: the oracle the read model will match. */
function figuresFromEvents(events: readonly ContractEvent[]): Omit<ContractFigures, 'invoiceableMinor'> {
  const f = { contracted: 0, ordered: 0, delivered: 0, accepted: 0, invoiced: 0, paid: 0 };
  for (const e of events) {
    if (e.type === 'ContractSigned' || e.type === 'ContractAmended') f.contracted = e.data.value.amountMinor;
    if (e.type === 'PurchaseOrderPlaced') f.ordered += e.data.value.amountMinor;
    if (e.type === 'PurchaseOrderCancelled') f.ordered -= e.data.value.amountMinor;
    if (e.type === 'DeliveryRecorded') f.delivered += e.data.value.amountMinor;
    if (e.type === 'DeliveryRejected') f.delivered -= e.data.value.amountMinor;
    if (e.type === 'DeliveryAccepted') f.accepted += e.data.value.amountMinor;
    if (e.type === 'InvoiceIssued') f.invoiced += e.data.amount.amountMinor;
    if (e.type === 'CreditNoteIssued') f.invoiced -= e.data.amount.amountMinor;
    if (e.type === 'PaymentReceived') f.paid += e.data.amount.amountMinor;
  }
  return {
    contractedMinor: f.contracted,
    orderedMinor: f.ordered,
    deliveredMinor: f.delivered,
    acceptedMinor: f.accepted,
    invoicedMinor: f.invoiced,
    paidMinor: f.paid,
    outstandingMinor: f.invoiced - f.paid,
  };
}

describe('Contract › properties over random command sequences', () => {
  it(
    'never ordered > contract, delivered > ordered, accepted > delivered, invoiced > invoiceable, paid > invoiced',
    () => {
      fc.assert(
        fc.property(sequences, ({ terms, commands }) =>
          run(terms, commands, (state) => {
            if (state.status === 'none') throw new Error('the contract disappeared');
            expect(brokenInvariant(state)).toBeUndefined();
          }),
        ),
        { numRuns: 2000 },
      );
    },
    RANDOM_RUNS_TIMEOUT_MS,
  );

  it(
    'the figures folded by the decider equal a direct sum of the events',
    () => {
      fc.assert(
        fc.property(sequences, ({ terms, commands }) =>
          run(terms, commands, (state, events) => {
            if (state.status === 'none') return;
            const { invoiceableMinor: _, ...figures } = figuresOf(state);
            expect(figures).toEqual(figuresFromEvents(events));
          }),
        ),
        { numRuns: 500 },
      );
    },
    RANDOM_RUNS_TIMEOUT_MS,
  );

  it(
    'a live contract is closed exactly when it is delivered, accepted, invoiced and paid in full, and only once',
    () => {
      let closedSeen = 0;
      fc.assert(
        fc.property(sequences, ({ terms, commands }) =>
          run(terms, commands, (state, events) => {
            if (state.status === 'none') return;
            const closings = events.filter((e) => e.type === 'ContractClosed').length;
            expect(closings).toBe(state.status === 'closed' ? 1 : 0);
            // A terminated contract stays terminated, even once its last invoice is paid.
            if (state.status !== 'terminated') expect(fulfilledInFull(state)).toBe(state.status === 'closed');
            if (closings > 0) closedSeen += 1;
          }),
        ),
        { numRuns: 1000 },
      );
      // The sequences reach the end of Lead to Cash often enough for the property to mean something.
      expect(closedSeen).toBeGreaterThan(0);
    },
    RANDOM_RUNS_TIMEOUT_MS,
  );
});
