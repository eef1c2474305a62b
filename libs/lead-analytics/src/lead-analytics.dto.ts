import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { CONCRETE_METHODS } from '#ltc/lead-routing';
import { LEAD_SOURCES } from '#ltc/leads/domain';
import { SPEED_TO_LEAD_GROUPINGS, type SpeedToLeadGrouping } from './speed-to-lead.queries.js';
import { CONVERSION_DIMENSIONS, type ConversionDimension } from './domain/conversion-by.js';

const ID = /^[A-Za-z0-9._:@|+-]{1,128}$/;

/** `from` and `to` of every analytics route. `from` after `to` is a 400 naming `from`. */
export class AnalysisWindowQueryDto {
  @ApiPropertyOptional({
    description: 'Inclusive start: a date (from 00:00 UTC) or a date-time with Z or an offset; omitted = the beginning',
    example: '2026-03-01',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    description: 'Inclusive end: a date (the whole UTC day) or a date-time with Z or an offset; omitted = no end',
    example: '2026-03-31',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class SpeedToLeadQueryDto extends AnalysisWindowQueryDto {
  @ApiPropertyOptional({ enum: LEAD_SOURCES, description: 'Only leads of this capture source' })
  @IsOptional()
  @IsIn(LEAD_SOURCES)
  source?: string;

  @ApiPropertyOptional({ description: 'Only assignments to this rep (token subject)', example: 'ingrid' })
  @IsOptional()
  @Matches(ID, { message: 'rep must be a rep id (letters, digits, . _ : @ | + -)' })
  rep?: string;

  @ApiPropertyOptional({
    description: "Only assignments to reps of this team (the rep's team today)",
    example: 'emea-north',
  })
  @IsOptional()
  @Matches(ID, { message: 'team must be a team id (letters, digits, . _ : @ | + -)' })
  team?: string;

  @ApiPropertyOptional({ enum: SPEED_TO_LEAD_GROUPINGS, default: 'source' })
  @IsOptional()
  @IsIn(SPEED_TO_LEAD_GROUPINGS)
  groupBy?: SpeedToLeadGrouping;
}

export class DistributionQueryDto extends AnalysisWindowQueryDto {
  @ApiPropertyOptional({ enum: CONCRETE_METHODS, description: 'Only assignments made by this method' })
  @IsOptional()
  @IsIn(CONCRETE_METHODS)
  method?: string;
}

/** `GET /analytics/leads/conversion`: the window and the property to group the leads by. */
export class ConversionByQueryDto extends AnalysisWindowQueryDto {
  @ApiPropertyOptional({
    enum: CONVERSION_DIMENSIONS,
    default: 'source',
    description:
      'source; tier (A, B, C); method (how the lead was first distributed); response (first assignment to first ' +
      'contact: within 5 min, 5 to 30 min, over 30 min); attempts (contact attempts 0 … 6+)',
  })
  @IsOptional()
  @IsIn(CONVERSION_DIMENSIONS)
  by?: ConversionDimension;
}
