import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsNumber,
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
import { CURRENCY_CODES } from '#ltc/kernel';
import { MoneyDto } from '../deal-size.dto.js';

/** Validated when present, and null refused: for fields a lead can't be without. */
const IsOmittable = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);

/**
 * Body of `PATCH /leads/{id}`: every field given replaces the current value, `null` clears
 * an optional one, fields left out stay as they are. The same rules as `POST /leads`.
 */
export class EditLeadDto {
  @ApiPropertyOptional({ example: 'Fleet telematics upgrade, phase 2' })
  @IsOmittable()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Nordfrakt AB' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  company?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Ingrid Lund' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  contactPerson?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Moves the duplicate guard to the new email' })
  @IsOptional()
  @IsEmail()
  email?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Moves the duplicate guard to the new phone' })
  @IsOptional()
  @Matches(/^\+?[0-9][0-9 ()./-]{4,30}$/, { message: 'phone must be a phone number such as +46 8 123 456' })
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'EMEA' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  region?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'sv' })
  @IsOptional()
  @Matches(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, { message: 'language must be a language tag such as sv or en-GB' })
  language?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'logistics' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  industry?: string | null;

  @ApiPropertyOptional({ nullable: true, type: MoneyDto, description: 'Estimated deal size; null clears it' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  dealSize?: MoneyDto | null;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'Deal size in major units of currency (older form)',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1e12)
  estimatedDealSize?: number | null;

  @ApiPropertyOptional({ description: 'ISO 4217 currency of estimatedDealSize', default: 'EUR' })
  @IsOptional()
  @IsIn(CURRENCY_CODES, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  notes?: string | null;
}
