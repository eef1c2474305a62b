import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ContractListRow } from './contract-list.table.js';

export class ContractTriangleView {
  @ApiProperty() ar!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) sr!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The FR who leads once handed over' })
  fr!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) sponsor!: string | null;
}

/** A contract's money, in integer minor units of `currency`. */
export class ContractFiguresView {
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ description: 'The signed value with every approved amendment; 0 until signed' })
  contractedMinor!: number;
  @ApiProperty({ description: 'Open and delivered purchase orders' }) orderedMinor!: number;
  @ApiProperty({ description: 'Delivered and not rejected' }) deliveredMinor!: number;
  @ApiProperty() acceptedMinor!: number;
  @ApiProperty({ description: 'Invoiced less credit notes' }) invoicedMinor!: number;
  @ApiProperty() paidMinor!: number;
  @ApiProperty({ description: 'Invoiced and not paid' }) outstandingMinor!: number;
  @ApiProperty({ description: 'Open on invoices flagged overdue' }) overdueMinor!: number;
}

/** A contract as the contract list shows it. */
export class ContractView {
  @ApiProperty({ description: "The contract's id, the deal's own" }) id!: string;
  @ApiProperty() dealId!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) account!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) pipelineId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: "The lead's source" }) source!: string | null;
  @ApiProperty({ enum: ['draft', 'signed', 'handed_over', 'closed', 'terminated'] }) status!: string;
  @ApiProperty({ type: () => ContractFiguresView }) figures!: ContractFiguresView;
  @ApiProperty({ type: () => ContractTriangleView }) triangle!: ContractTriangleView;
  @ApiProperty() draftedAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'YYYY-MM-DD' }) signedOn!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) handedOverAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Closed or terminated at' })
  closedAt!: string | null;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ description: 'Contract stream revision the row reflects' }) revision!: number;
}

export class ContractPageView {
  @ApiProperty({ type: [ContractView] }) items!: ContractView[];
  @ApiProperty() limit!: number;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Send as cursor for the next page; null: last' })
  nextCursor!: string | null;
}

export function figuresViewOf(row: ContractListRow): ContractFiguresView {
  return {
    currency: row.currency,
    contractedMinor: Number(row.value_minor),
    orderedMinor: Number(row.ordered_minor),
    deliveredMinor: Number(row.delivered_minor),
    acceptedMinor: Number(row.accepted_minor),
    invoicedMinor: Number(row.invoiced_minor),
    paidMinor: Number(row.paid_minor),
    outstandingMinor: Number(row.outstanding_minor),
    overdueMinor: Number(row.overdue_minor),
  };
}

export function toContractView(row: ContractListRow): ContractView {
  return {
    id: row.contract_id,
    dealId: row.deal_id,
    name: row.name,
    account: row.account,
    pipelineId: row.pipeline_id,
    source: row.source,
    status: row.status,
    figures: figuresViewOf(row),
    triangle: { ar: row.ar_id, sr: row.sr_id, fr: row.fr_id, sponsor: row.sponsor_id },
    draftedAt: row.drafted_at,
    signedOn: row.signed_on,
    handedOverAt: row.handed_over_at,
    closedAt: row.closed_at,
    updatedAt: row.updated_at,
    revision: Number(row.revision),
  };
}
