import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CONFIG_SLUG, MAX_MINUTES } from '../domain/config/index.js';
import { SLA_CLOCKS, WAIT_REASONS, type EscalationAction, type WaitReason } from '../domain/service-vocabulary.js';
import { SLUG_MESSAGE } from './config-id.dto.js';

const ESCALATION_ACTIONS: readonly EscalationAction[] = [
  'notify_group_lead',
  'reassign_to_group_lead',
  'escalate_line',
];

export class SlaTargetsDto {
  @ApiProperty({ example: 30, description: 'Business minutes to the first response' })
  @IsInt()
  @Min(1)
  @Max(MAX_MINUTES)
  responseMinutes!: number;

  @ApiProperty({ example: 240, description: 'Business minutes to resolution' })
  @IsInt()
  @Min(1)
  @Max(MAX_MINUTES)
  resolutionMinutes!: number;
}

/** Every priority has targets. */
export class SlaTargetsByPriorityDto {
  @ApiProperty({ type: SlaTargetsDto }) @ValidateNested() @Type(() => SlaTargetsDto) P1!: SlaTargetsDto;
  @ApiProperty({ type: SlaTargetsDto }) @ValidateNested() @Type(() => SlaTargetsDto) P2!: SlaTargetsDto;
  @ApiProperty({ type: SlaTargetsDto }) @ValidateNested() @Type(() => SlaTargetsDto) P3!: SlaTargetsDto;
  @ApiProperty({ type: SlaTargetsDto }) @ValidateNested() @Type(() => SlaTargetsDto) P4!: SlaTargetsDto;
}

export class EscalationRuleDto {
  @ApiProperty({ enum: ['warning', 'breach'] })
  @IsIn(['warning', 'breach'])
  on!: 'warning' | 'breach';

  @ApiProperty({ enum: [...SLA_CLOCKS, 'any'] })
  @IsIn([...SLA_CLOCKS, 'any'])
  clock!: 'response' | 'resolution' | 'any';

  @ApiProperty({ enum: ESCALATION_ACTIONS })
  @IsIn(ESCALATION_ACTIONS)
  action!: EscalationAction;
}

/** Business minutes an internal task has on each line. */
export class OlaByLineDto {
  @ApiProperty({ example: 120 }) @IsInt() @Min(1) @Max(MAX_MINUTES) '1'!: number;
  @ApiProperty({ example: 240 }) @IsInt() @Min(1) @Max(MAX_MINUTES) '2'!: number;
  @ApiProperty({ example: 480 }) @IsInt() @Min(1) @Max(MAX_MINUTES) '3'!: number;
}

export class OlaDto {
  @ApiProperty({ type: OlaByLineDto })
  @ValidateNested()
  @Type(() => OlaByLineDto)
  byLine!: OlaByLineDto;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'integer', minimum: 1 },
    example: { onsite_visit: 1440 },
    description: 'Business minutes by task kind (a slug); a kind named here wins over its line. Default {}',
  })
  @IsOptional()
  @IsObject()
  byKind?: Record<string, number>;
}

/** Body of `PUT /sla-policies/{id}`: the whole policy; a new version replaces the last one whole. */
export class SlaPolicyDefinitionDto {
  @ApiProperty({ example: 'Gold' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ type: SlaTargetsByPriorityDto })
  @ValidateNested()
  @Type(() => SlaTargetsByPriorityDto)
  targets!: SlaTargetsByPriorityDto;

  @ApiProperty({ nullable: true, type: String, example: 'stockholm', description: 'A calendar id; null: 24x7' })
  @ValidateIf((_, value) => value !== null)
  @Matches(CONFIG_SLUG, { message: `calendarId ${SLUG_MESSAGE}` })
  calendarId!: string | null;

  @ApiProperty({ enum: WAIT_REASONS, isArray: true, example: ['customer'], description: 'Waits that stop the clocks' })
  @IsArray()
  @ArrayMaxSize(WAIT_REASONS.length)
  @IsIn(WAIT_REASONS, { each: true })
  pauseOn!: WaitReason[];

  @ApiPropertyOptional({ example: 75, description: 'Percent of a target at which a clock warns (1–99); default 75' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(99)
  warnAtPercent?: number;

  @ApiProperty({ type: [EscalationRuleDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => EscalationRuleDto)
  escalations!: EscalationRuleDto[];

  @ApiProperty({ type: OlaDto })
  @ValidateNested()
  @Type(() => OlaDto)
  ola!: OlaDto;

  @ApiProperty({ example: false, description: 'Verification must be by someone other than the resolver' })
  @IsBoolean()
  independentVerification!: boolean;

  @ApiPropertyOptional({ example: 7, description: 'Days after closing a ticket can be reopened (0–365); default 7' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  reopenWindowDays?: number;
}
