import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { LEAD_SOURCES, type LeadSource, TAG_PATTERN, TAG_RULE } from '#ltc/leads/domain';
import { IsLeadEmail, IsLeadName, IsTerritoryText } from '#ltc/leads';
import { INTERACTION_KINDS, type InteractionKind } from '../domain/scoring-model.js';
import { ScoringModelDefinitionView } from '../scoring-model.views.js';

/** A lead that need not exist: only what the scoring rules look at. */
export class PreviewLeadDto {
  @ApiProperty({ enum: LEAD_SOURCES, example: 'website' })
  @IsIn(LEAD_SOURCES)
  source!: LeadSource;

  @ApiPropertyOptional({ example: 'EMEA' }) @IsOptional() @IsTerritoryText() region?: string;
  @ApiPropertyOptional({ example: 'sv' }) @IsOptional() @IsString() @Length(1, 50) language?: string;
  @ApiPropertyOptional({ example: 'logistics' }) @IsOptional() @IsTerritoryText() industry?: string;
  @ApiPropertyOptional({ example: 'Nordfrakt AB' }) @IsOptional() @IsLeadName() company?: string;
  @ApiPropertyOptional({ example: 'ingrid@nordfrakt.example' }) @IsOptional() @IsLeadEmail() email?: string;
  @ApiPropertyOptional({ example: '+46 8 123 456' }) @IsOptional() @IsString() @Length(1, 40) phone?: string;

  @ApiPropertyOptional({ example: 120000, description: 'Estimated deal size in the tenant currency' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  dealSize?: number;

  @ApiPropertyOptional({ example: ['decision-maker'], description: `Tags as leads carry them: ${TAG_RULE}` })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(TAG_PATTERN, { each: true, message: `each tag must be ${TAG_RULE}` })
  tags?: string[];
}

export class PreviewInteractionDto {
  @ApiProperty({ enum: INTERACTION_KINDS }) @IsIn(INTERACTION_KINDS) kind!: InteractionKind;
  @ApiProperty({ example: '2026-03-01T10:00:00Z' }) @IsISO8601({ strict: true }) at!: string;
}

/** A what-if conversion of the lead's source, instead of the tenant's measured one. */
export class PreviewConversionDto {
  @ApiProperty({ example: 0.25 }) @IsNumber() @Min(0) @Max(1) rate!: number;
  @ApiProperty({ example: 120 }) @IsInt() @Min(0) leads!: number;
}

/** Body of `POST /scoring-models/preview`. */
export class PreviewLeadScoreDto {
  @ApiProperty({ type: PreviewLeadDto })
  @ValidateNested()
  @Type(() => PreviewLeadDto)
  lead!: PreviewLeadDto;

  @ApiPropertyOptional({ type: [PreviewInteractionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => PreviewInteractionDto)
  interactions?: PreviewInteractionDto[];

  @ApiPropertyOptional({
    type: ScoringModelDefinitionView,
    description: "Rules to try instead of the tenant's current model (not saved); errors name model.<path>",
  })
  @IsOptional()
  @IsObject()
  model?: Record<string, unknown>;

  @ApiPropertyOptional({ type: PreviewConversionDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PreviewConversionDto)
  sourceConversion?: PreviewConversionDto;
}
