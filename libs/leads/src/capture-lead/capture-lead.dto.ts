import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
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
import { LEAD_SOURCES, type LeadSource } from '../domain/lead-sources.js';
import { LEAD_DIRECTIONS, type LeadDirection } from '../domain/lead-vocabulary.js';

/** Body of `POST /leads` (and one row of an import). A lead without email or phone is accepted and marked incomplete. */
export class CaptureLeadDto {
  @ApiProperty({ description: 'What the lead is about, e.g. the need or project', example: 'Fleet telematics upgrade' })
  @IsLeadName()
  name!: string;

  @ApiPropertyOptional({ example: 'Nordfrakt AB' })
  @IsOptional()
  @IsLeadName()
  company?: string;

  @ApiPropertyOptional({ description: 'Contact person', example: 'Ingrid Lund' })
  @IsOptional()
  @IsLeadName()
  contactPerson?: string;

  @ApiPropertyOptional({ example: 'ingrid@nordfrakt.example' })
  @IsOptional()
  @IsLeadEmail()
  email?: string;

  @ApiPropertyOptional({
    description: 'Phone number, digits with optional +, spaces, dashes',
    example: '+46 8 123 456',
  })
  @IsOptional()
  @IsLeadPhone()
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
  @IsTerritoryText()
  region?: string;

  @ApiPropertyOptional({ description: 'Language for the first contact (BCP 47)', example: 'sv' })
  @IsOptional()
  @IsLanguageTag()
  language?: string;

  @ApiPropertyOptional({ example: 'logistics' })
  @IsOptional()
  @IsTerritoryText()
  industry?: string;

  @ApiPropertyOptional({
    description: 'Estimated deal size in major units of `currency` (e.g. 250000 EUR); dealSize gives it exactly',
    example: 250000,
  })
  @IsOptional()
  @IsMajorDealSize()
  estimatedDealSize?: number;

  @ApiPropertyOptional({ description: 'ISO 4217 currency of estimatedDealSize', default: 'EUR', example: 'SEK' })
  @IsOptional()
  @IsDealSizeCurrency()
  currency?: string;

  @ApiPropertyOptional({ type: MoneyDto, description: 'Estimated deal size: integer minor units and currency' })
  @IsOptional()
  @IsDealSizeMoney()
  dealSize?: MoneyDto;

  @ApiPropertyOptional({ enum: LEAD_DIRECTIONS, default: 'inbound' })
  @IsOptional()
  @IsIn(LEAD_DIRECTIONS)
  direction?: LeadDirection;

  @ApiPropertyOptional({ example: 'Asked for a call after the trade show' })
  @IsOptional()
  @IsLeadNotes()
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
