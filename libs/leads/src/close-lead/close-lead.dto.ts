import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { DISQUALIFICATION_REASONS, type DisqualificationReason } from '../domain/lead-vocabulary.js';

/** BANT: what is known about budget, authority, need and timeline. */
export class QualifyLeadDto {
  @ApiProperty({ example: 'EUR 200-300k approved for FY27' }) @IsString() @Length(1, 1000) budget!: string;
  @ApiProperty({ example: 'COO signs; IT director recommends' }) @IsString() @Length(1, 1000) authority!: string;
  @ApiProperty({ example: 'Cut empty-running kilometres by 15%' }) @IsString() @Length(1, 1000) need!: string;
  @ApiProperty({ example: 'Pilot in Q2, roll-out in Q4' }) @IsString() @Length(1, 1000) timeline!: string;
}

export class DisqualifyLeadDto {
  @ApiProperty({ enum: DISQUALIFICATION_REASONS, example: 'no_budget' })
  @IsIn(DISQUALIFICATION_REASONS)
  reasonCode!: DisqualificationReason;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) note?: string;
}

export class NurtureLeadDto {
  @ApiProperty({ description: 'When the lead comes back for work', example: '2026-09-01T08:00:00Z' })
  @IsDateString({ strict: true })
  reactivateOn!: string;

  @ApiPropertyOptional({ example: 'Budget cycle starts in September' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

export class ReasonDto {
  @ApiPropertyOptional({ example: 'Rep on leave' }) @IsOptional() @IsString() @Length(1, 1000) reason?: string;
}
