import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { USER_ID_PATTERN } from '#ltc/platform';
import { CALENDAR_DATE, MoneyDto } from '../opportunity-dto.js';
import { PIPELINE_SLUG } from '../pipelines/pipeline.dto.js';

/** Present when given: null is refused where the field has no "none" to mean. */
const IsOmittable = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);

/** Body of `POST /opportunities`: a deal opened directly (an existing customer's expansion, say). */
export class OpenOpportunityDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The deal id; omitted = derived from the Idempotency-Key, else new',
  })
  @IsOmittable()
  @IsUUID('all')
  id?: string;

  @ApiProperty({ example: 'Fleet telematics expansion' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Nordfrakt AB', description: 'The account (company)' })
  @IsOptional()
  @IsString()
  @Length(0, 200)
  account?: string | null;

  @ApiPropertyOptional({ type: MoneyDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount?: MoneyDto | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2026-06-30', description: 'Expected close date' })
  @IsOptional()
  @Matches(CALENDAR_DATE, { message: 'closeDate must be a date YYYY-MM-DD' })
  closeDate?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['telematics'] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  productsOfInterest?: string[];

  @ApiPropertyOptional({
    example: 'rep-ingrid',
    description: 'The AR who owns it; omitted = the caller. Must hold `ar`',
  })
  @IsOmittable()
  @Matches(USER_ID_PATTERN, { message: 'owner must be a user id (letters, digits, . _ : @ | + -)' })
  owner?: string;

  @ApiPropertyOptional({ example: 'default', description: 'Pipeline id; omitted = default' })
  @IsOmittable()
  @Matches(PIPELINE_SLUG, { message: 'pipeline must be a pipeline id (a lower-case slug)' })
  pipeline?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The lead it came from, when there was one',
  })
  @IsOptional()
  @IsUUID('all')
  leadId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'emea-north' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  team?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'SE' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  region?: string | null;
}
