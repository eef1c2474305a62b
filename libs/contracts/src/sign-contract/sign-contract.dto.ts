import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
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
import { MILESTONES, NET_DAYS, type PaymentTermsInput } from '../domain/contract-vocabulary.js';
import { CALENDAR_DATE, MoneyDto } from '../contract-dto.js';

/** A share of the value invoiced at a milestone, in basis points. */
export class MilestoneShareDto {
  @ApiProperty({ enum: MILESTONES, example: 'on_signing' })
  @IsIn(MILESTONES)
  milestone!: (typeof MILESTONES)[number];

  @ApiProperty({ example: 3000, description: 'Share in basis points; the shares sum to 10000' })
  @IsInt()
  @Min(1)
  @Max(10_000)
  shareBp!: number;
}

/**
 * Milestone shares with days to pay, or net 30/60/90. A field the kind requires must be sent; one
 * the kind does not use is still checked when sent, so a wrong value is a 400 naming it, never ignored.
 */
export class PaymentTermsDto {
  @ApiProperty({ enum: ['milestones', 'net'], example: 'net' })
  @IsIn(['milestones', 'net'])
  kind!: 'milestones' | 'net';

  @ApiPropertyOptional({ type: [MilestoneShareDto], description: 'Required for kind milestones' })
  @ValidateIf((o: PaymentTermsDto) => o.kind === 'milestones' || o.milestones !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ValidateNested({ each: true })
  @Type(() => MilestoneShareDto)
  milestones?: MilestoneShareDto[];

  @ApiPropertyOptional({ example: 30, description: 'Days to pay an invoice; required for kind milestones' })
  @ValidateIf((o: PaymentTermsDto) => o.kind === 'milestones' || o.dueDays !== undefined)
  @IsInt()
  @Min(0)
  @Max(365)
  dueDays?: number;

  @ApiPropertyOptional({ enum: NET_DAYS, example: 30, description: 'Net days; required for kind net' })
  @ValidateIf((o: PaymentTermsDto) => o.kind === 'net' || o.days !== undefined)
  @IsIn(NET_DAYS)
  days?: number;

  @ApiPropertyOptional({
    type: [Number],
    example: [7, 14, 30],
    description:
      'Days after the due date a reminder goes out: up to 5, each 1–365, strictly increasing; 7, 14, 30 by default',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(365, { each: true })
  reminderDays?: number[];
}

export const paymentTermsOf = (dto: PaymentTermsDto): PaymentTermsInput => ({
  ...(dto.kind === 'net'
    ? { kind: 'net', days: dto.days ?? 30 }
    : {
        kind: 'milestones',
        milestones: (dto.milestones ?? []).map(({ milestone, shareBp }) => ({ milestone, shareBp })),
        dueDays: dto.dueDays ?? 0,
      }),
  // Strictly increasing is the domain's rule (InvalidInputError naming paymentTerms.reminderDays).
  ...(dto.reminderDays === undefined ? {} : { reminderDays: [...dto.reminderDays] }),
});

/** Body of `POST /contracts/{id}/sign`. */
export class SignContractDto {
  @ApiProperty({ type: MoneyDto, description: 'The signed value; the winning quote’s total unless a reason is given' })
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  value!: MoneyDto;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Why the value differs from the quote’s total' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  valueDifferenceReason?: string | null;

  @ApiProperty({ type: PaymentTermsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => PaymentTermsDto)
  paymentTerms!: PaymentTermsDto;

  @ApiProperty({ example: '2026-06-01', description: 'YYYY-MM-DD' })
  @Matches(CALENDAR_DATE, { message: 'signedOn must be a date YYYY-MM-DD' })
  signedOn!: string;

  @ApiProperty({ example: 'Dana Berg, CFO', description: 'The customer’s signatory' })
  @IsString()
  @Length(1, 200)
  signatory!: string;

  @ApiProperty({ example: 1, description: 'The quote version the contract came from (the winning one)' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  quoteVersion!: number;
}
