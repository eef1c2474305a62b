import fc from 'fast-check';
import { DomainError, InvalidInputError, NotFoundError } from '#ltc/kernel';
import type { ContractCommand } from '../src/domain/contract.commands.js';
import type { PaymentTermsInput } from '../src/domain/contract-vocabulary.js';
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
} from './contract-decider.support.js';

/** Random contract command sequences for property specs: valid or not, as users could send them. */
/** A small contract value, so random amounts often meet the limits exactly. */
export const SEQUENCE_VALUE = 10_000;
export const SEQUENCE_TERMS: PaymentTermsInput[] = [
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
  fc.integer({ min: 1, max: SEQUENCE_VALUE + 1 }),
  fc.constantFrom(1, 999, 1000, 2500, 3000, 3333, 5000, 7000, 9999, SEQUENCE_VALUE, SEQUENCE_VALUE + 1),
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
    .record({
      v: fc.integer({ min: 1, max: 2 * SEQUENCE_VALUE }),
      x: freshId,
      approver: fc.constantFrom(manager, otherManager),
    })
    .map(({ v, x, approver }) => [
      { ...base, actor: manager, type: 'RequestAmendment' as const, amendmentId: x, value: eur(v), reason: 'scope' },
      { ...base, actor: approver, type: 'ApproveAmendment' as const, amendmentId: x, note: null },
    ]),
  // Requested and approved apart, so orders and invoices come in between and approval must check again.
  fc
    .record({ v: fc.integer({ min: 1, max: 2 * SEQUENCE_VALUE }), x: amendmentId })
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
  // SEQUENCE_VALUE is 10 000 minor units, so a share in basis points is its amount.
  const billing = shares.flatMap(({ milestone: m, shareBp }, n) => [
    invoice(`c${x}-${n}`, shareBp, m),
    pay(`c${x}-${n}`, shareBp, `cp${x}-${n}`),
  ]);
  return [
    po(`pc${x}`, SEQUENCE_VALUE),
    deliver(`pc${x}`, SEQUENCE_VALUE, `cd${x}`),
    accept(`pc${x}`, SEQUENCE_VALUE, 0, `ca${x}`),
    ...billing,
  ];
}

/** Payment terms and up to `maxRounds` rounds of commands sent after handover. */
export const contractSequences = (maxRounds: number) =>
  fc.constantFrom(...SEQUENCE_TERMS).chain((terms) =>
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
          { maxLength: maxRounds },
        )
        .map((rounds) => rounds.flat()),
    }),
  );

export const refusal = (error: unknown): boolean =>
  error instanceof DomainError || error instanceof InvalidInputError || error instanceof NotFoundError;

export const sequences = contractSequences(30);

/** The commands that bring a contract to handover, before each random sequence. */
export const openingCommands = (terms: PaymentTermsInput): ContractCommand[] => [
  draft,
  sign(terms, SEQUENCE_VALUE),
  schedule,
  hold,
];
