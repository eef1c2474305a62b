import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
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
import { CALENDAR_DATE, MoneyDto } from '../opportunity-dto.js';

/** Body of `PATCH /opportunities/{id}`: the fields given change (null clears amount or close date), the rest stay. */
export class EditOpportunityDto {
  @ApiPropertyOptional({ example: 'Fleet telematics upgrade, phase 2' })
  @ValidateIf((_o, value) => value !== undefined)
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ type: MoneyDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount?: MoneyDto | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2026-09-30', description: 'Expected close date' })
  @IsOptional()
  @Matches(CALENDAR_DATE, { message: 'closeDate must be a date YYYY-MM-DD' })
  closeDate?: string | null;

  @ApiPropertyOptional({ example: 4000, description: 'Win probability in basis points (0–10000)' })
  @ValidateIf((_o, value) => value !== undefined)
  @IsInt()
  @Min(0)
  @Max(10_000)
  probabilityBp?: number;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Customer moved the board meeting' })
  @IsOptional()
  @IsString()
  @Length(0, 1000)
  reason?: string | null;
}
