import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { CommandResponseDto } from '#ltc/platform';
import { MoneyDto } from '../contract-dto.js';

/** Body of `POST /contracts/{id}/amend`: the new value and why; a sales manager approves it. */
export class RequestAmendmentDto {
  @ApiProperty({ type: MoneyDto, description: 'The new contract value' })
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  value!: MoneyDto;

  @ApiProperty({ example: 'Two more depots join the roll-out' })
  @IsString()
  @Length(1, 1000)
  reason!: string;
}

/** Body of `POST /contracts/{id}/amendments/{amendmentId}/approve`. */
export class ApproveAmendmentDto {
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @Length(0, 1000)
  note?: string | null;
}

export class AmendmentRequestedDto extends CommandResponseDto {
  @ApiProperty({ format: 'uuid', description: 'The amendment, to approve or reject' })
  amendmentId!: string;
}
