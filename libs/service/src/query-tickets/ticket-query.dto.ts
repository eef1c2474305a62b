import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CursorPageQueryDto, USER_ID_PATTERN } from '#ltc/platform';
import { Transform, Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { CUSTOMER_ACCOUNT, CUSTOMER_ACCOUNT_RULE } from '../customer-account.js';
import { LINES, PRIORITIES } from '../domain/service-vocabulary.js';
import { CSAT_GROUPINGS, OLA_GROUPINGS, SLA_GROUPINGS } from '../read-models/service-analytics.queries.js';

const csv = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : value;

const booleanText = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

export const TICKET_STATUSES = ['open', 'waiting', 'resolved', 'closed'] as const;

/** Paging of the ticket lists: `limit` and the `nextCursor` of the previous page. */
export class TicketPageQueryDto extends CursorPageQueryDto {}

/** A group or engineer to narrow a queue to. */
export class TicketOwnerQueryDto extends TicketPageQueryDto {
  @ApiPropertyOptional({ description: 'A service group id' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  group?: string;

  @ApiPropertyOptional({ description: 'The engineer, a user id' })
  @IsOptional()
  @Matches(USER_ID_PATTERN, { message: 'engineer must be a user id' })
  engineer?: string;
}

export class TicketListQueryDto extends TicketOwnerQueryDto {
  @ApiPropertyOptional({ description: 'One or more statuses, comma-separated', example: 'open,waiting' })
  @IsOptional()
  @Transform(csv)
  @IsArray()
  @IsIn(TICKET_STATUSES, { each: true })
  status?: string[];

  @ApiPropertyOptional({ description: 'One or more priorities, comma-separated', example: 'P1,P2' })
  @IsOptional()
  @Transform(csv)
  @IsArray()
  @IsIn(PRIORITIES, { each: true })
  priority?: string[];

  @ApiPropertyOptional({ enum: LINES })
  @IsOptional()
  @Type(() => Number)
  @IsIn(LINES, { message: 'line must be 1, 2 or 3' })
  line?: number;

  @ApiPropertyOptional({ description: "The customer's account" })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  account?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 128)
  product?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 128)
  category?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'A running clock warned and not breached' })
  @IsOptional()
  @Transform(booleanText)
  @IsBoolean({ message: 'atRisk must be true or false' })
  atRisk?: boolean;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'A clock breached' })
  @IsOptional()
  @Transform(booleanText)
  @IsBoolean({ message: 'breached must be true or false' })
  breached?: boolean;

  @ApiPropertyOptional({ description: "Text in the subject or the customer's account" })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;

  @ApiPropertyOptional({
    enum: ['newest', 'breach'],
    default: 'newest',
    description: 'newest: newest accepted first; breach: the earliest breach of a running clock first',
  })
  @IsOptional()
  @IsIn(['newest', 'breach'])
  sort?: 'newest' | 'breach';
}

/** `/queues/{line}`: 1, 2 or 3. */
export class LineParamDto {
  @ApiProperty({ enum: LINES })
  @Type(() => Number)
  @IsIn(LINES, { message: 'line must be 1, 2 or 3' })
  line!: 1 | 2 | 3;
}

/** `/customers/{account}/tickets`. */
export class AccountParamDto {
  @ApiProperty({ description: "The customer's account, as the tickets name it", pattern: CUSTOMER_ACCOUNT.source })
  @Matches(CUSTOMER_ACCOUNT, { message: `account ${CUSTOMER_ACCOUNT_RULE}` })
  account!: string;
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class SlaAnalyticsQueryDto {
  @ApiPropertyOptional({ description: 'Accepted on or after this day (YYYY-MM-DD, UTC)' })
  @IsOptional()
  @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ description: 'Accepted on or before this day (YYYY-MM-DD, UTC)' })
  @IsOptional()
  @Matches(DATE, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ enum: SLA_GROUPINGS, default: 'priority' })
  @IsOptional()
  @IsIn(SLA_GROUPINGS)
  groupBy?: (typeof SLA_GROUPINGS)[number];
}

export class OlaAnalyticsQueryDto {
  @ApiPropertyOptional({ enum: OLA_GROUPINGS, default: 'line' })
  @IsOptional()
  @IsIn(OLA_GROUPINGS)
  groupBy?: (typeof OLA_GROUPINGS)[number];
}

export class CsatAnalyticsQueryDto {
  @ApiPropertyOptional({ enum: CSAT_GROUPINGS, default: 'group' })
  @IsOptional()
  @IsIn(CSAT_GROUPINGS)
  groupBy?: (typeof CSAT_GROUPINGS)[number];
}

export class ProductRequirementQueryDto extends TicketPageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 128)
  product?: string;

  @ApiPropertyOptional({ description: "The customer's account" })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  account?: string;
}
