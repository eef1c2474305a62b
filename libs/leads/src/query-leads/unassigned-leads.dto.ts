import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '#ltc/platform';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { ROUTING_DEFERRAL_REASONS } from '../domain/lead-routing-deferred.events.js';

export class UnassignedLeadsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only leads waiting for this sales team', example: 'emea-north' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9_-]{0,62}$/, { message: 'team must be a team id such as emea-north' })
  team?: string;

  @ApiPropertyOptional({ enum: ROUTING_DEFERRAL_REASONS, description: 'Only leads waiting for this reason' })
  @IsOptional()
  @IsIn(ROUTING_DEFERRAL_REASONS, { message: `reason must be one of ${ROUTING_DEFERRAL_REASONS.join(', ')}` })
  reason?: string;
}

export class UnassignedLeadView {
  @ApiProperty() leadId!: string;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Null for a moment while the lead list catches up',
  })
  name!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) company!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) source!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) region!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'The team whose reps routing tried; null = the tenant-wide policy over every rep',
  })
  teamId!: string | null;
  @ApiProperty({ enum: ROUTING_DEFERRAL_REASONS, description: 'Why no rep could take it' }) reason!: string;
  @ApiProperty({ example: 'all 3 active rep(s) at capacity' }) detail!: string;
  @ApiProperty({ description: 'When routing first found nobody (ISO time): the queue is oldest first' })
  waitingSince!: string;
  @ApiProperty({ description: 'When the reason last changed' }) lastDeferredAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The import that brought the lead in' })
  importBatchId!: string | null;
}

export class UnassignedLeadPageView {
  @ApiProperty({ type: [UnassignedLeadView] }) items!: UnassignedLeadView[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
