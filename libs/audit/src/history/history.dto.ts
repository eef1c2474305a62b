import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { CursorPageQueryDto, USER_ID_PATTERN, commaList } from '#ltc/platform';

const EVENT_TYPE = /^[A-Za-z][A-Za-z0-9]{0,99}$/;
const STREAM_KIND = /^[a-z][a-zA-Z0-9]{0,49}$/;

/** The period and paging every history takes. */
export class PeriodPageQueryDto extends CursorPageQueryDto {
  @ApiPropertyOptional({ description: 'Entries that occurred at or after this instant (ISO-8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Entries that occurred before this instant (ISO-8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ description: 'Event types, comma-separated', example: 'InvoiceIssued,PaymentReceived' })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(EVENT_TYPE, { each: true, message: 'type must be event type names such as PaymentReceived' })
  type?: string[];
}

export class DealHistoryQueryDto extends PeriodPageQueryDto {
  @ApiPropertyOptional({
    description: 'Stream kinds, comma-separated: lead, opportunity, contract, ticket, timer',
    example: 'contract,ticket',
  })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(STREAM_KIND, { each: true, message: 'kind must be stream kinds such as lead or contract' })
  kind?: string[];

  @ApiPropertyOptional({ description: 'Only what this person did (a user id)' })
  @IsOptional()
  @Matches(USER_ID_PATTERN, { message: 'actor must be a user id' })
  actor?: string;

  @ApiPropertyOptional({
    description:
      'Instead of the timeline: the causal chain of this event (its id), back to the command that started it',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9-]{1,100}$/, { message: 'explain must be an event id' })
  explain?: string;
}

export class DealIdParamDto {
  @ApiProperty({ format: 'uuid', description: "The deal's id (its opportunity's and contract's)" })
  @IsUUID('all')
  dealId!: string;
}

export class ActorParamDto {
  @ApiProperty({ example: 'rep-ingrid', description: "The person's user id (a token's subject)" })
  @Matches(USER_ID_PATTERN, { message: 'userId must be a user id' })
  userId!: string;
}
