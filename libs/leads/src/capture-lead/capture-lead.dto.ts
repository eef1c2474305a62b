import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
  ValidateNested,
} from 'class-validator';
import { CURRENCY_CODES } from '#ltc/kernel';
import { MoneyDto } from '../deal-size.dto.js';
import { LEAD_SOURCES, type LeadSource } from '../domain/lead-sources.js';
import { LEAD_DIRECTIONS, type LeadDirection } from '../domain/lead-vocabulary.js';

/** Body of `POST /leads` (and one row of an import). A lead without email or phone is accepted and marked incomplete. */
export class CaptureLeadDto {
  @ApiProperty({ description: 'What the lead is about, e.g. the need or project', example: 'Fleet telematics upgrade' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ example: 'Nordfrakt AB' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  company?: string;

  @ApiPropertyOptional({ description: 'Contact person', example: 'Ingrid Lund' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  contactPerson?: string;

  @ApiPropertyOptional({ example: 'ingrid@nordfrakt.example' })
  @IsOptional()
  @IsEmail()
  email?: string;

  @ApiPropertyOptional({
    description: 'Phone number, digits with optional +, spaces, dashes',
    example: '+46 8 123 456',
  })
  @IsOptional()
  @Matches(/^\+?[0-9][0-9 ()./-]{4,30}$/, { message: 'phone must be a phone number such as +46 8 123 456' })
  phone?: string;

  @ApiProperty({ enum: LEAD_SOURCES, example: 'website' })
  @IsIn(LEAD_SOURCES)
  source!: LeadSource;

  @ApiPropertyOptional({
    description: "The sales team whose distribution policy applies (else the tenant's routing rules decide)",
    example: 'emea-north',
  })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9_-]{0,62}$/, { message: 'team must be a team id such as emea-north' })
  team?: string;

  @ApiPropertyOptional({ description: 'Sales region or territory', example: 'EMEA' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  region?: string;

  @ApiPropertyOptional({ description: 'Language for the first contact (BCP 47)', example: 'sv' })
  @IsOptional()
  @Matches(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, { message: 'language must be a language tag such as sv or en-GB' })
  language?: string;

  @ApiPropertyOptional({ example: 'logistics' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  industry?: string;

  @ApiPropertyOptional({
    description: 'Estimated deal size in major units of `currency` (e.g. 250000 EUR); dealSize gives it exactly',
    example: 250000,
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1e12)
  estimatedDealSize?: number;

  @ApiPropertyOptional({ description: 'ISO 4217 currency of estimatedDealSize', default: 'EUR', example: 'SEK' })
  @IsOptional()
  @IsIn(CURRENCY_CODES, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency?: string;

  @ApiPropertyOptional({ type: MoneyDto, description: 'Estimated deal size: integer minor units and currency' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  dealSize?: MoneyDto;

  @ApiPropertyOptional({ enum: LEAD_DIRECTIONS, default: 'inbound' })
  @IsOptional()
  @IsIn(LEAD_DIRECTIONS)
  direction?: LeadDirection;

  @ApiPropertyOptional({ example: 'Asked for a call after the trade show' })
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  notes?: string;

  @ApiPropertyOptional({
    enum: ['reject', 'touch'],
    default: 'reject',
    description:
      'When the email or phone belongs to an existing lead: reject with 409 LEAD_DUPLICATE, or record a touch on it',
  })
  @IsOptional()
  @IsIn(['reject', 'touch'])
  onDuplicate?: 'reject' | 'touch';
}
