import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { CURRENCY_CODES, type Money } from '#ltc/kernel';

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

/** The validated DTO as the domain's value (a plain object, not the class instance). */
export const moneyOf = (dto: MoneyDto): Money => ({ amountMinor: dto.amountMinor, currency: dto.currency });

/** `YYYY-MM-DD` in a request body; the domain also refuses a day the calendar lacks (31 April). */
export const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
