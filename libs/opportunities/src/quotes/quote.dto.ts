import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CommandResponseDto } from '#ltc/platform';
import { CALENDAR_DATE, MoneyDto } from '../opportunity-dto.js';

/** One line of a quote: every unit price of a quote in one currency. */
export class QuoteLineDto {
  @ApiProperty({ example: 'TLM-100' })
  @IsString()
  @Length(1, 100)
  sku!: string;

  @ApiProperty({ example: 'Telematics unit, 36-month licence' })
  @IsString()
  @Length(0, 500)
  description!: string;

  @ApiProperty({ example: 40, description: 'Whole units' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  quantity!: number;

  @ApiProperty({ type: MoneyDto })
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  unitPrice!: MoneyDto;

  @ApiPropertyOptional({ example: 1000, description: 'Discount on this line in basis points (0–10000); default 0' })
  @ValidateIf((_o, value) => value !== undefined)
  @IsInt()
  @Min(0)
  @Max(10_000)
  discountBp?: number;
}

/** Body of `POST /opportunities/{id}/quotes`: a new version; older versions never change. */
export class CreateQuoteDto {
  @ApiProperty({ type: [QuoteLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => QuoteLineDto)
  lines!: QuoteLineDto[];

  @ApiProperty({ example: '2026-07-31', description: 'Last day the quote holds, YYYY-MM-DD' })
  @Matches(CALENDAR_DATE, { message: 'validUntil must be a date YYYY-MM-DD' })
  validUntil!: string;
}

/** Body of `POST …/quotes/{version}/approve`. */
export class ApproveQuoteDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Strategic account' })
  @IsOptional()
  @IsString()
  @Length(0, 1000)
  note?: string | null;
}

/** The answer of a new quote version: the command's answer and the version created. */
export class QuoteCreatedDto extends CommandResponseDto {
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty({ description: 'Whether its discount needs a sales manager’s approval before it is sent' })
  needsApproval!: boolean;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ example: 4_000_000, description: 'Sum of the lines before discount, minor units' })
  subtotalMinor!: number;
  @ApiProperty({ example: 400_000 }) discountMinor!: number;
  @ApiProperty({ example: 3_600_000 }) totalMinor!: number;
}
