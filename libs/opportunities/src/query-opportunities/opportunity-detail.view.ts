import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AggregatedStream } from '#ltc/commanding';
import type { OpportunityEvent, OpportunityOpened } from '../domain/opportunity.events.js';
import type { Opportunity, OpportunityState } from '../domain/opportunity.state.js';
import { MoneyView, TriangleView } from '../read-models/opportunity.views.js';
import { timelineOf, type TimelineEntry } from './opportunity-timeline.js';

const OBJECTS = { type: 'array', items: { type: 'object' } } as const;

export class TimelineEntryView {
  @ApiProperty() revision!: number;
  @ApiProperty() at!: string;
  @ApiProperty({ example: 'OpportunityStageChanged' }) type!: string;
  @ApiProperty({ description: 'Token subject who acted; `system` for timers and process managers' }) actor!: string;
  @ApiProperty({ description: "The actor's role in the token" }) role!: string;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    enum: ['ar', 'sr', 'fr', 'sponsor', 'manager', 'system'],
    description: 'Their seat on the deal at that moment',
  })
  seat!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What changed (the event data)' })
  change!: Record<string, unknown>;
}

/** One deal as it stands now, with its triangle, handoffs, quotes, bid and full timeline. */
export class OpportunityDetailView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) account!: string | null;
  @ApiProperty({ enum: ['lead_conversion', 'direct'] }) origin!: string;
  @ApiPropertyOptional({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description: 'The lead it came from',
  })
  lead!: Record<string, unknown> | null;
  @ApiPropertyOptional({ nullable: true, type: String }) team!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) region!: string | null;
  @ApiProperty({ type: [String] }) productsOfInterest!: string[];
  @ApiProperty() pipelineId!: string;
  @ApiProperty() stage!: string;
  @ApiProperty({ enum: ['open', 'won', 'lost'] }) status!: string;
  @ApiProperty() probabilityBp!: number;
  @ApiProperty() forecastCategory!: string;
  @ApiPropertyOptional({ nullable: true, type: () => MoneyView }) amount!: MoneyView | null;
  @ApiPropertyOptional({ nullable: true, type: String }) closeDate!: string | null;
  @ApiProperty({ description: 'The AR, who owns the deal' }) owner!: string;
  @ApiProperty({ type: () => TriangleView }) triangle!: TriangleView;
  @ApiProperty() triangleFormed!: boolean;
  @ApiProperty({ description: 'The one person leading the deal now' }) leader!: string;
  @ApiProperty({ ...OBJECTS, description: 'Every handoff, oldest first' }) handoffs!: object[];
  @ApiProperty({ ...OBJECTS, description: 'Every quote version with its lines, totals and status' }) quotes!: object[];
  @ApiPropertyOptional({ nullable: true, type: 'object', additionalProperties: true }) bid!: object | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) wonQuoteVersion!: number | null;
  @ApiProperty({ description: 'Deal stream revision (also the ETag)' }) revision!: number;
  @ApiProperty({ type: [TimelineEntryView] }) timeline!: TimelineEntry[];
}

/** The detail of a deal folded from its stream; the caller has checked it exists and may be seen. */
export function opportunityDetail(
  folded: AggregatedStream<OpportunityEvent, OpportunityState>,
  deal: Opportunity,
): OpportunityDetailView {
  const opening = folded.events.find(({ event }) => event?.type === 'OpportunityOpened')?.event as
    OpportunityOpened | undefined;
  const d = opening?.data;
  return {
    id: deal.opportunityId,
    name: deal.name,
    account: d?.account ?? null,
    origin: d?.origin ?? 'direct',
    lead: deal.lead ? { ...deal.lead } : null,
    team: d?.team ?? null,
    region: d?.region ?? null,
    productsOfInterest: [...(d?.productsOfInterest ?? [])],
    pipelineId: deal.pipelineId,
    stage: deal.stageId,
    status: deal.status,
    probabilityBp: deal.probabilityBp,
    forecastCategory: deal.forecastCategory,
    amount: deal.amount ? { ...deal.amount } : null,
    closeDate: deal.closeDate,
    owner: deal.triangle.ar,
    triangle: { ...deal.triangle },
    triangleFormed: deal.triangleFormed,
    leader: deal.leader,
    handoffs: deal.handoffs.map((h) => ({ ...h })),
    quotes: deal.quotes.map((q) => ({ ...q.content, status: q.status, approvalRequestedBy: q.approvalRequestedBy })),
    bid: deal.bid ? { ...deal.bid } : null,
    wonQuoteVersion: deal.wonQuoteVersion,
    revision: Number(folded.revision ?? 0n),
    timeline: timelineOf(folded),
  };
}
