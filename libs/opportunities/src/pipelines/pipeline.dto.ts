import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  FORECAST_CATEGORIES,
  STAGE_GATES,
  type ForecastCategory,
  type StageGate,
  type StageOutcome,
} from '../domain/pipeline.types.js';

/** Pipeline and stage ids are slugs (`new_business`), stable across versions. */
export const PIPELINE_SLUG = /^[a-z][a-z0-9_]{0,39}$/;
const SLUG_MESSAGE = 'must be a slug: a lower-case letter, then up to 39 lower-case letters, digits or _';
const YEAR_SECONDS = 366 * 24 * 60 * 60;

export class PipelineIdParamDto {
  @ApiProperty({ example: 'default', description: 'The pipeline id, a slug' })
  @Matches(PIPELINE_SLUG, { message: `id ${SLUG_MESSAGE}` })
  id!: string;
}

export class PipelineStageDto {
  @ApiProperty({ example: 'develop_solution' })
  @Matches(PIPELINE_SLUG, { message: `id ${SLUG_MESSAGE}` })
  id!: string;

  @ApiProperty({ example: 'Develop solution' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ enum: ['open', 'won', 'lost'], description: 'Open stages first, then one won and one lost stage' })
  @IsIn(['open', 'won', 'lost'])
  outcome!: StageOutcome;

  @ApiProperty({ example: 2500, description: 'Default win probability in basis points (0–10000)' })
  @IsInt()
  @Min(0)
  @Max(10_000)
  probabilityBp!: number;

  @ApiProperty({ enum: FORECAST_CATEGORIES })
  @IsIn(FORECAST_CATEGORIES)
  forecastCategory!: ForecastCategory;

  @ApiProperty({ enum: STAGE_GATES, isArray: true, description: 'What must be true to enter the stage' })
  @IsArray()
  @ArrayMaxSize(STAGE_GATES.length)
  @IsIn(STAGE_GATES, { each: true })
  gates!: StageGate[];
}

/** Body of `PUT /pipelines/{id}`: the whole definition; a new version replaces the last one whole. */
export class PipelineDefinitionDto {
  @ApiProperty({ example: 'New business' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ type: [PipelineStageDto] })
  @IsArray()
  @ArrayMinSize(3)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => PipelineStageDto)
  stages!: PipelineStageDto[];

  @ApiPropertyOptional({ example: 1500, description: 'Discount above this needs approval (bp); default 1500' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  discountApprovalThresholdBp?: number;

  @ApiPropertyOptional({ example: 86_400, description: 'Seconds to accept a handoff (an OLA); default 24 h' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(YEAR_SECONDS)
  handoffAcceptanceTargetSeconds?: number;

  @ApiPropertyOptional({ example: 86_400, description: 'Seconds after overdue to escalate; default 24 h' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(YEAR_SECONDS)
  overdueEscalationSeconds?: number;

  @ApiPropertyOptional({ type: [String], example: ['price', 'competitor'], description: 'Loss reason codes' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Matches(PIPELINE_SLUG, { each: true, message: `each lossReasons entry ${SLUG_MESSAGE}` })
  lossReasons?: string[];
}
