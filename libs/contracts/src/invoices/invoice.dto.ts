import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsObject, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { CommandResponseDto } from '#ltc/platform';
import { MILESTONES, type Milestone } from '../domain/contract-vocabulary.js';
import { CALENDAR_DATE, MoneyDto } from '../contract-dto.js';

/** Body of `POST /contracts/{id}/invoices`: never above what may be invoiced now. */
export class IssueInvoiceDto {
  @ApiPropertyOptional({
    enum: MILESTONES,
    nullable: true,
    description: 'The payment-term milestone billed; default on_acceptance (accepted value)',
  })
  @IsOptional()
  @IsIn(MILESTONES)
  milestone?: Milestone | null;

  @ApiProperty({ type: MoneyDto })
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount!: MoneyDto;

  @ApiProperty({ example: '2026-06-26', description: 'YYYY-MM-DD' })
  @Matches(CALENDAR_DATE, { message: 'issuedOn must be a date YYYY-MM-DD' })
  issuedOn!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2026-07-26T23:59:59Z',
    description: 'An agreed due moment (ISO 8601) instead of the one the payment terms give',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'dueAt must be an ISO 8601 date-time' })
  dueAt?: string | null;
}

/** Body of `POST /contracts/{id}/invoices/{invoiceId}/credit-notes`: reverses part of what is open. */
export class IssueCreditNoteDto {
  @ApiProperty({ type: MoneyDto })
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount!: MoneyDto;

  @ApiProperty({ example: 'Two units returned damaged' })
  @IsString()
  @Length(1, 1000)
  reason!: string;

  @ApiProperty({ example: '2026-06-28', description: 'YYYY-MM-DD' })
  @Matches(CALENDAR_DATE, { message: 'issuedOn must be a date YYYY-MM-DD' })
  issuedOn!: string;
}

/** Body of `POST /contracts/{id}/invoices/{invoiceId}/payments`: never more than is open on the invoice. */
export class RecordPaymentDto {
  @ApiProperty({ type: MoneyDto })
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount!: MoneyDto;

  @ApiProperty({ example: '2026-07-10', description: 'YYYY-MM-DD' })
  @Matches(CALENDAR_DATE, { message: 'receivedOn must be a date YYYY-MM-DD' })
  receivedOn!: string;
}

/** Body of `POST /contracts/{id}/unapplied-cash`: cash received that no invoice takes (e.g. an overpayment). */
export class RecordUnappliedCashDto extends RecordPaymentDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Paid twice by mistake' })
  @IsOptional()
  @IsString()
  @Length(0, 1000)
  note?: string | null;
}

export class InvoiceIssuedDto extends CommandResponseDto {
  @ApiProperty({ format: 'uuid' }) invoiceId!: string;
}

export class CreditNoteIssuedDto extends CommandResponseDto {
  @ApiProperty({ format: 'uuid' }) creditNoteId!: string;
}

export class PaymentRecordedDto extends CommandResponseDto {
  @ApiProperty({ format: 'uuid' }) paymentId!: string;
}

export class UnappliedCashRecordedDto extends CommandResponseDto {
  @ApiProperty({ format: 'uuid' }) cashId!: string;
}
