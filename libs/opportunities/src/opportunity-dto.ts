import { ApiNotFoundResponse, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsUUID, Max, Min } from 'class-validator';
import { CURRENCY_CODES } from '#ltc/kernel';

/** An amount in a request body: integer minor units and an ISO 4217 currency, never a float. */
export class MoneyDto {
  @ApiProperty({ description: 'Integer minor units (cents for EUR)', example: 1_250_000 })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amountMinor!: number;

  @ApiProperty({ description: 'ISO 4217 currency code', example: 'EUR' })
  @IsIn(CURRENCY_CODES, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency!: string;
}

/** `YYYY-MM-DD`; the domain also refuses a day the calendar lacks (31 April). */
export const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `/opportunities/{id}`: the deal id, which is the lead id when a conversion opened it. */
export class OpportunityIdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  id!: string;
}

/** `/opportunities/{id}/quotes/{version}`. */
export class QuoteVersionParamDto extends OpportunityIdParamDto {
  @ApiProperty({ example: 1, description: 'The quote version, from 1' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version!: number;
}

const NOT_FOUND =
  'OPPORTUNITY_NOT_FOUND: no such deal, or one the caller may not see (the same answer, so its existence does not leak); nothing is written';

/** The 404 of every route on `/opportunities/{id}`. */
export const ApiOpportunityNotFound = (alsoMeans?: string): MethodDecorator & ClassDecorator =>
  ApiNotFoundResponse({ description: alsoMeans ? `${NOT_FOUND}. ${alsoMeans}` : NOT_FOUND });
