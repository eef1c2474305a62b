import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  Equals,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import type { ChainBreakReason } from '#ltc/event-store';
import { CHAIN_BREAK_MEANING } from './chain-report.view.js';

const BREAK_REASONS = Object.keys(CHAIN_BREAK_MEANING) as ChainBreakReason[];
const DIGITS = /^\d{1,20}$/;

export class ChainBreakDto {
  @ApiProperty({ example: 'opportunity-4d2c…' }) stream!: string;
  @ApiProperty({ description: 'The revision of the first broken link (a decimal string)' }) revision!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Its global position; null for anchor_missing' })
  position!: string | null;
  @ApiProperty({ nullable: true, type: String }) eventId!: string | null;
  @ApiProperty({ enum: BREAK_REASONS }) reason!: ChainBreakReason;
  @ApiProperty({ description: 'What the reason means, in words' }) meaning!: string;
}

export class ChainReportDto {
  @ApiProperty({ description: 'True when no link is broken' }) ok!: boolean;
  @ApiProperty({ description: 'The log position the check read up to (events after it are checked next time)' })
  headPosition!: string;
  @ApiProperty() eventsChecked!: number;
  @ApiProperty() streamsChecked!: number;
  @ApiProperty({ description: 'How many exported chain heads were compared' }) anchorsChecked!: number;
  @ApiProperty({ type: [ChainBreakDto], description: 'The first broken link of each stream that has one' })
  breaks!: ChainBreakDto[];
}

export class ChainAnchorDto {
  @ApiProperty({ example: 'lead-0b6c1f5e-7d0a-4c53-9f3e-2a1d5c7e9b10' })
  @IsString()
  @Length(1, 300)
  stream!: string;

  @ApiProperty({ example: '7', description: 'The revision of the stream head when the anchor was taken' })
  @IsString()
  @Matches(DIGITS, { message: 'revision must be a decimal string' })
  revision!: string;

  @ApiProperty({ description: 'The hash of that event (hex SHA-256)' })
  @IsString()
  @Matches(/^[0-9a-f]{64}$/, { message: 'chainHash must be 64 lowercase hex digits' })
  chainHash!: string;
}

/** The file GET /audit/anchors (or `ltc audit anchor`) gave, sent back as it was. */
export class AnchorFileDto {
  @ApiPropertyOptional({ enum: ['ltc-chain-anchors'] })
  @IsOptional()
  @Equals('ltc-chain-anchors')
  kind?: string;

  @ApiPropertyOptional({ enum: [1] })
  @IsOptional()
  @IsIn([1])
  version?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601()
  createdAt?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(DIGITS, { message: 'headPosition must be a decimal string' })
  headPosition?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  tenantId?: string | null;

  @ApiProperty({ type: [ChainAnchorDto] })
  @IsArray()
  @ArrayMaxSize(1_000_000)
  @ValidateNested({ each: true })
  @Type(() => ChainAnchorDto)
  anchors!: ChainAnchorDto[];
}

export class ChainAnchorFileView {
  @ApiProperty({ enum: ['ltc-chain-anchors'] }) kind!: 'ltc-chain-anchors';
  @ApiProperty({ enum: [1] }) version!: 1;
  @ApiProperty() createdAt!: string;
  @ApiProperty() headPosition!: string;
  @ApiProperty({ nullable: true, type: String }) tenantId!: string | null;
  @ApiProperty({ type: [ChainAnchorDto] }) anchors!: ChainAnchorDto[];
}
