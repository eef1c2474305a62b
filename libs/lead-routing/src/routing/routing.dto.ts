import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '#ltc/platform';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';

export class NotificationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only notifications about this lead' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  leadId?: string;
}

export class AttemptsDueQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ default: false, description: 'Only attempts already due' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdueOnly?: boolean;
}

export class NotificationView {
  @ApiProperty() id!: string;
  @ApiProperty({ description: "The recipient's token subject, or role:sales_manager" }) recipientId!: string;
  @ApiProperty() leadId!: string;
  @ApiProperty({
    example: 'response_breached',
    description:
      'lead_offered, pooled_shark_tank, response_warning, response_breached, recycle_warning, needs_manual_assignment, leads_waiting (one digest per import or minute of leads routing could not place; see GET /leads/unassigned)',
  })
  kind!: string;
  @ApiProperty() message!: string;
  @ApiProperty() createdAt!: string;
}

export class NotificationPageView {
  @ApiProperty({ type: [NotificationView] }) items!: NotificationView[];
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export class AttemptDueView {
  @ApiProperty() leadId!: string;
  @ApiProperty() ownerId!: string;
  @ApiProperty({ description: 'Contact attempts made so far' }) attempts!: number;
  @ApiProperty({ description: "Attempts the lead's tier calls for" }) target!: number;
  @ApiProperty({ description: 'First contact: the response target; later: one cadence gap after the last attempt' })
  nextAttemptDueAt!: string;
  @ApiProperty({ nullable: true, type: String }) lastAttemptAt!: string | null;
  @ApiProperty() overdue!: boolean;
}

export class AttemptDuePageView {
  @ApiProperty({ type: [AttemptDueView] }) items!: AttemptDueView[];
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export class RepWorkloadView {
  @ApiProperty() repId!: string;
  @ApiProperty({ description: 'Open leads by the distribution ledger (decided and confirmed)' }) openLeads!: number;
  @ApiProperty({ description: 'Leads assigned since 00:00 UTC' }) assignedToday!: number;
  @ApiProperty({ nullable: true, type: String }) lastAssignedAt!: string | null;
  @ApiProperty({ description: 'Assigned in the last 90 days' }) recentAssigned!: number;
  @ApiProperty({ description: 'Of those, converted to an opportunity' }) recentConverted!: number;
}
