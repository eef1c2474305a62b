import type { ContractEvent } from '../domain/contract.events.js';
import type { Contract } from '../domain/contract.state.js';
import { figuresOf } from '../domain/contract-balance.js';
import { openOnInvoiceMinor } from '../domain/contract.state.js';
import type { ContractDealRow, ContractListRow } from './contract-list.table.js';

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

/** The list's status: a signed contract shows as `handed_over` once the FR leads it. */
export function listStatusOf(contract: Contract): string {
  if (contract.status === 'drafted') return 'draft';
  if (contract.status === 'signed') return contract.handedOverTo !== null ? 'handed_over' : 'signed';
  return contract.status;
}

/** Open on the invoices the dunning flagged overdue: what the AR is chasing. */
export const overdueMinorOf = (contract: Contract): number =>
  sum(contract.invoices.filter((invoice) => invoice.overdue).map(openOnInvoiceMinor));

/** Dates the state does not keep: taken from the event that set them, else kept from the row before. */
function datesFor(event: ContractEvent, before: ContractListRow | undefined) {
  return {
    signed_on: event.type === 'ContractSigned' ? event.data.signedOn : (before?.signed_on ?? null),
    handed_over_at: event.type === 'ContractHandedOver' ? event.data.at : (before?.handed_over_at ?? null),
    closed_at:
      event.type === 'ContractClosed' || event.type === 'ContractTerminated'
        ? event.data.at
        : (before?.closed_at ?? null),
  };
}

/** The row a contract reads as after `event`, from its folded state: its figures are `figuresOf` that state. */
export function contractRowOf(input: {
  readonly tenantId: string;
  readonly revision: bigint;
  readonly event: ContractEvent;
  readonly contract: Contract;
  readonly before: ContractListRow | undefined;
  readonly deal: ContractDealRow | undefined;
}): ContractListRow {
  const { contract, event, before, deal } = input;
  const f = figuresOf(contract);
  return {
    tenant_id: input.tenantId,
    contract_id: contract.contractId,
    deal_id: contract.dealId,
    name: before?.name ?? deal?.name ?? `Contract ${contract.contractId}`,
    account: before ? before.account : (deal?.account ?? null),
    pipeline_id: before ? before.pipeline_id : (deal?.pipeline_id ?? null),
    source: before ? before.source : (deal?.source ?? null),
    team_id: before ? before.team_id : (deal?.team_id ?? null),
    status: listStatusOf(contract),
    currency: contract.currency,
    value_minor: f.contractedMinor,
    ordered_minor: f.orderedMinor,
    delivered_minor: f.deliveredMinor,
    accepted_minor: f.acceptedMinor,
    invoiced_minor: f.invoicedMinor,
    paid_minor: f.paidMinor,
    outstanding_minor: f.outstandingMinor,
    overdue_minor: overdueMinorOf(contract),
    ar_id: contract.triangle.ar,
    sr_id: contract.triangle.sr,
    // The FR who took command once handed over; the drafted triangle's FR before.
    fr_id: contract.handedOverTo ?? contract.triangle.fr,
    sponsor_id: contract.triangle.sponsor,
    drafted_at: before?.drafted_at ?? event.data.at,
    ...datesFor(event, before),
    // The event's own time (never the clock), so a rebuild writes the same row.
    updated_at: event.data.at,
    revision: input.revision.toString(),
    state_json: JSON.stringify(contract),
  };
}
