import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AggregatedStream } from '#ltc/commanding';
import type { ContractEvent } from '../domain/contract.events.js';
import type { Contract, ContractState } from '../domain/contract.state.js';
import { figuresOf } from '../domain/contract-balance.js';
import { openOnInvoiceMinor } from '../domain/contract.state.js';
import { listStatusOf, overdueMinorOf } from '../read-models/contract-list.fold.js';
import { ContractFiguresView, ContractTriangleView } from '../read-models/contract.views.js';
import { contractTimelineOf, type ContractTimelineEntry } from './contract-timeline.js';

const OBJECTS = { type: 'array', items: { type: 'object' } } as const;

export class ContractTimelineEntryView {
  @ApiProperty() revision!: number;
  @ApiProperty() at!: string;
  @ApiProperty({ example: 'PaymentReceived' }) type!: string;
  @ApiProperty({ description: 'Token subject who acted; `system` for timers and process managers' }) actor!: string;
  @ApiProperty({ description: "The actor's role in the token" }) role!: string;
  @ApiPropertyOptional({ nullable: true, type: String, enum: ['ar', 'sr', 'fr', 'sponsor', 'manager', 'system'] })
  seat!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What changed (the event data)' })
  change!: Record<string, unknown>;
}

/** One contract as it stands now, from its own stream. */
export class ContractDetailView {
  @ApiProperty() id!: string;
  @ApiProperty() dealId!: string;
  @ApiProperty({ enum: ['draft', 'signed', 'handed_over', 'closed', 'terminated'] }) status!: string;
  @ApiProperty() quoteVersion!: number;
  @ApiProperty({ type: () => ContractTriangleView }) triangle!: ContractTriangleView;
  @ApiProperty({ type: () => ContractFiguresView }) figures!: ContractFiguresView;
  @ApiProperty({ description: 'What may be invoiced now under the payment terms' }) invoiceableMinor!: number;
  @ApiPropertyOptional({ nullable: true, type: 'object', additionalProperties: true }) paymentTerms!: object | null;
  @ApiPropertyOptional({ nullable: true, type: 'object', additionalProperties: true }) pendingAmendment!: object | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Meeting status, when, triangle' })
  handover!: object;
  @ApiProperty({ ...OBJECTS, description: 'Every purchase order with its figures' }) purchaseOrders!: object[];
  @ApiProperty({ ...OBJECTS }) deliveries!: object[];
  @ApiProperty({ ...OBJECTS, description: 'Acceptances and rejections' }) acceptances!: object[];
  @ApiProperty({ ...OBJECTS, description: 'Every invoice with what is open on it' }) invoices!: object[];
  @ApiProperty({ ...OBJECTS }) creditNotes!: object[];
  @ApiProperty({ ...OBJECTS }) payments!: object[];
  @ApiProperty({ description: 'Cash received and not applied to an invoice' }) unappliedCashMinor!: number;
  @ApiProperty({ description: 'Contract stream revision (also the ETag)' }) revision!: number;
  @ApiProperty({ type: [ContractTimelineEntryView] }) timeline!: ContractTimelineEntry[];
}

type EventOf<T extends ContractEvent['type']> = Extract<ContractEvent, { type: T }>;

/** The data of every event of one type, oldest first, without the contract id. */
function dataOf<T extends ContractEvent['type']>(events: readonly ContractEvent[], type: T): object[] {
  return events
    .filter((event): event is EventOf<T> => event.type === type)
    .map(({ data }) => {
      const { contractId: _id, ...rest } = data;
      return rest;
    });
}

/** The figures of a contract, in its currency: the domain's own fold plus what is overdue. */
export const contractFiguresOf = (contract: Contract): ContractFiguresView => {
  const f = figuresOf(contract);
  return {
    currency: contract.currency,
    contractedMinor: f.contractedMinor,
    orderedMinor: f.orderedMinor,
    deliveredMinor: f.deliveredMinor,
    acceptedMinor: f.acceptedMinor,
    invoicedMinor: f.invoicedMinor,
    paidMinor: f.paidMinor,
    outstandingMinor: f.outstandingMinor,
    overdueMinor: overdueMinorOf(contract),
  };
};

/** The detail of a contract folded from its stream; the caller has checked it exists and may be seen. */
export function contractDetail(
  folded: AggregatedStream<ContractEvent, ContractState>,
  contract: Contract,
): ContractDetailView {
  const events = folded.events.flatMap(({ event }) => (event ? [event] : []));
  const issued = new Map(
    events
      .filter((e): e is EventOf<'InvoiceIssued'> => e.type === 'InvoiceIssued')
      .map((e) => [e.data.invoiceId, e.data]),
  );
  return {
    id: contract.contractId,
    dealId: contract.dealId,
    status: listStatusOf(contract),
    quoteVersion: contract.quoteVersion,
    triangle: { ...contract.triangle, fr: contract.handedOverTo ?? contract.triangle.fr },
    figures: contractFiguresOf(contract),
    invoiceableMinor: figuresOf(contract).invoiceableMinor,
    paymentTerms: contract.paymentTerms,
    pendingAmendment: contract.pendingAmendment,
    handover: { ...contract.handover, handedOverTo: contract.handedOverTo },
    purchaseOrders: contract.purchaseOrders.map((po) => ({ ...po })),
    deliveries: dataOf(events, 'DeliveryRecorded'),
    acceptances: [...dataOf(events, 'DeliveryAccepted'), ...dataOf(events, 'DeliveryRejected')],
    invoices: contract.invoices.map((invoice) => ({
      ...invoice,
      issuedOn: issued.get(invoice.invoiceId)?.issuedOn ?? null,
      ar: issued.get(invoice.invoiceId)?.ar ?? null,
      openMinor: openOnInvoiceMinor(invoice),
    })),
    creditNotes: dataOf(events, 'CreditNoteIssued'),
    payments: dataOf(events, 'PaymentReceived'),
    unappliedCashMinor: contract.unappliedCashMinor,
    revision: Number(folded.revision ?? 0n),
    timeline: contractTimelineOf(folded),
  };
}
