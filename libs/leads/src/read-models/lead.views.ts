import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LEAD_SOURCES, type LeadSource } from '../domain/lead-sources.js';

/** A lead as the lead list read model shows it. */
/** An amount of money: integer minor units and an ISO 4217 currency. */
export class MoneyView {
  @ApiProperty({ description: 'Integer minor units (cents)', example: 25_000_00 }) amountMinor!: number;
  @ApiProperty({ description: 'ISO 4217 code', example: 'EUR' }) currency!: string;
}

export class LeadView {
  @ApiProperty() id!: string;
  @ApiProperty({
    example: 'assigned',
    description:
      'new, pooled, offered, recycled, assigned, working, qualified, nurturing, disqualified, converted, archived',
  })
  status!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) company!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) contactPerson!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) email!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ enum: LEAD_SOURCES }) source!: LeadSource;
  @ApiPropertyOptional({ nullable: true, type: String }) region!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) language!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) industry!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The sales team whose policy routes the lead' })
  team!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'The deal size in major units of its currency (kept for older clients; dealSize is exact)',
  })
  estimatedDealSize!: number | null;
  @ApiPropertyOptional({ nullable: true, type: () => MoneyView, description: 'Estimated deal size' })
  dealSize!: MoneyView | null;
  @ApiProperty({ enum: ['inbound', 'outbound'] }) direction!: string;
  @ApiProperty({ description: 'False when the lead has no email or phone' }) complete!: boolean;
  @ApiPropertyOptional({ nullable: true, type: Number }) score!: number | null;
  @ApiPropertyOptional({ nullable: true, type: String, enum: ['A', 'B', 'C'] }) tier!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Rep id (token subject) of the owner' })
  ownerId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) assignmentMethod!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) assignedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'First contact is due by then' })
  responseDueAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) firstContactAt!: string | null;
  @ApiProperty() attempts!: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) attemptTarget!: number | null;
  @ApiProperty({ enum: ['none', 'pending', 'warning', 'breached', 'met', 'missed'] }) slaState!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) poolMethod!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) offeredTo!: string | null;
  @ApiProperty({ type: [String], example: ['cognitive_mode:price-first'] }) tags!: string[];
  @ApiProperty() touches!: number;
  @ApiProperty() interactions!: number;
  @ApiPropertyOptional({ nullable: true, type: String }) disqualifyReason!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reactivateOn!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Links the lead to its opportunity and what follows',
  })
  dealId!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'The service ticket whose engineer raised the lead (source service); null when no ticket did',
  })
  raisedFromTicket!: string | null;
  @ApiProperty() capturedAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ description: 'Stream revision the view reflects; compare with ETag of commands' }) revision!: number;
}

export class ScoreLineView {
  @ApiProperty() ruleId!: string;
  @ApiProperty({ enum: ['fit', 'behaviour', 'source_prior'] }) kind!: string;
  @ApiProperty() label!: string;
  @ApiProperty() points!: number;
  @ApiProperty() reason!: string;
}

export class TimelineEntryView {
  @ApiProperty() at!: string;
  @ApiProperty({ example: 'LeadAssigned' }) type!: string;
  @ApiProperty({ description: 'Who: user id and role (system for the engine)' }) actor!: {
    userId: string;
    role: string;
  };
  @ApiProperty() revision!: number;
  @ApiProperty({ type: Object }) data!: unknown;
}

export class RoutingWaitView {
  @ApiProperty({ example: 'all_at_capacity' }) reason!: string;
  @ApiProperty({ example: 'all 3 active rep(s) at capacity' }) detail!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) teamId!: string | null;
  @ApiProperty() waitingSince!: string;
}

export class LeadDetailView extends LeadView {
  @ApiProperty({ type: [ScoreLineView] }) scoreBreakdown!: ScoreLineView[];
  @ApiPropertyOptional({ nullable: true, type: Number }) modelVersion!: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) assignmentReason!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) notes!: string | null;
  @ApiProperty({
    example: 'lead-4b0c6f0e-…',
    description:
      'The data subject of the lead contact (person, email, phone, notes): for GET /data-subjects/{id}/export and POST /data-subjects/{id}/erase',
  })
  contactSubjectId!: string;
  @ApiPropertyOptional({
    nullable: true,
    type: () => RoutingWaitView,
    description: 'Why routing could not place the lead while it waits for a rep (GET /leads/unassigned); else null',
  })
  routingWait!: RoutingWaitView | null;
  @ApiProperty({ type: [TimelineEntryView], description: 'Every event of the lead, oldest first' })
  timeline!: TimelineEntryView[];
}

export class LeadPageView {
  @ApiProperty({ type: [LeadView] }) items!: LeadView[];
  @ApiPropertyOptional({
    description:
      'Leads matching the filters. On offset pages when they are 10,000 or fewer (or with count=exact); on cursor pages only with count=exact (counting is the slow part of a deep page)',
  })
  total?: number;
  @ApiPropertyOptional({
    description:
      'Instead of total, on an offset page with more than 10,000 matches: how many were counted before counting stopped. Send count=exact for the total',
  })
  totalAtLeast?: number;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Send as `cursor` (with the same order) for the page after this one; null on the last page',
  })
  nextCursor!: string | null;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
