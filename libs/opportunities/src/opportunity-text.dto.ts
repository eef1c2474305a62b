import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

/** A body whose only field is an optional reason (a stage move, a win). */
export class OptionalReasonDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Solution workshop done' })
  @IsOptional()
  @IsString()
  @Length(0, 1000)
  reason?: string | null;
}

/** A body that must say why (a reopen, a declined handoff, a rejected quote). */
export class RequiredReasonDto {
  @ApiProperty({ example: 'The customer came back after the budget freeze' })
  @IsString()
  @Length(1, 1000)
  reason!: string;
}
