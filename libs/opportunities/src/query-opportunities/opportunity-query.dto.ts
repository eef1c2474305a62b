import { ApiPropertyOptional } from '@nestjs/swagger';
import { AsOfProperty, USER_ID_PATTERN } from '#ltc/platform';
import { Transform, Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { CALENDAR_DATE } from '../opportunity-dto.js';
import { PIPELINE_SLUG } from '../pipelines/pipeline.dto.js';

const csv = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : value;

const SLUG = 'must be a slug: a lower-case letter, then up to 39 lower-case letters, digits or _';
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The filters the board and the list share. */
export class DealFilterQueryDto {
  @ApiPropertyOptional({ description: 'Owner (the AR), a user id' })
  @IsOptional()
  @Matches(USER_ID_PATTERN, { message: 'owner must be a user id' })
  owner?: string;

  @ApiPropertyOptional({ description: 'Sales team id' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9_-]{0,62}$/, { message: 'team must be a team id such as emea-north' })
  team?: string;

  @ApiPropertyOptional({ description: "The lead's source, e.g. referral" })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]{0,39}$/, { message: 'source must be a lead source such as referral' })
  source?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) region?: string;

  @ApiPropertyOptional({ description: 'Expected close on or after, YYYY-MM-DD', example: '2026-04-01' })
  @IsOptional()
  @Matches(CALENDAR_DATE, { message: 'closeFrom must be a date YYYY-MM-DD' })
  closeFrom?: string;

  @ApiPropertyOptional({ description: 'Expected close on or before, YYYY-MM-DD', example: '2026-06-30' })
  @IsOptional()
  @Matches(CALENDAR_DATE, { message: 'closeTo must be a date YYYY-MM-DD' })
  closeTo?: string;
}

export class OpportunityListQueryDto extends DealFilterQueryDto {
  @ApiPropertyOptional({ description: 'One or more of open, won, lost, comma-separated', example: 'open' })
  @IsOptional()
  @Transform(csv)
  @IsArray()
  @IsIn(['open', 'won', 'lost'], { each: true })
  status?: string[];

  @ApiPropertyOptional({ example: 'default' })
  @IsOptional()
  @Matches(PIPELINE_SLUG, { message: `pipeline ${SLUG}` })
  pipeline?: string;

  @ApiPropertyOptional({ example: 'bid' })
  @IsOptional()
  @Matches(PIPELINE_SLUG, { message: `stage ${SLUG}` })
  stage?: string;

  @ApiPropertyOptional({ description: 'Text in the name or the account' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,512}$/, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;
}

export class PipelineBoardQueryDto extends DealFilterQueryDto {
  @ApiPropertyOptional({ default: 'default' })
  @IsOptional()
  @Matches(PIPELINE_SLUG, { message: `pipeline ${SLUG}` })
  pipeline?: string;

  @AsOfProperty('The board (the deals the filter selects now)')
  asOf?: string;
}

export class ForecastQueryDto {
  @ApiPropertyOptional({ description: 'One pipeline; all when omitted' })
  @IsOptional()
  @Matches(PIPELINE_SLUG, { message: `pipeline ${SLUG}` })
  pipeline?: string;

  @ApiPropertyOptional({ description: 'First close month, YYYY-MM', example: '2026-04' })
  @IsOptional()
  @Matches(MONTH, { message: 'from must be a month YYYY-MM' })
  from?: string;

  @ApiPropertyOptional({ description: 'Last close month, YYYY-MM', example: '2026-06' })
  @IsOptional()
  @Matches(MONTH, { message: 'to must be a month YYYY-MM' })
  to?: string;

  @ApiPropertyOptional({ description: 'Also show how the forecast moved since this moment (ISO date-time)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'since must be an ISO 8601 date-time' })
  since?: string;
}
