import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsDateString, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import {
  INTERACTION_KINDS,
  TAG_CATEGORIES,
  type InteractionKind,
  type TagCategory,
} from '../domain/lead-vocabulary.js';
import { TAG_PATTERN, TAG_RULE } from '../domain/lead-tags.js';

export class TagLeadDto {
  @ApiProperty({ enum: TAG_CATEGORIES, example: 'cognitive_mode' })
  @IsIn(TAG_CATEGORIES)
  category!: TagCategory;

  @ApiProperty({ example: 'price-first', description: 'Lower-case words joined by hyphens' })
  @Matches(TAG_PATTERN, { message: `tag must be ${TAG_RULE}` })
  tag!: string;

  @ApiPropertyOptional({ default: false, description: 'true removes the tag instead of adding it' })
  @IsOptional()
  @IsBoolean()
  remove?: boolean;
}

export class RecordInteractionDto {
  @ApiProperty({ enum: INTERACTION_KINDS, example: 'webinar_attended' })
  @IsIn(INTERACTION_KINDS)
  kind!: InteractionKind;

  @ApiPropertyOptional({ example: 'Attended "Cutting transport cost" webinar' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  detail?: string;

  @ApiPropertyOptional({ description: 'When it happened (default: now)', example: '2026-03-01T10:00:00Z' })
  @IsOptional()
  @IsDateString({ strict: true })
  at?: string;
}
