import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, ValidateIf } from 'class-validator';
import { MoneyDto } from '../deal-size.dto.js';
import {
  IsDealSizeCurrency,
  IsDealSizeMoney,
  IsLanguageTag,
  IsLeadEmail,
  IsLeadName,
  IsLeadNotes,
  IsLeadPhone,
  IsMajorDealSize,
  IsTerritoryText,
} from '../lead-profile.validators.js';

/** Validated when present, and null refused: for fields a lead can't be without. */
const IsOmittable = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);

/**
 * Body of `PATCH /leads/{id}`: every field given replaces the current value, `null` clears
 * an optional one, fields left out stay as they are. The same rules as `POST /leads`.
 */
export class EditLeadDto {
  @ApiPropertyOptional({ example: 'Fleet telematics upgrade, phase 2' })
  @IsOmittable()
  @IsLeadName()
  name?: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Nordfrakt AB' })
  @IsOptional()
  @IsLeadName()
  company?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Ingrid Lund' })
  @IsOptional()
  @IsLeadName()
  contactPerson?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Moves the duplicate guard to the new email' })
  @IsOptional()
  @IsLeadEmail()
  email?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Moves the duplicate guard to the new phone' })
  @IsOptional()
  @IsLeadPhone()
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'EMEA' })
  @IsOptional()
  @IsTerritoryText()
  region?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'sv' })
  @IsOptional()
  @IsLanguageTag()
  language?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'logistics' })
  @IsOptional()
  @IsTerritoryText()
  industry?: string | null;

  @ApiPropertyOptional({ nullable: true, type: MoneyDto, description: 'Estimated deal size; null clears it' })
  @IsOptional()
  @IsDealSizeMoney()
  dealSize?: MoneyDto | null;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'Deal size in major units of currency (older form)',
  })
  @IsOptional()
  @IsMajorDealSize()
  estimatedDealSize?: number | null;

  @ApiPropertyOptional({ description: 'ISO 4217 currency of estimatedDealSize', default: 'EUR' })
  @IsOptional()
  @IsDealSizeCurrency()
  currency?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsLeadNotes()
  notes?: string | null;
}
