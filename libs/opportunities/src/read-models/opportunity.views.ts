import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { OpportunityListRow } from './opportunity-list.table.js';

/** An amount of money: integer minor units and an ISO 4217 currency. */
export class MoneyView {
  @ApiProperty({ description: 'Integer minor units (cents)', example: 1_250_000 }) amountMinor!: number;
  @ApiProperty({ description: 'ISO 4217 code', example: 'EUR' }) currency!: string;
}

export class TriangleView {
  @ApiPropertyOptional({ nullable: true, type: String }) ar!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) sr!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) fr!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) sponsor!: string | null;
}

/** A deal as the opportunity list shows it. */
export class OpportunityView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) account!: string | null;
  @ApiProperty({ enum: ['lead_conversion', 'direct'] }) origin!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) leadId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: "The lead's source" }) source!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) team!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) region!: string | null;
  @ApiProperty() pipelineId!: string;
  @ApiProperty() pipelineVersion!: number;
  @ApiProperty() stage!: string;
  @ApiProperty({ enum: ['open', 'won', 'lost'] }) status!: string;
  @ApiProperty({ description: 'Win probability in basis points (0–10 000)' }) probabilityBp!: number;
  @ApiProperty({ enum: ['pipeline', 'best_case', 'commit', 'closed', 'omitted'] }) forecastCategory!: string;
  @ApiPropertyOptional({ nullable: true, type: () => MoneyView }) amount!: MoneyView | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Expected close date, YYYY-MM-DD' })
  closeDate!: string | null;
  @ApiProperty({ description: 'The AR, who owns the deal' }) owner!: string;
  @ApiProperty({ type: () => TriangleView }) triangle!: TriangleView;
  @ApiProperty({ description: 'The one person leading the deal now' }) leader!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Who a pending handoff waits on' })
  pendingHandoffTo!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) lossReason!: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) wonQuoteVersion!: number | null;
  @ApiProperty() openedAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) closedAt!: string | null;
  @ApiProperty({ description: 'Deal stream revision the row reflects' }) revision!: number;
}

export class OpportunityPageView {
  @ApiProperty({ type: [OpportunityView] }) items!: OpportunityView[];
  @ApiProperty() limit!: number;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Send as cursor for the next page; null: last' })
  nextCursor!: string | null;
}

export function toOpportunityView(row: OpportunityListRow): OpportunityView {
  return {
    id: row.opportunity_id,
    name: row.name,
    account: row.account,
    origin: row.origin,
    leadId: row.lead_id,
    source: row.source,
    team: row.team,
    region: row.region,
    pipelineId: row.pipeline_id,
    pipelineVersion: Number(row.pipeline_version),
    stage: row.stage_id,
    status: row.status,
    probabilityBp: Number(row.probability_bp),
    forecastCategory: row.forecast_category,
    amount:
      row.amount_minor === null || row.currency === null
        ? null
        : { amountMinor: Number(row.amount_minor), currency: row.currency },
    closeDate: row.close_date,
    owner: row.owner_id,
    triangle: { ar: row.ar_id, sr: row.sr_id, fr: row.fr_id, sponsor: row.sponsor_id },
    leader: row.leader_id,
    pendingHandoffTo: row.pending_handoff_to,
    lossReason: row.loss_reason,
    wonQuoteVersion: row.won_quote_version === null ? null : Number(row.won_quote_version),
    openedAt: row.opened_at,
    updatedAt: row.updated_at,
    closedAt: row.closed_at,
    revision: Number(row.revision),
  };
}
