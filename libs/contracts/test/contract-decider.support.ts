import { deciderSpec } from '#ltc/testing/decider-spec';
import type {
  ContractCommand,
  DraftContract,
  HoldHandoverMeeting,
  IssueInvoice,
  PlacePurchaseOrder,
  RecordAcceptance,
  RecordDelivery,
  RecordPayment,
  ScheduleHandoverMeeting,
  SignContract,
} from '../src/domain/contract.commands.js';
import { contractDecider } from '../src/domain/contract.decider.js';
import type { Actor, Milestone, PaymentTermsInput } from '../src/domain/contract-vocabulary.js';

/** Contract decider specs: `given(history).when(command).thenEmitsOne('PaymentReceived')` and the like. */
export const { given, history: historyOf } = deciderSpec(contractDecider);

export const NOW = new Date('2026-07-01T10:00:00Z');
export const CONTRACT = 'contract-deal-0001';
export const DEAL = 'deal-0001';
/** The winning quote's total and so the contract's value: EUR 10 000.00. */
export const VALUE = 1_000_000;

export const ar: Actor = { id: 'ann-ar', salesManager: false };
export const sr: Actor = { id: 'sam-sr', salesManager: false };
export const fr: Actor = { id: 'fay-fr', salesManager: false };
export const manager: Actor = { id: 'max-manager', salesManager: true };
export const otherManager: Actor = { id: 'mia-manager', salesManager: true };

export const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const base = (actor: Actor = ar) => ({ contractId: CONTRACT, actor, now: NOW });

export const TRIANGLE = { ar: ar.id, sr: sr.id, fr: fr.id, sponsor: manager.id };

export const draft: DraftContract = {
  ...base(),
  type: 'DraftContract',
  dealId: DEAL,
  quoteVersion: 2,
  quoteTotal: eur(VALUE),
  triangle: TRIANGLE,
};

export const NET_30: PaymentTermsInput = { kind: 'net', days: 30 };
export const THIRTY_SEVENTY: PaymentTermsInput = {
  kind: 'milestones',
  milestones: [
    { milestone: 'on_signing', shareBp: 3000 },
    { milestone: 'on_acceptance', shareBp: 7000 },
  ],
  dueDays: 14,
};

export const sign = (paymentTerms: PaymentTermsInput = NET_30, value = VALUE): SignContract => ({
  ...base(),
  type: 'SignContract',
  value: eur(value),
  valueDifferenceReason: value === VALUE ? null : 'volume rebate agreed at signing',
  paymentTerms,
  signedOn: '2026-07-01',
  signatory: 'Ingrid Lund',
  quoteVersion: 2,
});

export const schedule: ScheduleHandoverMeeting = {
  ...base(),
  type: 'ScheduleHandoverMeeting',
  scheduledAt: new Date('2026-07-03T09:00:00Z'),
  attendees: [ar.id, sr.id, fr.id],
  triangle: TRIANGLE,
};

export const hold: HoldHandoverMeeting = {
  ...base(),
  type: 'HoldHandoverMeeting',
  attendeesPresent: [ar.id, sr.id, fr.id],
  notes: 'Rollout in two waves',
  openItems: [{ description: 'Confirm depot addresses', owner: fr.id }],
  risks: ['Winter roads delay wave two'],
};

export const po = (purchaseOrderId: string, valueMinor: number): PlacePurchaseOrder => ({
  ...base(fr),
  type: 'PlacePurchaseOrder',
  purchaseOrderId,
  reference: null,
  lines: [{ sku: 'TLM-100', description: 'Telematics unit', quantity: 1, unitPrice: eur(valueMinor) }],
  orderedOn: '2026-07-04',
});

export const deliver = (
  purchaseOrderId: string,
  valueMinor: number,
  deliveryId = `d-${purchaseOrderId}-${valueMinor}`,
): RecordDelivery => ({
  ...base(fr),
  type: 'RecordDelivery',
  purchaseOrderId,
  deliveryId,
  value: eur(valueMinor),
  items: [{ sku: 'TLM-100', quantity: 1 }],
  deliveredOn: '2026-07-10',
});

export const accept = (
  purchaseOrderId: string,
  acceptedMinor: number,
  rejectedMinor = 0,
  acceptanceId = `a-${purchaseOrderId}-${acceptedMinor}-${rejectedMinor}`,
): RecordAcceptance => ({
  ...base(fr),
  type: 'RecordAcceptance',
  purchaseOrderId,
  acceptanceId,
  accepted: eur(acceptedMinor),
  rejected: eur(rejectedMinor),
  reason: rejectedMinor > 0 ? 'two units damaged' : null,
  answeredOn: '2026-07-12',
});

export const invoice = (invoiceId: string, amountMinor: number, milestone: Milestone | null = null): IssueInvoice => ({
  ...base(fr),
  type: 'IssueInvoice',
  invoiceId,
  milestone,
  amount: eur(amountMinor),
  issuedOn: '2026-07-15',
  dueAt: null,
});

export const pay = (
  invoiceId: string,
  amountMinor: number,
  paymentId = `p-${invoiceId}-${amountMinor}`,
): RecordPayment => ({
  ...base(ar),
  type: 'RecordPayment',
  invoiceId,
  paymentId,
  amount: eur(amountMinor),
  receivedOn: '2026-08-01',
});

/** Drafted, signed on `terms` and handed over to the FR: execution may start. */
export const handedOver = (terms: PaymentTermsInput = NET_30, ...more: ContractCommand[]) =>
  historyOf(draft, sign(terms), schedule, hold, ...more);

export const credit = (
  invoiceId: string,
  amountMinor: number,
  creditNoteId = `cn-${amountMinor}`,
): ContractCommand => ({
  type: 'IssueCreditNote',
  contractId: CONTRACT,
  actor: ar,
  now: NOW,
  invoiceId,
  creditNoteId,
  amount: eur(amountMinor),
  reason: 'two units returned',
  issuedOn: '2026-07-20',
});
export const overdue = (now: Date, invoiceId = 'inv-1'): ContractCommand => ({
  type: 'FlagInvoiceOverdue',
  contractId: CONTRACT,
  actor: { id: 'system', salesManager: false },
  now,
  invoiceId,
});
export const reminder = (now: Date, daysAfterDue: number, invoiceId = 'inv-1'): ContractCommand => ({
  type: 'SendInvoiceReminder',
  contractId: CONTRACT,
  actor: { id: 'system', salesManager: false },
  now,
  invoiceId,
  daysAfterDue,
});
export const unapplied = (cashId: string, amountMinor: number): ContractCommand => ({
  type: 'RecordUnappliedCash',
  contractId: CONTRACT,
  actor: ar,
  now: NOW,
  cashId,
  amount: eur(amountMinor),
  receivedOn: '2026-08-02',
  note: 'paid twice by mistake',
});

/** Handed over on net 30, 600 000 accepted of a 1 000 000 contract. */
export const accepted = (...more: ContractCommand[]) =>
  handedOver(NET_30, po('po-1', VALUE), deliver('po-1', 600_000), accept('po-1', 600_000), ...more);
