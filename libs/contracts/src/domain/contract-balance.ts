import type { Milestone } from './contract-vocabulary.js';
import { netDeliveredMinor, type Contract } from './contract.state.js';

const BP_PER_WHOLE = 10_000n;
const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

/** The contract's figures, in minor units of its currency: what the balance read model shows. */
export interface ContractFigures {
  readonly contractedMinor: number;
  /** Open and delivered purchase orders (cancelled ones freed their value). */
  readonly orderedMinor: number;
  readonly deliveredMinor: number;
  readonly acceptedMinor: number;
  /** Invoiced less credit notes. */
  readonly invoicedMinor: number;
  readonly paidMinor: number;
  /** What may be invoiced at this moment under the payment terms. */
  readonly invoiceableMinor: number;
  /** Invoiced and not paid. */
  readonly outstandingMinor: number;
}

export function figuresOf(contract: Contract): ContractFigures {
  const orders = contract.purchaseOrders.filter((po) => po.status === 'open');
  const invoicedMinor = sum(contract.invoices.map((i) => i.amountMinor - i.creditedMinor));
  const paidMinor = sum(contract.invoices.map((i) => i.paidMinor));
  return {
    contractedMinor: contract.valueMinor,
    orderedMinor: sum(orders.map((po) => po.valueMinor)),
    deliveredMinor: sum(orders.map(netDeliveredMinor)),
    acceptedMinor: sum(orders.map((po) => po.acceptedMinor)),
    invoicedMinor,
    paidMinor,
    invoiceableMinor: invoiceableMinor(contract),
    outstandingMinor: invoicedMinor - paidMinor,
  };
}

/**
 * The base a milestone's share applies to: the whole value once signed (on signing) or handed
 * over (on handover), the accepted value (on acceptance). Each only grows, except through an
 * amendment, which is refused when it would leave more invoiced than invoiceable.
 */
export function milestoneBaseMinor(contract: Contract, milestone: Milestone): number {
  switch (milestone) {
    case 'on_signing':
      return contract.signed ? contract.valueMinor : 0;
    case 'on_handover':
      return contract.handedOverTo !== null ? contract.valueMinor : 0;
    case 'on_acceptance':
      return sum(contract.purchaseOrders.map((po) => po.acceptedMinor));
  }
}

/**
 * What may be invoiced in all: Σ share × base / 10 000, summed before one division and rounded
 * down, so it never exceeds the value and equals it exactly once every base is the whole value
 * (the shares sum to 10 000) — a contract can always be invoiced in full, never beyond.
 */
export function invoiceableMinor(contract: Contract): number {
  const shares = contract.paymentTerms?.milestones ?? [];
  const weighted = shares.reduce(
    (total, { milestone, shareBp }) => total + BigInt(shareBp) * BigInt(milestoneBaseMinor(contract, milestone)),
    0n,
  );
  return Number(weighted / BP_PER_WHOLE);
}

/**
 * What may be invoiced against one milestone: its share of its base, rounded up (so the
 * milestones together always reach the total; the total, rounded down, is the binding limit).
 */
export function milestoneInvoiceableMinor(contract: Contract, milestone: Milestone): number {
  const share = contract.paymentTerms?.milestones.find((m) => m.milestone === milestone);
  if (share === undefined) return 0;
  const product = BigInt(share.shareBp) * BigInt(milestoneBaseMinor(contract, milestone));
  return Number((product + BP_PER_WHOLE - 1n) / BP_PER_WHOLE);
}

/** Invoiced less credited against one milestone. */
export const invoicedForMilestoneMinor = (contract: Contract, milestone: Milestone): number =>
  sum(contract.invoices.filter((i) => i.milestone === milestone).map((i) => i.amountMinor - i.creditedMinor));

/** Delivered, accepted, invoiced and paid in full: nothing is left to do. */
export function fulfilledInFull(contract: Contract): boolean {
  const figures = figuresOf(contract);
  return (
    contract.signed &&
    figures.contractedMinor > 0 &&
    figures.acceptedMinor === figures.contractedMinor &&
    figures.invoicedMinor === figures.contractedMinor &&
    figures.paidMinor === figures.contractedMinor
  );
}

/** The first money invariant the contract breaks, or undefined: the properties check every state with it. */
export function brokenInvariant(contract: Contract): string | undefined {
  const f = figuresOf(contract);
  if (f.orderedMinor > f.contractedMinor) return 'ordered > contracted';
  for (const po of contract.purchaseOrders) {
    if (netDeliveredMinor(po) > po.valueMinor) return `delivered > ordered on ${po.purchaseOrderId}`;
    if (po.acceptedMinor > netDeliveredMinor(po)) return `accepted > delivered on ${po.purchaseOrderId}`;
  }
  if (f.invoicedMinor > f.invoiceableMinor) return 'invoiced > invoiceable';
  for (const { milestone } of contract.paymentTerms?.milestones ?? []) {
    if (invoicedForMilestoneMinor(contract, milestone) > milestoneInvoiceableMinor(contract, milestone)) {
      return `invoiced > invoiceable ${milestone}`;
    }
  }
  for (const invoice of contract.invoices) {
    if (invoice.paidMinor + invoice.creditedMinor > invoice.amountMinor)
      return `paid > invoiced on ${invoice.invoiceId}`;
  }
  if (f.paidMinor > f.invoicedMinor) return 'paid > invoiced';
  return undefined;
}
