import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto, USER_ID_PATTERN } from '#ltc/platform';
import { Transform } from 'class-transformer';
import { IsArray, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { LEAD_SOURCES } from '../domain/lead-sources.js';

export const LEAD_STATUSES = [
  'new',
  'pooled',
  'offered',
  'recycled',
  'assigned',
  'working',
  'qualified',
  'nurturing',
  'disqualified',
  'converted',
  'archived',
] as const;

const csv = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : value;

/**
 * Paging of the lead lists: `limit`/`offset` as before, or `cursor` for deep pages, and
 * `count=exact` for an exact total on any page.
 */
export class LeadPageQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description:
      'The nextCursor of the previous page (with the same order): reads the next page without skipping rows, however deep. Not with offset.',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,512}$/, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;

  @ApiPropertyOptional({
    enum: ['exact'],
    description:
      'exact: count every match, on cursor pages too (offset pages count up to 10,000 and beyond that give totalAtLeast)',
  })
  @IsOptional()
  @IsIn(['exact'])
  count?: 'exact';
}

export class LeadListQueryDto extends LeadPageQueryDto {
  @ApiPropertyOptional({
    description: 'One or more statuses, comma-separated',
    example: 'assigned,working',
    enum: LEAD_STATUSES,
    isArray: true,
  })
  @IsOptional()
  @Transform(csv)
  @IsArray()
  @IsIn(LEAD_STATUSES, { each: true })
  status?: string[];

  @ApiPropertyOptional({ description: 'Owner rep id' })
  @IsOptional()
  @Matches(USER_ID_PATTERN, { message: 'owner must be a user id' })
  owner?: string;

  @ApiPropertyOptional({ enum: LEAD_SOURCES })
  @IsOptional()
  @IsIn(LEAD_SOURCES)
  source?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) region?: string;

  @ApiPropertyOptional({ description: 'Sales team id' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9_-]{0,62}$/, { message: 'team must be a team id such as emea-north' })
  team?: string;

  @ApiPropertyOptional({ enum: ['A', 'B', 'C'] }) @IsOptional() @IsIn(['A', 'B', 'C']) tier?: string;

  @ApiPropertyOptional({ description: 'category:tag or just tag', example: 'cognitive_mode:price-first' })
  @IsOptional()
  @Matches(/^([a-z_]+:)?[a-z0-9][a-z0-9-]{0,62}$/, { message: 'tag must look like category:tag or tag' })
  tag?: string;

  @ApiPropertyOptional({ enum: ['none', 'pending', 'warning', 'breached', 'met', 'missed'] })
  @IsOptional()
  @IsIn(['none', 'pending', 'warning', 'breached', 'met', 'missed'])
  sla?: string;

  @ApiPropertyOptional({ description: 'Text in name, company, contact person, email or phone' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;

  @ApiPropertyOptional({ enum: ['newest', 'oldest', 'priority'], default: 'newest' })
  @IsOptional()
  @IsIn(['newest', 'oldest', 'priority'])
  order?: 'newest' | 'oldest' | 'priority';
}
