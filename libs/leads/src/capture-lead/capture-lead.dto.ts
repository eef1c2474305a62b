import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { LEAD_SOURCES, type LeadSource } from '../domain/lead-sources.js';

/** Body of `POST /leads`. A lead without email or phone is accepted and marked incomplete. */
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

  @ApiPropertyOptional({ description: 'Sales region or territory', example: 'EMEA' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  region?: string;
}
